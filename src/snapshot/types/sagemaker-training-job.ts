import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/**
 * One SageMaker training job created in the lookback window, as DescribeTrainingJob gives it. Times
 * are AWS's own: `billableTimeSeconds` is wall-clock per instance (x instanceCount for the bill), and
 * for managed spot jobs it is less than `trainingTimeSeconds`. Cost fields stay plain (rate x hours)
 * so the commitment plan can read the usage.
 */
export const SageMakerTrainingJobSchema = z.object({
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  arn: z.string().optional(),
  status: z.string(),
  creationTime: isoDate,
  trainingStartTime: isoDate.optional(),
  trainingEndTime: isoDate.optional(),
  instanceType: z.string(),
  instanceCount: z.number().int().nonnegative(),
  managedSpot: z.boolean(),
  /** ResourceConfig.TrainingPlanArn: the job ran in a SageMaker training plan's prepaid capacity, not on-demand. */
  trainingPlanArn: z.string().optional(),
  trainingTimeSeconds: z.number().nonnegative().optional(),
  billableTimeSeconds: z.number().nonnegative().optional(),
  /** CheckpointConfig.S3Uri: the job saves checkpoints, so an interruption resumes instead of restarting. */
  checkpointS3Uri: z.string().optional(),
  maxRuntimeSeconds: z.number().nonnegative().optional(),
  maxWaitTimeSeconds: z.number().nonnegative().optional(),
  /** ResourceConfig.KeepAlivePeriodInSeconds: instances kept in a warm pool after the job ends. */
  keepAlivePeriodSeconds: z.number().nonnegative().optional(),
  warmPool: z
    .object({
      status: z.string(),
      /** Per instance, like billableTimeSeconds. */
      retainedBillableSeconds: z.number().nonnegative().optional(),
      reusedByJob: z.string().optional(),
    })
    .optional(),
  tags: tags.default({}),
  metrics: z
    .object({
      /** /aws/sagemaker/TrainingJobs per host (Host = <job>/algo-N), divided by GPU count (0-100); the busiest host's summary. */
      gpu: MetricSummarySchema.optional(),
      gpuMemory: MetricSummarySchema.optional(),
      cpu: MetricSummarySchema.optional(),
      /** MemoryUtilization, host memory percent (not scaled). */
      memory: MetricSummarySchema.optional(),
    })
    .default({}),
});
