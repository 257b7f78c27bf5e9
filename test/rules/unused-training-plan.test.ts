import { describe, expect, it } from 'vitest';
import type { SageMakerTrainingPlan } from '../../src/snapshot/types/sagemaker-training-plan.js';
import { findingsOn } from './resources.js';
import { trainingJob } from './training-jobs.js';
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
    expect(f?.pricing.method).toMatch(/instance-hours of on-demand training jobs of its type/);
    expect(f?.evidence).toMatchObject({ onDemandTrainingJobs: 0, onDemandTrainingInstanceHours: 0 });
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

  it('on-demand training jobs of its type since it started are the saving: 2 jobs x 2 instances x 3 h x $1.515 = $18.18', async () => {
    const g5 = [{ instanceType: 'ml.g5.2xlarge', totalInstanceCount: 4, status: 'Active' }];
    const plan = trainingPlan({ startedHoursAgo: 20, durationHours: 100, reservedCapacities: g5 });
    const started = (hoursAgo: number) => new Date(Date.parse('2026-11-20T00:00:00Z') - hoursAgo * 3_600_000).toISOString();
    const jobs = [
      trainingJob({ name: 'a', instanceCount: 2, trainingStartTime: started(10) }),
      trainingJob({ name: 'b', instanceCount: 2, trainingStartTime: started(5) }),
      trainingJob({ name: 'spot', instanceCount: 2, trainingStartTime: started(5), managedSpot: true }),
      // Already running in a plan (this one): not on-demand work that could have run in it.
      trainingJob({ name: 'in-the-plan', instanceCount: 2, trainingStartTime: started(5), trainingPlanArn: plan.arn }),
      trainingJob({ name: 'before-the-plan', instanceCount: 2, trainingStartTime: started(30) }),
      trainingJob({ name: 'other-type', instanceType: 'ml.m5.large', trainingStartTime: started(5) }),
    ];
    const [f] = await findingsOn('unused-training-plan', { sagemakerTrainingPlans: [plan], sagemakerTrainingJobs: jobs });
    expect(f?.monthlySavings).toBe(18.18);
    expect(f?.evidence).toMatchObject({ onDemandTrainingJobs: 2, onDemandTrainingInstanceHours: 12 });
    expect(f?.pricing.prices[0]).toMatchObject({ item: 'ml.g5.2xlarge training instance-hour', usd: 1.515 });
  });

  it('on-demand jobs of a type the catalog has no training rate for: unpriced (null, with the reason), never $0', async () => {
    const plan = trainingPlan({ startedHoursAgo: 20, durationHours: 100 });
    const job = trainingJob({ instanceType: 'ml.p5.48xlarge', trainingStartTime: new Date(Date.parse('2026-11-20T00:00:00Z') - 3_600_000).toISOString() });
    const [f] = await findingsOn('unused-training-plan', { sagemakerTrainingPlans: [plan], sagemakerTrainingJobs: [job] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/ml\.p5\.48xlarge/);
  });
});
