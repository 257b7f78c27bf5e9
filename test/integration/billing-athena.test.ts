import { AthenaClient, CreateWorkGroupCommand, GetQueryExecutionCommand, ListQueryExecutionsCommand } from '@aws-sdk/client-athena';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAthena } from '../../src/billing/athena-engine.js';
import { fileSpendReport } from '../../src/billing/file-spend.js';
import { CUR2 } from '../../src/billing/mapping/cur.js';
import { readDailySpend } from '../../src/billing/rows.js';
import { spendQuery } from '../../src/billing/sql.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * moto's Athena does not run SQL: it answers each query with the next canned result. So these
 * tests check what mlcost sends (the generated SQL, database, workgroup, output location), how
 * it polls, and how it reads paged results back into a report.
 */
const CUR_COLUMNS = [
  ['line_item_usage_start_date', 'timestamp'],
  ['line_item_usage_account_id', 'varchar'],
  ['line_item_line_item_type', 'varchar'],
  ['line_item_product_code', 'varchar'],
  ['line_item_usage_type', 'varchar'],
  ['line_item_resource_id', 'varchar'],
  ['line_item_usage_amount', 'double'],
  ['line_item_unblended_cost', 'double'],
  ['product_region_code', 'varchar'],
  ['product_instance_type', 'varchar'],
  ['pricing_public_on_demand_cost', 'double'],
  ['reservation_effective_cost', 'double'],
  ['reservation_unused_amortized_upfront_fee_for_billing_period', 'double'],
  ['reservation_unused_recurring_fee', 'double'],
  ['reservation_reservation_a_r_n', 'varchar'],
  ['savings_plan_savings_plan_effective_cost', 'double'],
  ['savings_plan_total_commitment_to_date', 'double'],
  ['savings_plan_used_commitment', 'double'],
  ['resource_tags', 'map(varchar,varchar)'],
];

type Cell = string | null;
function result(names: string[], rows: Cell[][]): object {
  const asRow = (cells: Cell[]): object => ({ Data: cells.map((c) => (c === null ? {} : { VarCharValue: c })) });
  return {
    rows: [asRow(names), ...rows.map(asRow)],
    column_info: names.map((n) => ({
      Name: n,
      Label: n,
      Type: 'varchar',
      CatalogName: 'hive',
      SchemaName: '',
      TableName: '',
      Nullable: 'UNKNOWN',
      CaseSensitive: true,
      Precision: 0,
      Scale: 0,
    })),
  };
}

let moto: Moto;
let client: AthenaClient;

async function queue(...results: object[]): Promise<void> {
  const res = await fetch(`${moto.endpoint}/moto-api/static/athena/query-results`, { method: 'POST', body: JSON.stringify({ region: 'us-east-1', results }) });
  expect(res.status).toBe(201);
}

/** What was sent, in the order it was sent (moto lists executions in creation order). */
async function sentQueries(): Promise<{ Query?: string; WorkGroup?: string; db?: string; out?: string }[]> {
  const ids = (await client.send(new ListQueryExecutionsCommand({}))).QueryExecutionIds ?? [];
  const out = [];
  for (const id of ids) {
    const q = (await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }))).QueryExecution;
    out.push({ Query: q?.Query, WorkGroup: q?.WorkGroup, db: q?.QueryExecutionContext?.Database, out: q?.ResultConfiguration?.OutputLocation });
  }
  return out;
}

beforeAll(async () => {
  moto = await startMoto();
  client = new AthenaClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS });
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
});
beforeEach(async () => moto.reset());
afterAll(async () => {
  await stopAll(client, moto);
});

