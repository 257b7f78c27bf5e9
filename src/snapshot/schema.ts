import { z } from 'zod';
import { isoDate } from './metric-schema.js';
import { RESOURCE_TYPE_TABLE } from './resources.js';
import { ReservedInstanceSchema, SavingsPlanSchema, SavingsPlansRecommendationSchema } from './types/commitments.js';
import type { EbsSnapshotSchema } from './types/ebs-snapshot.js';
import type { EbsVolumeSchema } from './types/ebs-volume.js';
import type { Ec2InstanceSchema } from './types/ec2-instance.js';
import type { EksGpuPodSchema } from './types/eks-gpu-pod.js';
import type { EksNodeGroupSchema } from './types/eks-node-group.js';
import type { ElasticIpSchema } from './types/elastic-ip.js';
import type { S3BucketSchema } from './types/s3-bucket.js';
import type { SageMakerEndpointSchema } from './types/sagemaker-endpoint.js';
import type { SageMakerNotebookSchema } from './types/sagemaker-notebook.js';
import type { SageMakerTrainingJobSchema } from './types/sagemaker-training-job.js';
import { SavingsPlanRatesSchema } from './types/savings-plan-rate.js';
import type { DailySeriesSchema, GpuMetricsSchema, HourOfWeekProfileSchema, MetricSummarySchema } from './metric-schema.js';

export { DailySeriesSchema, GpuMetricsSchema, HourOfWeekProfileSchema, MetricSummarySchema, columnsAligned, unobservedAscending } from './metric-schema.js';
export { ReservedInstanceSchema, SavingsPlanSchema, SavingsPlansRecommendationSchema } from './types/commitments.js';
export { EbsSnapshotSchema } from './types/ebs-snapshot.js';
export { EbsVolumeSchema } from './types/ebs-volume.js';
export { Ec2InstanceSchema } from './types/ec2-instance.js';
export { EksGpuPodSchema } from './types/eks-gpu-pod.js';
export { EksNodeGroupSchema } from './types/eks-node-group.js';
export { ElasticIpSchema } from './types/elastic-ip.js';
export { S3BucketSchema } from './types/s3-bucket.js';
export { SageMakerEndpointSchema } from './types/sagemaker-endpoint.js';
export { SageMakerNotebookSchema } from './types/sagemaker-notebook.js';
export { SageMakerTrainingJobSchema } from './types/sagemaker-training-job.js';
export { SavingsPlanRatesSchema } from './types/savings-plan-rate.js';
export type { BoughtSavingsPlanRate, SavingsPlanOfferingRate, SavingsPlanRates } from './types/savings-plan-rate.js';

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
  /** Local instance store, GB (InstanceStorageInfo.TotalSizeInGB); absent on EBS-only types. */
  instanceStoreGB: z.number().positive().optional(),
  /** Network bandwidth summed over the network cards, Gbps; absent where no baseline is published. */
  network: z.object({ baselineGbps: z.number().nonnegative(), peakGbps: z.number().nonnegative() }).optional(),
  /** Supports Elastic Fabric Adapter. */
  efa: z.boolean().optional(),
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

/** Lists other types' signals read (commitments in force), which are not resources rules judge. */
const SUPPORTING_LISTS = {
  reservedInstances: ReservedInstanceSchema,
  savingsPlans: SavingsPlanSchema,
  savingsPlansRecommendations: SavingsPlansRecommendationSchema,
} as const;

type TableRow = (typeof RESOURCE_TYPE_TABLE)[number];
type ResourceListSchemas = { [R in TableRow as R['listKey']]: R['schema'] } & typeof SUPPORTING_LISTS;

/** Each resource list of a Snapshot and the schema of one entry, for code that validates entry by entry. */
export const RESOURCE_LIST_SCHEMAS = {
  ...Object.fromEntries(RESOURCE_TYPE_TABLE.map((r) => [r.listKey, r.schema])),
  ...SUPPORTING_LISTS,
} as ResourceListSchemas;

type ResourceListsSchema = { [K in keyof ResourceListSchemas]: z.ZodDefault<z.ZodArray<ResourceListSchemas[K]>> };

export const SnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  collectedAt: isoDate,
  scope: ScopeSchema,
  resources: z.object(
    Object.fromEntries(Object.entries(RESOURCE_LIST_SCHEMAS).map(([key, schema]) => [key, z.array(schema as z.ZodType).default([])])) as ResourceListsSchema,
  ),
  instanceTypes: z.record(z.string(), InstanceTypeSpecSchema).default({}),
  spotPrices: z.array(SpotPriceSchema).default([]),
  prices: z.array(CollectedPriceSchema).default([]),
  /** Savings Plans rates read live (offerings and the plans in force), for the commitment plan. */
  savingsPlanRates: SavingsPlanRatesSchema.default({ offerings: [], bought: [] }),
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
export type SavingsPlansRecommendation = z.infer<typeof SavingsPlansRecommendationSchema>;
export type S3Bucket = z.infer<typeof S3BucketSchema>;
export type SageMakerEndpoint = z.infer<typeof SageMakerEndpointSchema>;
export type SageMakerNotebook = z.infer<typeof SageMakerNotebookSchema>;
export type SageMakerTrainingJob = z.infer<typeof SageMakerTrainingJobSchema>;
export type EksNodeGroup = z.infer<typeof EksNodeGroupSchema>;
export type EksGpuPod = z.infer<typeof EksGpuPodSchema>;
export type SpotPrice = z.infer<typeof SpotPriceSchema>;
export type InstanceTypeSpec = z.infer<typeof InstanceTypeSpecSchema>;
export type CollectedPrice = z.infer<typeof CollectedPriceSchema>;
export type SnapshotWarning = z.infer<typeof WarningSchema>;
export type Scope = z.infer<typeof ScopeSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
/** What a collector or a generator writes before defaults are applied. */
export type SnapshotInput = z.input<typeof SnapshotSchema>;
