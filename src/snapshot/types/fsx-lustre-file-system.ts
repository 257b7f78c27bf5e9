import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/** One FSx for Lustre file system as DescribeFileSystems reports it (Lustre only), with its AWS/FSx summaries. */
export const FsxLustreFileSystemSchema = z.object({
  id: z.string(),
  arn: z.string().optional(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  lifecycle: z.string(),
  creationTime: isoDate.optional(),
  deploymentType: z.enum(['SCRATCH_1', 'SCRATCH_2', 'PERSISTENT_1', 'PERSISTENT_2']),
  storageType: z.enum(['SSD', 'HDD', 'INTELLIGENT_TIERING']).default('SSD'),
  storageCapacityGiB: z.number().int().nonnegative(),
  /** MB/s per TiB of storage; persistent file systems only (scratch has a fixed baseline). */
  perUnitStorageThroughput: z.number().int().positive().optional(),
  dataCompression: z.enum(['NONE', 'LZ4']).default('NONE'),
  /** The linked S3 data repository (DataRepositoryConfiguration), when there is one. */
  importPath: z.string().optional(),
  exportPath: z.string().optional(),
  tags: tags.default({}),
  metrics: z
    .object({
      /** AWS/FSx DataReadBytes, Sum per period. */
      dataReadBytes: MetricSummarySchema.optional(),
      /** AWS/FSx DataWriteBytes, Sum per period. */
      dataWriteBytes: MetricSummarySchema.optional(),
      /** Capacity minus AWS/FSx FreeDataStorageCapacity (period Minimum), bytes: max is the fullest it got. */
      usedDataStorageBytes: MetricSummarySchema.optional(),
    })
    .default({}),
});

export type FsxLustreFileSystem = z.infer<typeof FsxLustreFileSystemSchema>;
