import { describe, expect, it } from 'vitest';
import { profileFromHours } from '../../src/snapshot/hour-of-week.js';
import type { SageMakerEndpoint } from '../../src/snapshot/schema.js';
import { endpoint, findingsOn } from './resources.js';

/** Invocations by hour of week: `perHour` in the first `hoursADay` hours (UTC) of every day, none otherwise. */
function withTraffic(ep: SageMakerEndpoint, hoursADay: number, perHour = 50): SageMakerEndpoint {
  const v = ep.variants[0]!;
  const hours = Array.from({ length: 168 }, (_, h) => (h % 24 < hoursADay ? perHour : 0));
  v.metrics.invocations = { ...v.metrics.invocations!, hourOfWeek: profileFromHours(hours) };
  return ep;
}

describe('low-traffic-gpu-endpoint', () => {
  const gpu = (opts: Partial<Parameters<typeof endpoint>[0]> = {}) =>
    endpoint({ type: 'ml.g5.xlarge', count: 1, invocationsPerDay: 150, gpu: [10, 40, 80], ...opts });
  const misses: [string, SageMakerEndpoint][] = [
    ['traffic 20 hours a day', withTraffic(gpu(), 20)],
    ['no hourly profile (lookback over 14 days)', gpu()],
    ['a CPU endpoint', withTraffic(endpoint({ type: 'ml.m5.xlarge', count: 1, invocationsPerDay: 150 }), 3)],
    ['no invocations at all (idle-sagemaker-endpoint says delete)', withTraffic(gpu({ invocationsPerDay: 0 }), 0)],
    ['observed only 2 days', withTraffic(gpu({ days: 2 }), 3)],
    ['not in service', withTraffic(gpu({ status: 'Updating' }), 3)],
  ];
  it.each(misses)('does not match: %s', async (_, ep) => {
    expect(await findingsOn('low-traffic-gpu-endpoint', { sagemakerEndpoints: [ep] })).toEqual([]);
  });

  it('prices an ml.g5.xlarge busy 3 h a day as the hours it would run: $1.408 x 730 x (1 - 3/24) = $899.36 a month', async () => {
    const [f] = await findingsOn('low-traffic-gpu-endpoint', { sagemakerEndpoints: [withTraffic(gpu(), 3)] });
    expect(f).toMatchObject({ ruleId: 'low-traffic-gpu-endpoint', monthlyCost: 1027.84, monthlySavings: 899.36, category: 'schedule' });
    expect(f?.action).toMatchObject({ kind: 'schedule', from: '1 x ml.g5.xlarge always on', to: 'async inference, MinCapacity 0 (~91.3 h a month)' });
    expect(f?.evidence).toMatchObject({ activeHoursPerDay: 3 });
    expect(f?.problem).toMatch(/^1 x ml\.g5\.xlarge \(GPU\) in service all day, with traffic in 3 h a day/);
  });

  it('an unpriced GPU type gives an unknown saving, counted, never $0', async () => {
    const [f] = await findingsOn('low-traffic-gpu-endpoint', { sagemakerEndpoints: [withTraffic(gpu({ type: 'ml.g6.16xlarge' }), 2)] });
    expect(f?.monthlySavings).toBeNull();
  });
});
