import { describe, expect, it } from 'vitest';
import type { SageMakerTrainingJob } from '../../src/snapshot/schema.js';
import { findingsOn } from './resources.js';
import { trainingJob } from './training-jobs.js';

const CKPT = 's3://ml-ckpt/run-1/';

describe('training-without-spot', () => {
  const misses: [string, SageMakerTrainingJob][] = [
    ['already on managed spot', trainingJob({ managedSpot: true, checkpointS3Uri: CKPT, billableTimeSeconds: 3600 })],
    [
      'ran in a training plan (capacity already paid for)',
      trainingJob({ checkpointS3Uri: CKPT, trainingPlanArn: 'arn:aws:sagemaker:us-east-1:111122223333:training-plan/p5-week' }),
    ],
    ['no checkpoints and 6 h long (too long to rerun)', trainingJob({ trainingTimeSeconds: 6 * 3600, billableTimeSeconds: 6 * 3600 })],
    ['under minBillableInstanceHours', trainingJob({ checkpointS3Uri: CKPT, trainingTimeSeconds: 600, billableTimeSeconds: 600 })],
    ['never billed (failed at start)', trainingJob({ status: 'Failed', checkpointS3Uri: CKPT, trainingTimeSeconds: 0, billableTimeSeconds: 0 })],
  ];
  it.each(misses)('does not match: %s', async (_, job) => {
    expect(await findingsOn('training-without-spot', { sagemakerTrainingJobs: [job] })).toEqual([]);
  });

  it('prices 2 x ml.g5.2xlarge, 3 h with checkpoints: 6 h x $1.515 x 62% (Advisor, g5.2xlarge us-east-1) x 30/14 = $12.08 a month', async () => {
    const [f] = await findingsOn('training-without-spot', {
      sagemakerTrainingJobs: [trainingJob({ instanceCount: 2, checkpointS3Uri: CKPT })],
    });
    expect(f).toMatchObject({ ruleId: 'training-without-spot', monthlySavings: 12.08, monthlyCost: 19.48, confidence: 'low' });
    expect(f?.action).toMatchObject({ kind: 'use-spot', from: 'on-demand', to: 'managed spot' });
    expect(f?.problem).toBe("2 x ml.g5.2xlarge trained 3 h on on-demand (6 instance-hours billed in 14 days); monthly projection from the window's jobs");
    expect(f?.evidence).toMatchObject({ interruptionBand: '15-20%', billableInstanceHours: 6, checkpointS3Uri: CKPT });
    expect(f?.tradeoff.summary).toContain(`resumes from its checkpoints in ${CKPT}`);
    expect(f?.pricing.method).toContain('monthly projection');
  });

  it('flags a short job without checkpoints, which reruns from the start', async () => {
    const [f] = await findingsOn('training-without-spot', { sagemakerTrainingJobs: [trainingJob({ trainingTimeSeconds: 5400, billableTimeSeconds: 5400 })] });
    // 1.5 h x $1.515 x 62% x 30/14
    expect(f?.monthlySavings).toBe(3.02);
    expect(f?.tradeoff.summary).toContain('restarts from the beginning (1.5 h of work at most)');
  });

  it('an unpriced training type gives an unknown saving, counted, never $0', async () => {
    const [f] = await findingsOn('training-without-spot', { sagemakerTrainingJobs: [trainingJob({ instanceType: 'ml.g5.48xlarge', checkpointS3Uri: CKPT })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toContain('no embedded SageMaker training price for ml.g5.48xlarge');
  });
});
