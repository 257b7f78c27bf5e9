// Over 250 lines on purpose: one bill written in two formats; splitting it would separate rows from the totals the tests compute by hand.
/**
 * Writes fixtures/billing/: one small account's September–October 2026 bill as a CUR 2.0 and a
 * FOCUS 1.2 export (Parquet, CSV, CSV.gz), plus a malformed file and a CUR without resource ids.
 * Both formats describe the same spend, so every total in the tests is the same hand-computed
 * number whichever format is read. Run with `npx tsx scripts/make-billing-fixtures.ts`.
 *
 * What the account spends (rates are round fixture numbers, not AWS prices):
 *   g5.xlarge  on-demand   $1.00/h  24 h/day  Sep 1–Oct 31  team ml-research  us-east-1
 *   p4d.24xl   Savings Plan $14/h effective ($20/h list)   Oct 1–31  team training  us-west-2
 *   m5.xlarge  spot        $0.05/h ($0.20/h list)  Sep 1–Oct 31  team ml-research  us-east-1
 *   S3 bucket  $10/day, untagged                    Sep 1–Oct 31  us-east-1
 *   g4dn.xl    reserved    $0.30/h effective ($0.50/h list)  Sep 1–Oct 31  team inference  eu-west-1
 *              RI fees: $1,000 upfront (Sep 1), $144 recurring (Sep 1, Oct 1)
 *   p5.48xl    on-demand   $50/h    24 h/day  Oct 27–31  team training  us-east-1
 *   credit     -$50 on Oct 15
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'billing');
const A1 = '012345678901';
const A2 = '111122223333';

/** One line item in neutral terms; each format below spells it in its own columns. */
interface Item {
  day: string;
  account: string;
  kind: 'usage' | 'sp-covered' | 'sp-negation' | 'sp-fee' | 'ri-usage' | 'ri-fee' | 'ri-upfront' | 'credit';
  service: 'AmazonEC2' | 'AmazonS3';
  region: string | null;
  resourceId: string | null;
  usageType: string;
  instanceType: string | null;
  hours: number;
  billed: number;
  effective: number;
  list: number;
  /** FOCUS PricingCategory for usage lines. */
  pricing: 'Standard' | 'Dynamic' | 'Committed' | null;
  team: string | null;
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
}

function items(): Item[] {
  const all = days('2026-09-01', '2026-10-31');
  const oct = days('2026-10-01', '2026-10-31');
  const base = { hours: 0, pricing: null, team: null, instanceType: null } as const;
  const out: Item[] = [];
  for (const day of all) {
    out.push({
      ...base,
      day,
      account: A1,
      kind: 'usage',
      service: 'AmazonEC2',
      region: 'us-east-1',
      resourceId: 'i-0g5a00000000000001',
      usageType: 'USE1-BoxUsage:g5.xlarge',
      instanceType: 'g5.xlarge',
      hours: 24,
      billed: 24,
      effective: 24,
      list: 24,
      pricing: 'Standard',
      team: 'ml-research',
    });
    out.push({
      ...base,
      day,
      account: A1,
      kind: 'usage',
      service: 'AmazonEC2',
      region: 'us-east-1',
      resourceId: 'i-0spot0000000000001',
      usageType: 'USE1-SpotUsage:m5.xlarge',
      instanceType: 'm5.xlarge',
      hours: 24,
      billed: 1.2,
      effective: 1.2,
      list: 4.8,
      pricing: 'Dynamic',
      team: 'ml-research',
    });
    out.push({
      ...base,
      day,
      account: A1,
      kind: 'usage',
      service: 'AmazonS3',
      region: 'us-east-1',
      resourceId: 'ml-datasets',
      usageType: 'USE1-TimedStorage-ByteHrs',
      billed: 10,
      effective: 10,
      list: 10,
      pricing: 'Standard',
    });
    out.push({
      ...base,
      day,
      account: A2,
      kind: 'ri-usage',
      service: 'AmazonEC2',
      region: 'eu-west-1',
      resourceId: 'i-0g4dn0000000000001',
      usageType: 'EU-BoxUsage:g4dn.xlarge',
      instanceType: 'g4dn.xlarge',
      hours: 24,
      billed: 0,
      effective: 7.2,
      list: 12,
      pricing: 'Committed',
      team: 'inference',
    });
  }
  for (const day of ['2026-09-01', '2026-10-01'])
    out.push({
      ...base,
      day,
      account: A2,
      kind: 'ri-fee',
      service: 'AmazonEC2',
      region: 'eu-west-1',
      resourceId: null,
      usageType: 'EU-HeavyUsage:g4dn.xlarge',
      billed: 144,
      effective: 0,
      list: 0,
    });
  out.push({
    ...base,
    day: '2026-09-01',
    account: A2,
    kind: 'ri-upfront',
    service: 'AmazonEC2',
    region: 'eu-west-1',
    resourceId: null,
    usageType: 'EU-HeavyUsage:g4dn.xlarge',
    billed: 1000,
    effective: 0,
    list: 0,
  });
  for (const day of oct) {
    const p4d = {
      ...base,
      day,
      account: A2,
      service: 'AmazonEC2',
      region: 'us-west-2',
      resourceId: 'i-0p4d00000000000001',
      usageType: 'USW2-BoxUsage:p4d.24xlarge',
      instanceType: 'p4d.24xlarge',
      team: 'training',
    } as const;
    out.push({ ...p4d, kind: 'sp-covered', hours: 24, billed: 480, effective: 336, list: 480, pricing: 'Committed' });
    out.push({ ...p4d, kind: 'sp-negation', billed: -480, effective: 0, list: 0 });
    out.push({
      ...base,
      day,
      account: A2,
      kind: 'sp-fee',
      service: 'AmazonEC2',
      region: null,
      resourceId: null,
      usageType: 'ComputeSP:1yrNoUpfront',
      billed: 336,
      effective: 0,
      list: 0,
    });
  }
  for (const day of days('2026-10-27', '2026-10-31')) {
    out.push({
      ...base,
      day,
      account: A1,
      kind: 'usage',
      service: 'AmazonEC2',
      region: 'us-east-1',
      resourceId: 'i-0p5000000000000001',
      usageType: 'USE1-BoxUsage:p5.48xlarge',
      instanceType: 'p5.48xlarge',
      hours: 24,
      billed: 1200,
      effective: 1200,
      list: 1200,
      pricing: 'Standard',
      team: 'training',
    });
  }
  out.push({
    ...base,
    day: '2026-10-15',
    account: A1,
    kind: 'credit',
    service: 'AmazonEC2',
    region: null,
    resourceId: null,
    usageType: '',
    billed: -50,
    effective: -50,
    list: 0,
  });
  return out;
}

