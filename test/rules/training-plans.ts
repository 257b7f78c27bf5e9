import type { SageMakerTrainingPlan } from '../../src/snapshot/types/sagemaker-training-plan.js';
import { END } from '../helpers/builders.js';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(END.getTime() + hours * HOUR).toISOString();

/** A training plan as the collector writes it: `startedHoursAgo` and `durationHours` place it around the window's end. */
export function trainingPlan(shape: Partial<SageMakerTrainingPlan> & { startedHoursAgo: number; durationHours: number }): SageMakerTrainingPlan {
  const { startedHoursAgo, durationHours, ...rest } = shape;
  return {
    name: 'llm-pretrain-plan',
    arn: 'arn:aws:sagemaker:us-east-1:111122223333:training-plan/llm-pretrain-plan',
    accountId: '111122223333',
    region: 'us-east-1',
    status: 'Active',
    startTime: at(-startedHoursAgo),
    endTime: at(durationHours - startedHoursAgo),
    durationHours,
    upfrontFee: 50_000,
    currencyCode: 'USD',
    totalInstanceCount: 4,
    availableInstanceCount: 2,
    inUseInstanceCount: 2,
    targetResources: ['training-job'],
    reservedCapacities: [{ instanceType: 'ml.p5.48xlarge', totalInstanceCount: 4, status: 'Active', availabilityZone: 'us-east-1a' }],
    tags: {},
    ...rest,
  };
}
