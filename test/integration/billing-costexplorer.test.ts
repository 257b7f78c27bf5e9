import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { costExplorerSpendReport } from '../../src/billing/costexplorer-spend.js';
import { getCostAndUsage, type CeCounter } from '../../src/collect/costexplorer.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * moto's GetCostAndUsage answers from a queue of canned results, one per distinct request body.
 * A page carrying NextPageToken therefore makes the SDK's next request (same input plus the token)
 * a new body, which takes the next canned page: real paging over the wire, no proxy needed.
 */
let moto: Moto;
let client: CostExplorerClient;
let cacheDir: string;

const usd = (n: number): { Amount: string; Unit: string } => ({ Amount: String(n), Unit: 'USD' });
function day(start: string, end: string, groups: [string, number, number][]): object {
  return {
    TimePeriod: { Start: start, End: end },
    Total: {},
    Groups: groups.map(([k, u, a]) => ({ Keys: [k], Metrics: { UnblendedCost: usd(u), AmortizedCost: usd(a) } })),
    Estimated: false,
  };
}

async function queue(results: object[]): Promise<void> {
  const res = await fetch(`${moto.endpoint}/moto-api/static/ce/cost-and-usage-results`, { method: 'POST', body: JSON.stringify({ results }) });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  moto = await startMoto();
  client = new CostExplorerClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS });
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
});
beforeEach(async () => {
  await moto.reset();
  cacheDir = await mkdtemp(join(tmpdir(), 'mlcost-ce-'));
});
afterAll(async () => {
  await stopAll(client, moto);
  await rm(cacheDir, { recursive: true, force: true });
});

describe('Cost Explorer GetCostAndUsage against moto_server', () => {
  it('follows NextPageToken, counts requests and serves repeats from the disk cache', async () => {
    await queue([
      {
        ResultsByTime: [
          day('2026-11-01', '2026-11-02', [
            ['team$ml', 10, 8],
            ['team$', 1, 1],
          ]),
        ],
        NextPageToken: 'page-2',
      },
      { ResultsByTime: [day('2026-11-01', '2026-11-02', [['team$infra', 5, 5]])], NextPageToken: 'page-3' },
      { ResultsByTime: [day('2026-11-02', '2026-11-03', [['team$ml', 12, 9]])] },
    ]);
    const q = {
      start: '2026-11-01',
      end: '2026-11-03',
      granularity: 'DAILY',
      groupBy: [{ type: 'TAG', key: 'team' }],
      metrics: ['UnblendedCost', 'AmortizedCost'],
    } as const;
    const counter: CeCounter = { requests: 0, cachedPages: 0 };
    const rows = await getCostAndUsage(client, { ...q, groupBy: [...q.groupBy], metrics: [...q.metrics] }, { cacheDir, counter });
    expect(rows.map((r) => [r.start, r.keys[0], r.metrics.UnblendedCost, r.metrics.AmortizedCost])).toEqual([
      ['2026-11-01', 'ml', 10, 8],
      ['2026-11-01', null, 1, 1],
      ['2026-11-01', 'infra', 5, 5],
      ['2026-11-02', 'ml', 12, 9],
    ]);
    expect(counter).toEqual({ requests: 3, cachedPages: 0 });
    expect(await readdir(cacheDir)).toHaveLength(3);

    const again: CeCounter = { requests: 0, cachedPages: 0 };
    expect(await getCostAndUsage(client, { ...q, groupBy: [...q.groupBy], metrics: [...q.metrics] }, { cacheDir, counter: again })).toEqual(rows);
    expect(again).toEqual({ requests: 0, cachedPages: 3 });

    // An expired cache asks AWS again.
    const later: CeCounter = { requests: 0, cachedPages: 0 };
    await getCostAndUsage(
      client,
      { ...q, groupBy: [...q.groupBy], metrics: [...q.metrics] },
      { cacheDir, counter: later, now: () => Date.now() + 7 * 3_600_000 },
    );
    expect(later.requests).toBe(3);
  });

  it('a spend report from Cost Explorer, with the request cost on stderr', async () => {
    const days: object[] = [];
    for (let d = 1; d <= 21; d++) {
      const start = `2026-11-${String(d).padStart(2, '0')}`;
      const end = `2026-11-${String(d + 1).padStart(2, '0')}`;
      days.push(day(start, end, [['Amazon Elastic Compute Cloud - Compute', d > 14 ? 30 : 10, d > 14 ? 25 : 10]]));
    }
    await queue([
      { ResultsByTime: days.slice(0, 10), NextPageToken: 'p2' },
      { ResultsByTime: days.slice(10) },
      {
        ResultsByTime: [
          {
            TimePeriod: { Start: '2026-11-01', End: '2026-11-22' },
            Groups: [
              { Keys: ['p4d.24xlarge'], Metrics: { UsageQuantity: { Amount: '100', Unit: 'Hrs' }, UnblendedCost: usd(2000), AmortizedCost: usd(1400) } },
              { Keys: ['m5.large'], Metrics: { UsageQuantity: { Amount: '500', Unit: 'Hrs' }, UnblendedCost: usd(48), AmortizedCost: usd(48) } },
            ],
          },
        ],
      },
    ]);
    const notes: string[] = [];
    const r = await costExplorerSpendReport({
      by: ['service'],
      teamKey: 'team',
      aws: { endpointUrl: moto.endpoint },
      now: new Date('2026-11-22T09:00:00Z'),
      cacheDir,
      notify: (l) => notes.push(l),
      lastDays: 21,
    });
    expect(r.held.end).toBe('2026-11-22');
    // Nov 1–21: 14 × 10 + 7 × 25 effective; 14 × 10 + 7 × 30 billed.
    expect(r.totals).toEqual({ billed: 350, effective: 315, list: null });
    expect(r.deltas.weekOverWeek).toMatchObject({ current: { effective: 175 }, previous: { effective: 70 }, change: 105, changePct: 150 });
    expect(r.gpu?.families).toEqual([{ family: 'p4d', instanceHours: 100, billed: 2000, effective: 1400, measuredHours: 0, idleHours: 0, idleShare: null }]);
    expect(notes).toEqual(['Cost Explorer: 3 request(s), $0.03 at $0.01 each']);
  });

  it('refuses what Cost Explorer cannot group by', async () => {
    const base = { teamKey: 'team', aws: { endpointUrl: moto.endpoint }, now: new Date(), notify: () => undefined };
    await expect(costExplorerSpendReport({ ...base, by: ['resource'] })).rejects.toThrow(/--by resource needs resource-level data/);
    await expect(costExplorerSpendReport({ ...base, by: ['service', 'team', 'region'] })).rejects.toThrow(/at most two dimensions/);
  });
});
