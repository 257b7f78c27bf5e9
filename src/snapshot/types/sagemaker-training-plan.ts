import { z } from 'zod';
import { isoDate, tags } from '../metric-schema.js';

/**
 * A SageMaker training plan as ListTrainingPlans returns it (SageMaker API reference,
 * TrainingPlanSummary): reserved accelerator capacity for training jobs or HyperPod clusters,
 * paid upfront (UpfrontFee) for fixed hours. Empty reserved instances while it is Active are paid
 * for and lost; nothing more bills.
 */
export const SageMakerTrainingPlanSchema = z.object({
  /** TrainingPlanName (unique per account and region). */
  name: z.string(),
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  status: z.enum(['Pending', 'Active', 'Scheduled', 'Expired', 'Failed']),
  startTime: isoDate.optional(),
  endTime: isoDate.optional(),
  /** DurationHours (whole hours of the plan). */
  durationHours: z.number().nonnegative().optional(),
  /** UpfrontFee as AWS sends it (a decimal string), parsed; absent when AWS does not say. */
  upfrontFee: z.number().nonnegative().optional(),
  currencyCode: z.string().optional(),
  totalInstanceCount: z.number().int().nonnegative(),
  availableInstanceCount: z.number().int().nonnegative(),
  inUseInstanceCount: z.number().int().nonnegative(),
  /** training-job and/or hyperpod-cluster: what can run in it. */
  targetResources: z.array(z.string()).default([]),
  reservedCapacities: z
    .array(
      z.object({
        instanceType: z.string(),
        totalInstanceCount: z.number().int().nonnegative(),
        status: z.string(),
        availabilityZone: z.string().optional(),
        startTime: isoDate.optional(),
        endTime: isoDate.optional(),
      }),
    )
    .default([]),
  tags: tags.default({}),
});

export type SageMakerTrainingPlan = z.infer<typeof SageMakerTrainingPlanSchema>;
