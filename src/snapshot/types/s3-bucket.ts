import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

export const S3BucketSchema = z.object({
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  creationDate: isoDate.optional(),
  tags: tags.default({}),
  /** Latest daily BucketSizeBytes per CloudWatch StorageType (StandardStorage, StandardIAStorage, …). */
  bytesByStorageType: z.record(z.string(), z.number().nonnegative()).default({}),
  /** NumberOfObjects, StorageType=AllStorageTypes. */
  objectCount: z.number().int().nonnegative().optional(),
  /** Request metrics, only when the bucket has a request-metrics configuration. */
  requests: z
    .object({
      getRequests: MetricSummarySchema.optional(),
      bytesDownloaded: MetricSummarySchema.optional(),
    })
    .optional(),
  lifecycleRules: z.number().int().nonnegative().optional(),
});
