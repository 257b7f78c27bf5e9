import { z } from 'zod';
import { HOURS_PER_WEEK } from './hour-of-week.js';

/**
 * The Snapshot: what collectors produce and the engine reads. Summaries, not raw series,
 * so a month of a large fleet stays a few MB and can be attached to a bug report.
 * Additive changes keep SNAPSHOT_SCHEMA_VERSION; renames or removals bump it, and
 * src/snapshot/migrate.ts upgrades older files on read.
 * Version 2: daily summaries became columns (`DailySeries`), not one object per day: a 100,000-
 * instance fleet held as row objects took most of a gigabyte in memory.
 * Version 3: one GPU hour-of-week profile per instance (`metrics.gpuUtilHourOfWeek`) instead of one
 * per GPU: eight per p4d were the largest part of a large fleet's Snapshot, and only their mean is read.
 * A profile is numbers only (`HourOfWeekProfile`: means, and the list of hours without data), not
 * numbers and nulls: a null makes V8 keep the whole array as boxed numbers, three times the memory.
 */
export const SNAPSHOT_SCHEMA_VERSION = 3;

const isoDate = z.iso.datetime({ offset: true });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const tags = z.record(z.string(), z.string());

/** Unobserved hours are listed once each, in ascending order: readers walk them alongside the means. */
export function unobservedAscending(p: { unobserved?: number[] | undefined }): boolean {
  const hours = p.unobserved ?? [];
  for (let i = 1; i < hours.length; i++) if (hours[i]! <= hours[i - 1]!) return false;
  return true;
}

/**
 * A mean per hour of week (0 = Monday 00:00 UTC … 167) and the hours with no datapoint, whose
 * mean is 0. An unobserved hour is not an idle one: schedule rules never count it as off-hours idle.
 */
export const HourOfWeekProfileSchema = z
  .object({
    mean: z.array(z.number()).length(HOURS_PER_WEEK),
    /** Hours (0 … 167, ascending) without any datapoint; absent when every hour was observed. */
    unobserved: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(HOURS_PER_WEEK - 1),
      )
      .optional(),
  })
  .refine(unobservedAscending, { error: 'unobserved hours must be listed once each, in ascending order', path: ['unobserved'] })
  .meta({ id: 'HourOfWeekProfile' });

/** Every column of a per-day series has one entry per day. */
export function columnsAligned(d: { avg: unknown[]; max: unknown[]; sum?: unknown[] | undefined; datapoints: unknown[] }): boolean {
  return d.avg.length === d.datapoints.length && d.max.length === d.datapoints.length && (d.sum === undefined || d.sum.length === d.datapoints.length);
}

/**
 * Per-UTC-day values of one metric as columns: entry i is `start` plus i days, every column has
 * one entry per day, and a day with `datapoints` 0 had no data (its other values are 0).
 */
export const DailySeriesSchema = z
  .object({
    start: day,
    avg: z.array(z.number()),
    max: z.array(z.number()),
    /** Sum over each day, for counters (bytes, invocations). */
    sum: z.array(z.number()).optional(),
    datapoints: z.array(z.number().int().nonnegative()),
  })
  .refine(columnsAligned, { error: 'avg, max, sum and datapoints must have one entry per day' })
  .meta({ id: 'DailySeries' });

export const MetricSummarySchema = z
  .object({
    avg: z.number(),
    p50: z.number(),
    p95: z.number(),
    max: z.number(),
    /** Sum of all datapoints, for counters (bytes, invocations, I/O ops). */
    sum: z.number().optional(),
    datapoints: z.number().int().nonnegative(),
    /** Hours of the window with at least one datapoint (a day-resolution series counts 24 per day). */
    observedHours: z.number().nonnegative(),
    periodSeconds: z.number().int().positive(),
    /**
     * Per-day values, oldest first. Collected only for the series something reads per day (EC2 CPU
     * and network, GPU utilisation, notebook CPU); older Snapshots may have it for every metric.
     */
    daily: DailySeriesSchema.optional(),
    /**
     * Average by hour of week, and the hours with no datapoint; when collected at hourly or finer
     * period, and only for EC2 CPU (GPUs: `gpuUtilHourOfWeek`).
     */
    hourOfWeek: HourOfWeekProfileSchema.optional(),
  })
  .meta({ id: 'MetricSummary' });

/** A GPU's utilisation: a metric summary without an hour-of-week profile (the instance keeps one for all its GPUs). */
const GpuUtilizationSummarySchema = MetricSummarySchema.omit({ hourOfWeek: true }).meta({ id: 'GpuUtilizationSummary' });

