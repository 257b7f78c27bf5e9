import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/**
 * An Amazon Bedrock Provisioned Throughput as ListProvisionedModelThroughputs returns it (Bedrock
 * API reference, ProvisionedModelSummary): model units reserved for one base or custom model,
 * billed per model unit per hour while it exists, used or not. With a commitment (OneMonth or
 * SixMonths) it cannot be deleted before commitmentExpirationTime.
 */
export const BedrockProvisionedThroughputSchema = z.object({
  /** provisionedModelName. */
  name: z.string(),
  /** provisionedModelArn: also the ModelId callers invoke, and the CloudWatch ModelId dimension. */
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  modelArn: z.string(),
  desiredModelArn: z.string().optional(),
  foundationModelArn: z.string().optional(),
  modelUnits: z.number().int().nonnegative(),
  desiredModelUnits: z.number().int().nonnegative().optional(),
  /** Creating, InService, Updating or Failed. */
  status: z.string(),
  commitmentDuration: z.enum(['OneMonth', 'SixMonths']).optional(),
  commitmentExpirationTime: isoDate.optional(),
  creationTime: isoDate,
  tags: tags.default({}),
  /** AWS/Bedrock over the window, dimension ModelId = the provisioned model ARN. */
  metrics: z
    .object({
      /** Invocations, Sum per period (Bedrock publishes nothing for a model nobody calls). */
      invocations: MetricSummarySchema.optional(),
    })
    .default({}),
});

export type BedrockProvisionedThroughput = z.infer<typeof BedrockProvisionedThroughputSchema>;