const CUR_TYPE: Record<Item['kind'], string> = {
  usage: 'Usage',
  'sp-covered': 'SavingsPlanCoveredUsage',
  'sp-negation': 'SavingsPlanNegation',
  'sp-fee': 'SavingsPlanRecurringFee',
  'ri-usage': 'DiscountedUsage',
  'ri-fee': 'RIFee',
  'ri-upfront': 'Fee',
  credit: 'Credit',
};
const RI_ARN = `arn:aws:ec2:eu-west-1:${A2}:reserved-instances/fixture-ri-1`;
const SP_ARN = `arn:aws:savingsplans::${A2}:savingsplan/fixture-sp-1`;

function curRow(i: Item): Record<string, unknown> {
  const ri = i.kind === 'ri-usage' || i.kind === 'ri-fee' || i.kind === 'ri-upfront';
  return {
    identity_line_item_id: `${i.day}-${i.kind}-${i.resourceId ?? i.usageType}`,
    bill_payer_account_id: A2,
    bill_billing_period_start_date: `${i.day.slice(0, 7)}-01T00:00:00Z`,
    line_item_usage_account_id: i.account,
    line_item_line_item_type: CUR_TYPE[i.kind],
    line_item_usage_start_date: `${i.day}T00:00:00Z`,
    line_item_usage_end_date: `${i.day}T23:59:59Z`,
    line_item_product_code: i.service,
    line_item_usage_type: i.usageType,
    line_item_resource_id: i.resourceId ?? '',
    line_item_usage_amount: i.hours,
    line_item_unblended_cost: i.billed,
    product_region_code: i.region ?? '',
    product_instance_type: i.instanceType ?? '',
    pricing_public_on_demand_cost: i.list,
    reservation_reservation_a_r_n: ri ? RI_ARN : '',
    reservation_effective_cost: i.kind === 'ri-usage' ? i.effective : 0,
    reservation_unused_amortized_upfront_fee_for_billing_period: 0,
    reservation_unused_recurring_fee: 0,
    savings_plan_savings_plan_a_r_n: i.kind.startsWith('sp-') ? SP_ARN : '',
    savings_plan_savings_plan_effective_cost: i.kind === 'sp-covered' ? i.effective : 0,
    // A fully used commitment: what was committed equals what was used.
    savings_plan_total_commitment_to_date: i.kind === 'sp-fee' ? i.billed : 0,
    savings_plan_used_commitment: i.kind === 'sp-fee' ? i.billed : 0,
    resource_tags: JSON.stringify(i.team ? { user_team: i.team, user_project: 'llm' } : {}),
  };
}

const FOCUS_SERVICE = { AmazonEC2: 'Amazon Elastic Compute Cloud', AmazonS3: 'Amazon Simple Storage Service' } as const;

