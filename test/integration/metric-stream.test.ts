import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../../bench/collect/proxy.js';
import { daily, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { MetricStream, type MetricRequest } from '../../src/collect/cloudwatch/batch.js';
import { metricWindow } from '../../src/collect/cloudwatch/period.js';
import type { Series } from '../../src/collect/cloudwatch/summarize.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * The GetMetricData stream against moto_server through the real SDK: a full batch goes out while
 * sources are still being added, and the call count stays ceil(requests / 500).
 */
let moto: Moto;
let proxy: Proxy;
let client: CloudWatchClient;
const REGION = 'us-east-1';
const SERIES = 3;

beforeAll(async () => {
  moto = await startMoto();
  const { cw } = seedClients(moto.endpoint, REGION);
  await putSeries(
    cw,
    Array.from({ length: SERIES }, (_, i) => ({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: { InstanceId: `i-${String(i)}` },
      points: daily(new Date(), 3, () => 10 * (i + 1)),
    })),
  );
  proxy = await startProxy(moto.endpoint);
  client = new CloudWatchClient({ region: REGION, endpoint: proxy.url, credentials: TEST_CREDENTIALS });
}, 60_000);

afterAll(async () => {
  client.destroy();
  await stopAll(proxy, moto);
});

/** `count` requests for instance ids i-0, i-1, …; each records the series it was given. */
function requests(count: number, from: number, got: Map<number, Series>): MetricRequest[] {
  return Array.from({ length: count }, (_, k) => ({
    namespace: 'AWS/EC2',
    metricName: 'CPUUtilization',
    dimensions: [{ Name: 'InstanceId', Value: `i-${String(from + k)}` }],
    stat: 'Average' as const,
    onResult: (s: Series) => got.set(from + k, s),
  }));
}

const calls = () => proxy.calls.get('monitoring:GetMetricData') ?? 0;

describe('the GetMetricData stream', () => {
  it('sends a batch as soon as 500 queries are queued, the rest on finish: ceil(requests / 500) calls', async () => {
    proxy.calls.clear();
    const got = new Map<number, Series>();
    const stream = new MetricStream(client, metricWindow(14, new Date()));
    stream.add(requests(300, 0, got));
    stream.add(requests(300, 300, got));
    // 600 queued: the first 500 are on their way before the stream is finished.
    for (let waited = 0; calls() === 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(calls()).toBe(1);
    stream.add(requests(650, 600, got));
    const outcome = await stream.finish();
    expect(outcome.failed).toEqual([]);
    expect(stream.total).toBe(1250);
    expect(calls()).toBe(Math.ceil(1250 / 500));
    expect(got.size).toBe(1250);
    // Seeded series come back with their datapoints, whichever batch carried them; the rest are empty.
    for (let i = 0; i < SERIES; i++) expect(got.get(i)?.values, `i-${String(i)}`).toEqual([10 * (i + 1), 10 * (i + 1), 10 * (i + 1)]);
    expect(got.get(SERIES)?.values).toEqual([]);
  });

  it('a finished stream with nothing queued makes no call', async () => {
    proxy.calls.clear();
    const stream = new MetricStream(client, metricWindow(14, new Date()));
    stream.add([]);
    expect(await stream.finish()).toEqual({ problems: [], failed: [] });
    expect(calls()).toBe(0);
  });
});
