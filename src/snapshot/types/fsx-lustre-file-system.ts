import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/** A data repository association (DescribeDataRepositoryAssociations): an S3 prefix linked to a path of the file system. */
export const FsxDataRepositorySchema = z.object({
  associationId: z.string(),
  /** DataRepositoryPath: s3://bucket/prefix/. */
  path: z.string(),
  /** Where it appears in the file system, e.g. /ns1/. */
  fileSystemPath: z.string().optional(),
  lifecycle: z.string().optional(),
  /** S3.AutoImportPolicy.Events and S3.AutoExportPolicy.Events (NEW, CHANGED, DELETED); empty when none. */
  importEvents: z.array(z.string()).default([]),
  exportEvents: z.array(z.string()).default([]),
});

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
  /** Its data repository associations; undefined when they could not be read (or the region was not asked). */
  dataRepositories: z.array(FsxDataRepositorySchema).optional(),
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
export type FsxDataRepository = z.infer<typeof FsxDataRepositorySchema>;
