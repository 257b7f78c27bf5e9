import { describe, expect, it } from 'vitest';
import type { SageMakerTrainingPlan } from '../../src/snapshot/types/sagemaker-training-plan.js';
import { findingsOn } from './resources.js';
import { trainingPlan } from './training-plans.js';

describe('unused-training-plan', () => {
  const misses: [string, SageMakerTrainingPlan][] = [
    ['every reserved instance in use', trainingPlan({ startedHoursAgo: 10, durationHours: 100, availableInstanceCount: 0, inUseInstanceCount: 4 })],
    ['scheduled, not started', trainingPlan({ startedHoursAgo: -24, durationHours: 100, status: 'Scheduled' })],
    ['expired', trainingPlan({ startedHoursAgo: 200, durationHours: 100, status: 'Expired' })],
    ['active but its end time has passed', trainingPlan({ startedHoursAgo: 120, durationHours: 100 })],
  ];
  it.each(misses)('does not match: %s', async (_, p) => {
    expect(await findingsOn('unused-training-plan', { sagemakerTrainingPlans: [p] })).toEqual([]);
  });

  it('half-empty plan, 80 of 100 h left, $50,000 upfront: $50,000 x 2/4 x 80/100 = $20,000 already paid, saving a known $0', async () => {
    const [f] = await findingsOn('unused-training-plan', { sagemakerTrainingPlans: [trainingPlan({ startedHoursAgo: 20, durationHours: 100 })] });
    expect(f?.action).toMatchObject({ kind: 'use-capacity-block', from: '2 of 4 instances empty', to: 'queued training scheduled into it' });
    expect(f?.action.description).toMatch(
      /^Schedule queued training into training plan llm-pretrain-plan: 2 of 4 ml\.p5\.48xlarge instances are empty for 80 more hours/,
    );
    expect(f?.action.description).toMatch(/\$20000\.00 of its upfront fee, already paid/);
    expect(f?.action.description).toMatch(/ResourceConfig\.TrainingPlanArn=arn:aws:sagemaker:us-east-1:111122223333:training-plan\/llm-pretrain-plan/);
    expect(f?.monthlySavings).toBe(0);
    expect(f?.monthlyCost).toBe(0);
    expect(f?.pricing.method).toMatch(/training jobs are not collected yet, so that saving is a known \$0/);
    expect(f?.evidence).toMatchObject({ availableInstances: 2, hoursLeft: 80, emptyInstanceHoursLeft: 160, unusedPaidUsd: 20000, upfrontFee: 50000 });
    expect(f?.severity).toBe('high');
  });

  it.each([
    [100, 'high'],
    [48, 'medium'],
    [10, 'low'],
  ])('severity follows hours left: %i h -> %s', async (left, severity) => {
    const [f] = await findingsOn('unused-training-plan', { sagemakerTrainingPlans: [trainingPlan({ startedHoursAgo: 200 - left, durationHours: 200 })] });
    expect(f?.severity).toBe(severity);
  });

  it('a fee not in USD, or not given, leaves the paid share unknown (null), never $0', async () => {
    for (const p of [
      trainingPlan({ startedHoursAgo: 20, durationHours: 100, currencyCode: 'EUR' }),
      trainingPlan({ startedHoursAgo: 20, durationHours: 100, upfrontFee: undefined }),
    ]) {
      const [f] = await findingsOn('unused-training-plan', { sagemakerTrainingPlans: [p] });
      expect(f?.evidence['unusedPaidUsd']).toBeNull();
      expect(f?.action.description).not.toMatch(/upfront fee/);
    }
  });

  it('a plan for HyperPod only says to add instance groups to the cluster', async () => {
    const [f] = await findingsOn('unused-training-plan', {
      sagemakerTrainingPlans: [trainingPlan({ startedHoursAgo: 20, durationHours: 100, targetResources: ['hyperpod-cluster'] })],
    });
    expect(f?.action.description).toMatch(/add instance groups with TrainingPlanArn=.* to the HyperPod cluster/);
  });
});
