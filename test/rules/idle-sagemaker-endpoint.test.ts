import { describe, expect, it } from 'vitest';
import type { SageMakerEndpoint } from '../../src/snapshot/schema.js';
import { endpoint, findingsOn } from './resources.js';

describe('idle-sagemaker-endpoint', () => {
  const misses: [string, SageMakerEndpoint][] = [
    ['serving traffic', endpoint({ type: 'ml.g5.xlarge', count: 1, invocationsPerDay: 5000 })],
    ['no metrics at all is not idle', endpoint({ type: 'ml.g5.xlarge', count: 1, cpu: false })],
    ['only 2 days observed', endpoint({ type: 'ml.g5.xlarge', count: 1, days: 2 })],
    ['not in service', endpoint({ type: 'ml.g5.xlarge', count: 1, status: 'Updating' })],
  ];
  it.each(misses)('does not match: %s', async (_, ep) => {
    expect(await findingsOn('idle-sagemaker-endpoint', { sagemakerEndpoints: [ep] })).toEqual([]);
  });

  it('prices 2 x ml.g5.xlarge with no invocations at 2 x $1.408 x 730 = $2,055.68', async () => {
    const [f] = await findingsOn('idle-sagemaker-endpoint', { sagemakerEndpoints: [endpoint({ type: 'ml.g5.xlarge', count: 2 })] });
    expect(f?.action.kind).toBe('delete');
    expect(f?.monthlySavings).toBe(2055.68);
    expect(f?.tradeoff.before).toMatchObject({ gpus: 2 });
    expect(f?.evidence).toMatchObject({ invocations: 0 });
  });

  it('shows an unknown ml.* price as null, never 0', async () => {
    const [f] = await findingsOn('idle-sagemaker-endpoint', { sagemakerEndpoints: [endpoint({ type: 'ml.p5.48xlarge', count: 1 })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.monthlyCost).toBeNull();
  });
});
