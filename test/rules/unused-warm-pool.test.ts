import { describe, expect, it } from 'vitest';
import type { SageMakerTrainingJob } from '../../src/snapshot/schema.js';
import { findingsOn } from './resources.js';
import { trainingJob } from './training-jobs.js';

const pool = (seconds: number, reusedByJob?: string): SageMakerTrainingJob['warmPool'] => ({
  status: reusedByJob ? 'Reused' : 'Terminated',
  retainedBillableSeconds: seconds,
  ...(reusedByJob ? { reusedByJob } : {}),
});

describe('unused-warm-pool', () => {
  const misses: [string, SageMakerTrainingJob][] = [
    ['no warm pool', trainingJob({ managedSpot: true })],
    ['pool reused by the next job', trainingJob({ managedSpot: true, keepAlivePeriodSeconds: 3600, warmPool: pool(1800, 'train-test-2') })],
    ['pool retained only 10 minutes', trainingJob({ managedSpot: true, keepAlivePeriodSeconds: 600, warmPool: pool(600) })],
  ];
  it.each(misses)('does not match: %s', async (_, job) => {
    expect(await findingsOn('unused-warm-pool', { sagemakerTrainingJobs: [job] })).toEqual([]);
  });

  it('prices 1.5 retained instance-hours of ml.g5.2xlarge: 1.5 h x $1.515 x 30/14 = $4.87 a month', async () => {
    const [f] = await findingsOn('unused-warm-pool', {
      sagemakerTrainingJobs: [trainingJob({ managedSpot: true, keepAlivePeriodSeconds: 5400, warmPool: pool(5400) })],
    });
    expect(f).toMatchObject({ ruleId: 'unused-warm-pool', monthlySavings: 4.87, confidence: 'medium' });
    expect(f?.action).toMatchObject({ kind: 'stop', from: 'keep-alive 90 min', to: 'keep-alive 0' });
    expect(f?.problem).toBe(
      "Warm pool of 1 x ml.g5.2xlarge kept 90 min after the job, 1.5 instance-hours billed and never reused; monthly projection from the window's jobs",
    );
  });
});