export const GpuMetricsSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string().optional(),
  /** nvidia_smi_utilization_gpu, percent of time a kernel ran. */
  utilization: GpuUtilizationSummarySchema.optional(),
  /** nvidia_smi_memory_used, MiB. */
  memoryUsedMiB: MetricSummarySchema.optional(),
  /** nvidia_smi_memory_total, MiB, when reported. */
  memoryTotalMiB: z.number().positive().optional(),
});

export const Ec2InstanceSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  type: z.string(),
  state: z.enum(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']),
  lifecycle: z.enum(['on-demand', 'spot', 'scheduled', 'capacity-block']),
  platform: z.string().default('Linux/UNIX'),
  launchTime: isoDate,
  tags: tags.default({}),
  /** Fleet membership derived from tags: who launches and replaces this instance. */
  membership: z
    .object({
      autoScalingGroup: z.string().optional(),
      eksNodeGroup: z.string().optional(),
      eksCluster: z.string().optional(),
      karpenterNodePool: z.string().optional(),
      batchComputeEnvironment: z.string().optional(),
    })
    .default({}),
  metrics: z
    .object({
      cpu: MetricSummarySchema.optional(),
      networkInBytes: MetricSummarySchema.optional(),
      networkOutBytes: MetricSummarySchema.optional(),
      /** CloudWatch agent mem_used_percent. */
      memory: MetricSummarySchema.optional(),
      gpus: z.array(GpuMetricsSchema).optional(),
      /**
       * GPU utilisation by hour of week: the mean across the instance's GPUs of each GPU's hourly
       * average, over the GPUs that reported that hour; unobserved where none did. When collected
       * at hourly or finer period. Schedule rules prefer it to CPU.
       */
      gpuUtilHourOfWeek: HourOfWeekProfileSchema.optional(),
    })
    .default({}),
});

export const EbsVolumeSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  type: z.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']),
  sizeGiB: z.number().positive(),
  iops: z.number().nonnegative().optional(),
  throughputMiBps: z.number().nonnegative().optional(),
  state: z.enum(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
  createTime: isoDate,
  attachments: z.array(z.object({ instanceId: z.string(), device: z.string().optional() })).default([]),
  tags: tags.default({}),
  metrics: z
    .object({
      readOps: MetricSummarySchema.optional(),
      writeOps: MetricSummarySchema.optional(),
    })
    .default({}),
});

export const EbsSnapshotSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  volumeId: z.string().optional(),
  sizeGiB: z.number().nonnegative(),
  startTime: isoDate,
  storageTier: z.enum(['standard', 'archive']).default('standard'),
  description: z.string().optional(),
  /** Registered AMIs whose block devices reference this snapshot. */
  amiIds: z.array(z.string()).default([]),
  tags: tags.default({}),
});

export const ElasticIpSchema = z.object({
  allocationId: z.string(),
  accountId: z.string(),
  region: z.string(),
  publicIp: z.string(),
  associationId: z.string().optional(),
  instanceId: z.string().optional(),
  networkInterfaceId: z.string().optional(),
  tags: tags.default({}),
});

export const ReservedInstanceSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  instanceType: z.string(),
  instanceCount: z.number().int().positive(),
  availabilityZone: z.string().optional(),
  scope: z.enum(['Region', 'Availability Zone']),
  start: isoDate,
  end: isoDate,
  state: z.string(),
  offeringClass: z.string().optional(),
  offeringType: z.string().optional(),
  productDescription: z.string().optional(),
});

export const SavingsPlanSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  type: z.enum(['Compute', 'EC2Instance', 'SageMaker', 'Database']),
  commitmentPerHour: z.number().nonnegative(),
  region: z.string().optional(),
  instanceFamily: z.string().optional(),
  start: isoDate,
  end: isoDate,
  state: z.string(),
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
  /** Request metrics, only when the bucket has a request-metrics configuration. */
  requests: z
    .object({
      getRequests: MetricSummarySchema.optional(),
      bytesDownloaded: MetricSummarySchema.optional(),
    })
    .optional(),
  lifecycleRules: z.number().int().nonnegative().optional(),
});

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

export const SpotPriceSchema = z.object({
  region: z.string(),
  instanceType: z.string(),
  availabilityZone: z.string().optional(),
  usdPerHour: z.number().nonnegative(),
  timestamp: isoDate,
});

/** A price read live (Pricing API) at collection time; overrides the embedded catalog. */
export const CollectedPriceSchema = z.object({
  service: z.enum(['ec2', 'ebs', 's3', 'sagemaker']),
  region: z.string(),
  key: z.string(),
  term: z.enum(['on-demand', 'reserved-1yr-no-upfront', 'reserved-3yr-no-upfront']).default('on-demand'),
  usd: z.number().nonnegative(),
  unit: z.string(),
  source: z.string(),
  asOf: z.string(),
});

