import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/** Lifecycle facts the hygiene rules read; absent when the lifecycle configuration could not be read. */
const LifecycleSchema = z.object({
  /** An enabled rule expires noncurrent versions (NoncurrentVersionExpiration). */
  expiresNoncurrentVersions: z.boolean(),
  /** An enabled rule aborts incomplete multipart uploads (AbortIncompleteMultipartUpload). */
  abortsIncompleteUploads: z.boolean(),
});

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
  /**
   * Request metrics of the bucket's whole-bucket filter, only when it has one. S3 publishes a
   * request metric only for minutes with such requests, so a filter with no GETs has no
   * GetRequests series: `observedSince` (its earliest datapoint of any request metric in the
   * window) says how long the filter has been counting.
   */
  requests: z
    .object({
      filterId: z.string().optional(),
      observedSince: isoDate.optional(),
      getRequests: MetricSummarySchema.optional(),
      bytesDownloaded: MetricSummarySchema.optional(),
      allRequests: MetricSummarySchema.optional(),
    })
    .optional(),
  lifecycleRules: z.number().int().nonnegative().optional(),
  lifecycle: LifecycleSchema.optional(),
  /** GetBucketVersioning's Status; "Off" when the bucket never had versioning. Absent when unread. */
  versioning: z.enum(['Enabled', 'Suspended', 'Off']).optional(),
  /** Latest S3 Storage Lens NonCurrentVersionStorageBytes (all storage classes), where a configuration publishes to CloudWatch. */
  noncurrentBytes: z.number().nonnegative().optional(),
  /** Latest S3 Storage Lens IncompleteMultipartUploadStorageBytes, where published. */
  incompleteUploadBytes: z.number().nonnegative().optional(),
  /** ListMultipartUploads, first page: how many uploads it listed, the oldest one's start, and whether more exist. */
  multipartUploads: z
    .object({
      listed: z.number().int().nonnegative(),
      oldestInitiated: isoDate.optional(),
      truncated: z.boolean(),
    })
    .optional(),
});
