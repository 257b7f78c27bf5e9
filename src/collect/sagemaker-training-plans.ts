import { paginateListTrainingPlans, type TrainingPlanSummary } from '@aws-sdk/client-sagemaker';
import { SageMakerTrainingPlanSchema, type SageMakerTrainingPlan } from '../snapshot/types/sagemaker-training-plan.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';

/**
 * SageMaker training plans of a region through ListTrainingPlans (SageMaker API reference,
 * TrainingPlanSummary: TrainingPlanArn/Name, Status, StartTime, EndTime, DurationHours, UpfrontFee,
 * CurrencyCode, Total/Available/InUseInstanceCount, TargetResources, ReservedCapacitySummaries).
 * Every status is kept; the rule decides which ones matter. Pages of 100, the API maximum.
 */
export const sagemakerTrainingPlansCollector = defineCollector({
  id: 'sagemaker-training-plans',
  service: 'sagemaker',
  scope: 'region',
  iamActions: ['sagemaker:ListTrainingPlans'],
  resourceType: 'sagemaker-training-plan',
  step: 'sagemaker',
  what: 'SageMaker training plans (ListTrainingPlans)',
  collect: collectTrainingPlans,
  toSnapshot: (sagemakerTrainingPlans) => ({ resources: { sagemakerTrainingPlans } }),
  count: (list) => list.length,
});

export async function collectTrainingPlans(ctx: RegionContext): Promise<SageMakerTrainingPlan[]> {
  const client = clientFor(ctx, 'sagemaker');
  const found: SageMakerTrainingPlan[] = [];
  for await (const page of paginateListTrainingPlans({ client, pageSize: 100 }, {})) {
    for (const raw of page.TrainingPlanSummaries ?? []) {
      const plan = toPlan(raw, ctx);
      if (plan) found.push(plan);
    }
  }
  return found;
}

function toPlan(raw: TrainingPlanSummary, ctx: RegionContext): SageMakerTrainingPlan | undefined {
  const accountId = ctx.account.accountId;
  // A fee that is not a plain number is left unknown rather than dropping the plan.
  const fee = raw.UpfrontFee === undefined || raw.UpfrontFee.trim() === '' ? undefined : Number(raw.UpfrontFee);
  const candidate = {
    name: raw.TrainingPlanName,
    arn: raw.TrainingPlanArn,
    accountId,
    region: ctx.region,
    status: raw.Status,
    ...(raw.StartTime ? { startTime: raw.StartTime.toISOString() } : {}),
    ...(raw.EndTime ? { endTime: raw.EndTime.toISOString() } : {}),
    ...(raw.DurationHours !== undefined ? { durationHours: raw.DurationHours } : {}),
    ...(fee !== undefined && Number.isFinite(fee) && fee >= 0 ? { upfrontFee: fee } : {}),
    ...(raw.CurrencyCode ? { currencyCode: raw.CurrencyCode } : {}),
    totalInstanceCount: raw.TotalInstanceCount ?? 0,
    availableInstanceCount: raw.AvailableInstanceCount ?? 0,
    inUseInstanceCount: raw.InUseInstanceCount ?? 0,
    targetResources: raw.TargetResources ?? [],
    reservedCapacities: (raw.ReservedCapacitySummaries ?? []).map((c) => ({
      instanceType: c.InstanceType,
      totalInstanceCount: c.TotalInstanceCount ?? 0,
      status: c.Status,
      ...(c.AvailabilityZone ? { availabilityZone: c.AvailabilityZone } : {}),
      ...(c.StartTime ? { startTime: c.StartTime.toISOString() } : {}),
      ...(c.EndTime ? { endTime: c.EndTime.toISOString() } : {}),
    })),
    tags: {},
  };
  const parsed = SageMakerTrainingPlanSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  ctx.warnings.add({
    code: 'invalid-response',
    message: `${accountId}/${ctx.region}: dropped training plan ${raw.TrainingPlanName ?? '(no name)'}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    accountId,
    region: ctx.region,
    service: 'sagemaker',
    ...(raw.TrainingPlanName ? { resourceId: raw.TrainingPlanName } : {}),
  });
  return undefined;
}
