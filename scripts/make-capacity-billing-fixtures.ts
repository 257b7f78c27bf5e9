/**
 * Writes fixtures/billing/capacity-*.csv: two weeks (Nov 6–20 2026, the demo Snapshot's window) of
 * one account's capacity reservation lines, as AWS writes them in three shapes:
 *   capacity-focus.csv             FOCUS 1.2 with CapacityReservationId / CapacityReservationStatus
 *   capacity-cur2.csv              CUR 2.0 with INCLUDE CAPACITY RESERVATION DATA (capacity_reservation_*)
 *   capacity-cur2-usage-types.csv  CUR 2.0 without it: UnusedBox / Reservation usage types, resource ids
 * Column facts and sources are in src/billing/unused-capacity-sql.ts. Rates are round fixture numbers.
 *
 *   cr-0a1d1e8p5launch01  ODCR 2 x p5.48xlarge: 40 empty instance-hours a day at $50/h ($2,000) and one
 *                         instance in it 8 h a day ($400); the last two days' empty hours are covered by
 *                         a Savings Plan (billed $0, effective $35/h = $1,400).
 *   cr-0a1d1e8p5block001  Capacity Block 4 x p5.48xlarge, Nov 15–19: 48 empty instance-hours a day at $40/h
 *                         (in the capacity-reservation-column shapes only).
 *   cr-0fullyused0000001  ODCR 1 x g5.xlarge, always used: $24 a day, nothing empty.
 * Run with `npx tsx scripts/make-capacity-billing-fixtures.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = join(import.meta.dirname, '..', 'fixtures', 'billing');
const ACCOUNT = '111122223333';
const arn = (id: string): string => `arn:aws:ec2:us-east-1:${ACCOUNT}:capacity-reservation/${id}`;
const LAUNCH = 'cr-0a1d1e8p5launch01';
const BLOCK = 'cr-0a1d1e8p5block001';
const FULL = 'cr-0fullyused0000001';
const SP_ARN = `arn:aws:savingsplans::${ACCOUNT}:savingsplan/0f1e2d3c-fixture`;

interface Line {
  day: string;
  reservation: string | null;
  /** Used: an instance's own hours in the reservation; unused: the empty slots' hours. */
  status: 'Used' | 'Unused' | null;
  kind: 'ODCR' | 'EC2 Capacity Blocks for ML' | null;
  resourceId: string;
  usage: 'BoxUsage' | 'UnusedBox' | 'Reservation';
  instanceType: string;
  hours: number;
  billed: number;
  effective: number;
  list: number;
  spCovered: boolean;
}

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
}

function lines(): Line[] {
  const out: Line[] = [];
  const p5 = { instanceType: 'p5.48xlarge', kind: 'ODCR' } as const;
  days('2026-11-06', 14).forEach((day, i) => {
    const covered = i >= 12;
    out.push({
      ...p5,
      day,
      reservation: LAUNCH,
      status: 'Unused',
      resourceId: arn(LAUNCH),
      usage: 'UnusedBox',
      hours: 40,
      billed: covered ? 0 : 2000,
      effective: covered ? 1400 : 2000,
      list: 2000,
      spCovered: covered,
    });
    const inst = { ...p5, day, reservation: LAUNCH, status: 'Used', hours: 8, spCovered: false } as const;
    out.push({ ...inst, resourceId: 'i-0p5inlaunch000001', usage: 'BoxUsage', billed: 400, effective: 400, list: 400 });
    // The usage-type shape's own line for the used slot: it carries the reservation id and bills 0 (the instance bills).
    out.push({ ...inst, resourceId: arn(LAUNCH), usage: 'Reservation', billed: 0, effective: 0, list: 0 });
    const g5 = { day, reservation: FULL, status: 'Used', kind: 'ODCR', instanceType: 'g5.xlarge', hours: 24, spCovered: false } as const;
    out.push({ ...g5, resourceId: 'i-0g5infull00000001', usage: 'BoxUsage', billed: 24, effective: 24, list: 24 });
    out.push({ ...g5, resourceId: arn(FULL), usage: 'Reservation', billed: 0, effective: 0, list: 0 });
    // An instance outside any reservation: never counted.
    out.push({ ...g5, reservation: null, status: null, kind: null, resourceId: 'i-0g5outside0000001', usage: 'BoxUsage', billed: 24, effective: 24, list: 24 });
  });
  for (const day of days('2026-11-15', 5)) {
    const block = { day, reservation: BLOCK, status: 'Unused', kind: 'EC2 Capacity Blocks for ML', instanceType: 'p5.48xlarge', spCovered: false } as const;
    out.push({ ...block, resourceId: arn(BLOCK), usage: 'UnusedBox', hours: 48, billed: 1920, effective: 1920, list: 1920 });
  }
  return out;
}

