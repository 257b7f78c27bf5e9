import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

export const SageMakerEndpointSchema = z.object({
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  arn: z.string().optional(),
  status: z.string(),
  creationTime: isoDate,
  tags: tags.default({}),
  variants: z.array(
    z.object({
      name: z.string(),
      instanceType: z.string().optional(),
      instanceCount: z.number().int().nonnegative(),
      serverless: z.boolean().default(false),
      metrics: z
        .object({
          invocations: MetricSummarySchema.optional(),
          /** /aws/sagemaker/Endpoints metrics, already divided by core/GPU count (0–100). */
          cpu: MetricSummarySchema.optional(),
          gpu: MetricSummarySchema.optional(),
          gpuMemory: MetricSummarySchema.optional(),
        })
        .default({}),
    }),
  ),
});