describe('Athena engine against moto_server', () => {
  it('reads the schema, sends the shared SQL, polls with backoff and parses results', async () => {
    await queue(
      result(['column_name', 'data_type'], CUR_COLUMNS),
      result(
        ['day', 'k0', 'billed', 'effective', 'list'],
        [
          ['2026-10-30', 'training', '1200', '1536', '1680'],
          ['2026-10-31', null, '10', '10', '10'],
        ],
      ),
    );
    await client.send(new CreateWorkGroupCommand({ Name: 'finops' }));
    // Each state lasts two status polls: a query takes four polls to finish, so the backoff is exercised.
    const t = await fetch(`${moto.endpoint}/moto-api/state-manager/set-transition`, {
      method: 'POST',
      body: JSON.stringify({ model_name: 'athena::execution', transition: { progression: 'manual', times: 2 } }),
    });
    expect(t.status).toBe(201);
    const sleeps: number[] = [];
    const stats: { purpose: string; polls: number; costUsd: number }[] = [];
    const engine = await openAthena(client, { database: 'cur', table: 'cur2', workgroup: 'finops', outputLocation: 's3://results/mlcost/' }, CUR2, {
      pollMs: 10,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      onQuery: (q) => stats.push(q),
    });
    const rows = await readDailySpend(engine, { by: ['team'], teamKeys: ['team'] });
    expect(rows).toEqual([
      { day: '2026-10-30', keys: ['training'], billed: 1200, effective: 1536, list: 1680 },
      { day: '2026-10-31', keys: [null], billed: 10, effective: 10, list: 10 },
    ]);
    const sent = await sentQueries();
    expect(sent.map((s) => s.Query?.split('\n')[0])).toEqual([
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'cur' AND table_name = 'cur2'",
      'SELECT CAST(CAST(charge_start AS DATE) AS VARCHAR) AS day, k0,',
    ]);
    // The text sent is exactly what the shared builder writes for Athena.
    expect(sent[1]?.Query).toBe(spendQuery(engine.target, { by: ['team'], teamKeys: ['team'] }));
    expect(sent[1]?.Query).toContain(`FROM "cur"."cur2"`);
    expect(sent[1]?.Query).toContain(`element_at("resource_tags", 'user_team')`);
    // Athena reports the result file it wrote under the location mlcost asked for.
    expect(sent.map((s) => [s.WorkGroup, s.db, s.out?.startsWith('s3://results/mlcost/')])).toEqual([
      ['finops', 'cur', true],
      ['finops', 'cur', true],
    ]);
    // QUEUED, QUEUED, RUNNING, RUNNING→SUCCEEDED: four polls, waits doubling between them.
    expect(stats.map((s) => [s.purpose, s.polls])).toEqual([
      ['the table schema', 4],
      ['spend', 4],
    ]);
    expect(sleeps).toEqual([10, 20, 40, 10, 20, 40]);
    // 0 bytes scanned is still billed as Athena's 10 MB minimum.
    expect(stats[0]?.costUsd).toBeCloseTo((10 / 1024 / 1024) * 5, 9);
    await engine.close();
  });

  it('a table without a needed column fails before any billing query runs', async () => {
    await queue(
      result(
        ['column_name', 'data_type'],
        CUR_COLUMNS.filter(([n]) => n !== 'line_item_resource_id'),
      ),
    );
    const engine = await openAthena(client, { database: 'cur', table: 'cur2' }, CUR2, { pollMs: 1 });
    await expect(readDailySpend(engine, { by: ['resource'], teamKeys: [] })).rejects.toThrow(
      'Athena cur.cur2: CUR 2.0 column line_item_resource_id is missing (needed for spend --by resource); turn on "Include resource IDs" (INCLUDE_RESOURCES = TRUE) in the CUR 2.0 export',
    );
    expect(await sentQueries()).toHaveLength(1);
  });

  it('an unknown table is a clear error', async () => {
    await expect(openAthena(client, { database: 'cur', table: 'nope' }, CUR2, { pollMs: 1 })).rejects.toThrow(/Athena table cur\.nope not found/);
  });

  it('a whole spend report over Athena, with the GPU line and the scan cost on stderr', async () => {
    await queue(
      result(['column_name', 'data_type'], CUR_COLUMNS),
      result(
        ['day', 'k0', 'billed', 'effective', 'list'],
        [
          ['2026-11-20', 'AmazonEC2', '100', '80', '120'],
          ['2026-11-21', 'AmazonEC2', '100', '80', '120'],
        ],
      ),
      result(
        ['resource_id', 'instance_type', 'region', 'pricing_model', 'hours', 'billed', 'effective'],
        [['i-1', 'g5.xlarge', 'us-east-1', 'on-demand', '48', '48', '48']],
      ),
    );
    const notes: string[] = [];
    const r = await fileSpendReport({
      source: 'cur',
      paths: [],
      engine: 'athena',
      athena: { database: 'cur', table: 'cur2' },
      by: ['service'],
      lastDays: 30,
      teamKeys: ['team'],
      aws: { endpointUrl: moto.endpoint, region: 'us-east-1' },
      now: new Date('2026-11-22T12:00:00Z'),
      notify: (l) => notes.push(l),
    });
    expect(r.source).toEqual({ kind: 'cur', engine: 'athena', where: 'Athena cur.cur2' });
    expect(r.totals).toEqual({ billed: 200, effective: 160, list: 240 });
    expect(r.gpu?.families).toMatchObject([{ family: 'g5', instanceHours: 48 }]);
    const sent = await sentQueries();
    // --last 30d bounds the scan: 30 days plus 62 for month-over-month, before today.
    expect(sent[1]?.Query).toContain(`WHERE charge_start >= TIMESTAMP '2026-08-22 00:00:00'`);
    expect(sent[2]?.Query).toContain(`charge_start >= TIMESTAMP '2026-11-20 00:00:00' AND charge_start < TIMESTAMP '2026-11-22 00:00:00'`);
    expect(notes).toHaveLength(3);
    expect(notes[1]).toMatch(/^Athena: spend scanned 0 B \(about \$0\.0000\) in query /);
  });
});
