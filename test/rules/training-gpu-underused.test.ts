import { describe, expect, it } from 'vitest';
import type { SageMakerTrainingJob } from '../../src/snapshot/schema.js';
import { findingsOn } from './resources.js';
import { trainingJob } from './training-jobs.js';

describe('training-gpu-underused', () => {
  const misses: [string, SageMakerTrainingJob][] = [
    ['no GPU metrics', trainingJob({ instanceType: 'ml.g5.12xlarge' })],
    ['busy GPUs (p95 80%)', trainingJob({ instanceType: 'ml.g5.12xlarge', gpu: [60, 80, 95] })],
    ['a CPU job', trainingJob({ instanceType: 'ml.m5.large', gpu: [1, 2, 3] })],
    ['a single-GPU box with nothing smaller that fits', trainingJob({ instanceType: 'ml.g5.xlarge', gpu: [5, 10, 20] })],
  ];
  it.each(misses)('does not match: %s', async (_, job) => {
    expect(await findingsOn('training-gpu-underused', { sagemakerTrainingJobs: [job] })).toEqual([]);
  });

  it('4 x ml.g5.2xlarge at p95 15%: one instance holds 60% -> 1 instance, saving 3/4 x 12 h x $1.515 x 30/14 = $29.22 a month', async () => {
    const job = trainingJob({ instanceCount: 4, trainingTimeSeconds: 3 * 3600, billableTimeSeconds: 3 * 3600, gpu: [10, 15, 30] });
    const [f] = await findingsOn('training-gpu-underused', { sagemakerTrainingJobs: [job] });
    expect(f).toMatchObject({ ruleId: 'training-gpu-underused', monthlySavings: 29.22 });
    expect(f?.action).toMatchObject({ kind: 'downsize', from: '4 x ml.g5.2xlarge', to: '1 x ml.g5.2xlarge' });
    expect(f?.tradeoff.summary).toMatch(/^GPUs 4 -> 1, p95 GPU util 15% -> ~60%/);
    expect(f?.problem).toContain('per-GPU p95 util 15%');
  });

  it('one ml.g5.12xlarge (4 GPUs) at p95 10%: the same family one-GPU size, saving unknown (no training rate for ml.g5.4xlarge)', async () => {
    const job = trainingJob({ instanceType: 'ml.g5.12xlarge', gpu: [5, 10, 20] });
    const [f] = await findingsOn('training-gpu-underused', { sagemakerTrainingJobs: [job] });
    expect(f?.action.from).toBe('ml.g5.12xlarge');
    // CPU and memory shrink with the GPUs kept (12 vCPU, 48 GiB): ml.g5.4xlarge, not g5.xlarge/2xlarge.
    expect(f?.action.to).toBe('ml.g5.4xlarge');
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toContain('no embedded SageMaker training price for ml.g5.4xlarge');
  });
});