/** DescribeInstanceTypes figures for types the embedded catalog lacks (same shape as the catalog data). */
export const InstanceTypeSpecSchema = z.object({
  vcpu: z.number().int().positive(),
  memoryMiB: z.number().positive(),
  currentGeneration: z.boolean().default(true),
  arch: z.array(z.string()).default([]),
  gpu: z.object({ model: z.string(), count: z.number().int().positive(), memoryMiBEach: z.number().nonnegative() }).optional(),
  neuron: z.object({ model: z.string(), count: z.number().int().positive(), memoryMiBEach: z.number().nonnegative() }).optional(),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  accountId: z.string().optional(),
  region: z.string().optional(),
  service: z.string().optional(),
  resourceId: z.string().optional(),
});

export const ScopeSchema = z.object({
  accounts: z.array(z.string()),
  regions: z.array(z.string()),
  lookback: z.object({ start: isoDate, end: isoDate, days: z.number().positive() }),
  source: z.enum(['aws', 'demo', 'file', 'synthetic']),
  /** API calls the collection made, per "service:Operation", and their estimated AWS charge. */
  apiCalls: z.record(z.string(), z.number().int().nonnegative()).optional(),
  apiCostUsd: z.number().nonnegative().optional(),
});

/** Each resource list of a Snapshot and the schema of one entry, for code that validates entry by entry. */
export const RESOURCE_LIST_SCHEMAS = {
  ec2Instances: Ec2InstanceSchema,
  ebsVolumes: EbsVolumeSchema,
  ebsSnapshots: EbsSnapshotSchema,
  elasticIps: ElasticIpSchema,
  reservedInstances: ReservedInstanceSchema,
  savingsPlans: SavingsPlanSchema,
  s3Buckets: S3BucketSchema,
  sagemakerEndpoints: SageMakerEndpointSchema,
  sagemakerNotebooks: SageMakerNotebookSchema,
} as const;

export const SnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  collectedAt: isoDate,
  scope: ScopeSchema,
  resources: z.object({
    ec2Instances: z.array(Ec2InstanceSchema).default([]),
    ebsVolumes: z.array(EbsVolumeSchema).default([]),
    ebsSnapshots: z.array(EbsSnapshotSchema).default([]),
    elasticIps: z.array(ElasticIpSchema).default([]),
    reservedInstances: z.array(ReservedInstanceSchema).default([]),
    savingsPlans: z.array(SavingsPlanSchema).default([]),
    s3Buckets: z.array(S3BucketSchema).default([]),
    sagemakerEndpoints: z.array(SageMakerEndpointSchema).default([]),
    sagemakerNotebooks: z.array(SageMakerNotebookSchema).default([]),
  }),
  instanceTypes: z.record(z.string(), InstanceTypeSpecSchema).default({}),
  spotPrices: z.array(SpotPriceSchema).default([]),
  prices: z.array(CollectedPriceSchema).default([]),
  warnings: z.array(WarningSchema).default([]),
});

export type MetricSummary = z.infer<typeof MetricSummarySchema>;
export type DailySeries = z.infer<typeof DailySeriesSchema>;
export type HourOfWeekProfile = z.infer<typeof HourOfWeekProfileSchema>;
export type GpuMetrics = z.infer<typeof GpuMetricsSchema>;
export type Ec2Instance = z.infer<typeof Ec2InstanceSchema>;
export type EbsVolume = z.infer<typeof EbsVolumeSchema>;
export type EbsSnapshot = z.infer<typeof EbsSnapshotSchema>;
export type ElasticIp = z.infer<typeof ElasticIpSchema>;
export type ReservedInstance = z.infer<typeof ReservedInstanceSchema>;
export type SavingsPlan = z.infer<typeof SavingsPlanSchema>;
export type S3Bucket = z.infer<typeof S3BucketSchema>;
export type SageMakerEndpoint = z.infer<typeof SageMakerEndpointSchema>;
export type SageMakerNotebook = z.infer<typeof SageMakerNotebookSchema>;
export type SpotPrice = z.infer<typeof SpotPriceSchema>;
export type InstanceTypeSpec = z.infer<typeof InstanceTypeSpecSchema>;
export type CollectedPrice = z.infer<typeof CollectedPriceSchema>;
export type SnapshotWarning = z.infer<typeof WarningSchema>;
export type Scope = z.infer<typeof ScopeSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
/** What a collector or a generator writes before defaults are applied. */
export type SnapshotInput = z.input<typeof SnapshotSchema>;