const next = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
const iso = (day: string): string => `${day}T00:00:00.000Z`;

function focus(l: Line): Record<string, string | number> {
  return {
    BillingAccountId: ACCOUNT,
    BillingPeriodStart: '2026-11-01T00:00:00.000Z',
    ChargePeriodStart: iso(l.day),
    ChargePeriodEnd: next(l.day),
    ChargeCategory: 'Usage',
    ChargeClass: '',
    SubAccountId: ACCOUNT,
    ServiceName: 'Amazon Elastic Compute Cloud',
    RegionId: 'us-east-1',
    ResourceId: l.resourceId,
    PricingCategory: l.spCovered ? 'Committed' : 'Standard',
    CommitmentDiscountType: l.spCovered ? 'Compute Savings Plan' : '',
    CommitmentDiscountId: l.spCovered ? SP_ARN : '',
    BilledCost: l.billed,
    EffectiveCost: l.effective,
    ListCost: l.list,
    ConsumedQuantity: l.hours,
    ConsumedUnit: 'Hrs',
    SkuMeter: `USE1-${l.usage}:${l.instanceType}`,
    Tags: '{}',
    CapacityReservationId: l.reservation ? arn(l.reservation) : '',
    CapacityReservationStatus: l.status ?? '',
  };
}

function cur(l: Line, withCapacityColumns: boolean): Record<string, string | number> {
  const row: Record<string, string | number> = {
    identity_line_item_id: `${l.day}-${l.usage}-${l.resourceId}`,
    bill_payer_account_id: ACCOUNT,
    bill_billing_period_start_date: '2026-11-01T00:00:00.000Z',
    line_item_usage_account_id: ACCOUNT,
    line_item_line_item_type: l.spCovered ? 'SavingsPlanCoveredUsage' : 'Usage',
    line_item_usage_start_date: iso(l.day),
    line_item_usage_end_date: next(l.day),
    line_item_product_code: 'AmazonEC2',
    line_item_usage_type: `USE1-${l.usage}:${l.instanceType}`,
    line_item_resource_id: l.resourceId,
    line_item_usage_amount: l.hours,
    // A covered line keeps its on-demand unblended cost; the plan's rate is in savings_plan_savings_plan_effective_cost.
    line_item_unblended_cost: l.spCovered ? l.list : l.billed,
    product_region_code: 'us-east-1',
    product_instance_type: l.instanceType,
    pricing_public_on_demand_cost: l.list,
    reservation_reservation_a_r_n: '',
    reservation_effective_cost: 0,
    reservation_unused_amortized_upfront_fee_for_billing_period: 0,
    reservation_unused_recurring_fee: 0,
    savings_plan_savings_plan_a_r_n: l.spCovered ? SP_ARN : '',
    savings_plan_savings_plan_effective_cost: l.spCovered ? l.effective : 0,
    savings_plan_total_commitment_to_date: 0,
    savings_plan_used_commitment: 0,
    resource_tags: '{}',
  };
  if (withCapacityColumns) {
    row['capacity_reservation_capacity_reservation_arn'] = l.reservation ? arn(l.reservation) : '';
    row['capacity_reservation_capacity_reservation_status'] = l.status ?? '';
    row['capacity_reservation_capacity_reservation_type'] = l.kind ?? '';
  }
  return row;
}

function csv(rows: Record<string, string | number>[]): string {
  const header = Object.keys(rows[0] ?? {});
  const cell = (v: string | number): string => (typeof v === 'string' && /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return `${[header.join(','), ...rows.map((r) => header.map((h) => cell(r[h] ?? '')).join(','))].join('\n')}\n`;
}

const all = lines();
// FOCUS and CUR with the capacity columns mark the used slot on the instance's line; only the usage-type shape has separate Reservation lines.
const withColumns = all.filter((l) => l.usage !== 'Reservation');
writeFileSync(join(OUT, 'capacity-focus.csv'), csv(withColumns.map(focus)));
writeFileSync(join(OUT, 'capacity-cur2.csv'), csv(withColumns.map((l) => cur(l, true))));
writeFileSync(join(OUT, 'capacity-cur2-usage-types.csv'), csv(all.filter((l) => l.reservation !== BLOCK).map((l) => cur(l, false))));