function focusRow(i: Item): Record<string, unknown> | undefined {
  // FOCUS has no negation lines: covered usage is billed at 0 and the commitment is a Purchase.
  if (i.kind === 'sp-negation') return undefined;
  const covered = i.kind === 'sp-covered' || i.kind === 'ri-usage';
  const category = i.kind === 'credit' ? 'Credit' : i.kind.endsWith('fee') || i.kind === 'ri-upfront' ? 'Purchase' : 'Usage';
  return {
    BillingAccountId: A2,
    BillingPeriodStart: `${i.day.slice(0, 7)}-01T00:00:00Z`,
    ChargePeriodStart: `${i.day}T00:00:00Z`,
    ChargePeriodEnd: `${i.day}T23:59:59Z`,
    ChargeCategory: category,
    ChargeClass: null,
    SubAccountId: i.account,
    ServiceName: FOCUS_SERVICE[i.service],
    RegionId: i.region,
    ResourceId: i.resourceId,
    PricingCategory: category === 'Usage' ? i.pricing : null,
    CommitmentDiscountType: covered ? (i.kind === 'sp-covered' ? 'Savings Plan' : 'Reserved Instance') : null,
    CommitmentDiscountId: i.kind === 'sp-covered' || i.kind === 'sp-fee' ? SP_ARN : i.kind.startsWith('ri') ? RI_ARN : null,
    BilledCost: covered ? 0 : i.billed,
    EffectiveCost: i.effective,
    ListCost: i.list,
    ConsumedQuantity: i.hours > 0 ? i.hours : null,
    ConsumedUnit: i.hours > 0 ? 'Hrs' : null,
    SkuMeter: i.usageType,
    Tags: JSON.stringify(i.team ? { team: i.team, project: 'llm' } : {}),
  };
}

const CUR_TYPES: Record<string, string> = {
  bill_billing_period_start_date: 'TIMESTAMP',
  line_item_usage_start_date: 'TIMESTAMP',
  line_item_usage_end_date: 'TIMESTAMP',
  line_item_usage_amount: 'DOUBLE',
  line_item_unblended_cost: 'DOUBLE',
  pricing_public_on_demand_cost: 'DOUBLE',
  reservation_effective_cost: 'DOUBLE',
  reservation_unused_amortized_upfront_fee_for_billing_period: 'DOUBLE',
  reservation_unused_recurring_fee: 'DOUBLE',
  savings_plan_savings_plan_effective_cost: 'DOUBLE',
  savings_plan_total_commitment_to_date: 'DOUBLE',
  savings_plan_used_commitment: 'DOUBLE',
  resource_tags: 'MAP(VARCHAR, VARCHAR)',
};
const FOCUS_TYPES: Record<string, string> = {
  BillingPeriodStart: 'TIMESTAMP',
  ChargePeriodStart: 'TIMESTAMP',
  ChargePeriodEnd: 'TIMESTAMP',
  BilledCost: 'DOUBLE',
  EffectiveCost: 'DOUBLE',
  ListCost: 'DOUBLE',
  ConsumedQuantity: 'DOUBLE',
  Tags: 'MAP(VARCHAR, VARCHAR)',
};

/** Rows go through NDJSON into DuckDB, which writes Parquet with real types and CSV as exports do. */
async function write(rows: Record<string, unknown>[], types: Record<string, string>, name: string, opts: { drop?: string[] } = {}): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'mlcost-fixtures-'));
  const src = join(tmp, 'rows.ndjson');
  writeFileSync(src, rows.map((r) => JSON.stringify(r)).join('\n'));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const cols = Object.keys(rows[0] ?? {}).filter((k) => !(opts.drop ?? []).includes(k));
  const asText = `{${Object.keys(rows[0] ?? {})
    .map((k) => `'${k}': 'VARCHAR'`)
    .join(', ')}}`;
  await c.run(`CREATE TABLE t AS SELECT * FROM read_json('${src}', format = 'newline_delimited', columns = ${asText})`);
  const typed = cols.map((k) => (types[k] ? `CAST(${types[k].startsWith('MAP') ? `"${k}"::JSON` : `"${k}"`} AS ${types[k]}) AS "${k}"` : `"${k}"`)).join(', ');
  await c.run(`COPY (SELECT ${typed} FROM t) TO '${join(OUT, `${name}.parquet`)}' (FORMAT PARQUET)`);
  // CSV exports carry maps as JSON text and timestamps in ISO 8601 with Z, as Data Exports writes them.
  const text = cols.map((k) => `"${k}"`).join(', ');
  await c.run(`COPY (SELECT ${text} FROM t) TO '${join(OUT, `${name}.csv`)}' (HEADER, DELIMITER ',')`);
  c.closeSync();
  db.closeSync();
  rmSync(tmp, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const all = items();
  const cur = all.map(curRow);
  const focus = all.map(focusRow).filter((r): r is Record<string, unknown> => r !== undefined);
  await write(cur, CUR_TYPES, 'cur2');
  await write(focus, FOCUS_TYPES, 'focus');
  await write(cur, CUR_TYPES, 'cur2-no-resource-id', { drop: ['line_item_resource_id'] });
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`COPY (SELECT * FROM read_csv('${join(OUT, 'cur2.csv')}', all_varchar = true)) TO '${join(OUT, 'cur2.csv.gz')}' (HEADER, COMPRESSION GZIP)`);
  c.closeSync();
  db.closeSync();
  rmSync(join(OUT, 'cur2-no-resource-id.csv'));
  // Truncated Parquet: the magic bytes and footer are gone, as after an interrupted download.
  writeFileSync(join(OUT, 'malformed.parquet'), 'PAR1 this is not a parquet file\n');
  process.stdout.write(`wrote ${cur.length} CUR and ${focus.length} FOCUS line items to ${OUT}\n`);
}

await main();
