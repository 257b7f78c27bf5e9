import { describe, expect, it } from 'vitest';
import type { SageMakerEndpoint } from '../../src/snapshot/schema.js';
import { endpoint, findingsOn } from './resources.js';

describe('underused-sagemaker-endpoint', () => {
  const misses: [string, SageMakerEndpoint][] = [
    ['busy GPUs', endpoint({ type: 'ml.g5.xlarge', count: 4, invocationsPerDay: 90_000, gpu: [60, 85, 95] })],
    ['a single instance', endpoint({ type: 'ml.g5.xlarge', count: 1, invocationsPerDay: 5000, gpu: [5, 15, 30] })],
    ['no GPU metrics is not idle', endpoint({ type: 'ml.g5.xlarge', count: 4, invocationsPerDay: 5000 })],
    ['no traffic at all (idle-sagemaker-endpoint judges it)', endpoint({ type: 'ml.g5.xlarge', count: 4, gpu: [0, 0, 0] })],
  ];
  it.each(misses)('does not match: %s', async (_, ep) => {
    expect(await findingsOn('underused-sagemaker-endpoint', { sagemakerEndpoints: [ep] })).toEqual([]);
  });

  it('4 x ml.g5.xlarge at 15% p95 fit on 1: saves 3 x 1.408 x 730 = $3,083.52', async () => {
    const [f] = await findingsOn('underused-sagemaker-endpoint', {
      sagemakerEndpoints: [endpoint({ type: 'ml.g5.xlarge', count: 4, invocationsPerDay: 5000, gpu: [8, 15, 30] })],
    });
    expect(f?.action).toMatchObject({ kind: 'downsize', from: '4 x ml.g5.xlarge', to: '1 x ml.g5.xlarge' });
    expect(f?.monthlySavings).toBe(3083.52);
    expect(f?.tradeoff.after).toMatchObject({ gpus: 1, expectedUtilPct: 60 });
    expect(f?.tradeoff.performanceRisk).toBe('low');
  });
});
