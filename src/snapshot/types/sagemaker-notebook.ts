import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

export const SageMakerNotebookSchema = z.object({
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  arn: z.string().optional(),
  status: z.string(),
  instanceType: z.string(),
  lifecycleConfigName: z.string().optional(),
  /** True when the lifecycle config contains an auto-stop idle script. */
  autoStop: z.boolean().optional(),
  creationTime: isoDate,
  lastModifiedTime: isoDate.optional(),
  tags: tags.default({}),
  metrics: z.object({ cpu: MetricSummarySchema.optional() }).default({}),
});
