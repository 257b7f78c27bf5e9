import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import type { ResourceType } from '../../snapshot/resources.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { UsagePool, UsageUse } from './schema.js';

/** One box (or a group of identical ones) a commitment could cover, as it runs today. */
export interface UsageLine {
  type: ResourceType;
  resourceId: string;
  accountId: string;
  region: string;
  pool: UsagePool;
  /** What the hours are billed as: SageMaker prices hosting, notebooks and training apart, and so do its Savings Plans. */
  use: UsageUse;
  instanceType: string;
  /** Instances billed per hour: whole for a steady box, an average over the window for training jobs. */
  count: number;
  /** How many instances the resource runs at once (a resize "N x type" scales count by N / instances). */
  instances: number;
  /** Of count, the part billed for a training warm pool kept after the job. */
  warmPoolCount?: number;
  /** On-demand price of one instance, per hour. */
  unit: PriceLookup;
}

/** Share of the lookback an EC2 instance must have run to count as steady (the buy-commitment rule's default). */
export const STEADY_RUNNING_PCT = 90;

/** The on-demand hourly of one instance of a type in a region, for one source's use. */
export type PriceOf = (instanceType: string, region: string) => PriceLookup;

interface UsageSource {
  type: ResourceType;
  use: UsageUse;
  /** The on-demand hourly of one instance of a type for this use (a resized box is priced the same way). */
  price: (prices: PriceBook, instanceType: string, region: string) => PriceLookup;
  lines: (snapshot: Snapshot, price: PriceOf, prices: PriceBook) => Iterable<UsageLine>;
}

/**
 * Where commitment-eligible usage comes from: one row per resource type, each reading hourly cost
 * from the Snapshot and the catalog. A new type is one row here.
 */
export const USAGE_SOURCES: readonly UsageSource[] = [
  { type: 'ec2-instance', use: 'instance', price: (p, t, r) => p.ec2OnDemand(t, r), lines: ec2Lines },
  { type: 'sagemaker-endpoint', use: 'hosting', price: (p, t, r) => p.sagemakerHourly(t, r), lines: endpointLines },
  { type: 'sagemaker-notebook', use: 'notebook', price: (p, t, r) => p.sagemakerNotebookHourly(t, r), lines: notebookLines },
  { type: 'sagemaker-training-job', use: 'training', price: (p, t, r) => p.sagemakerTrainingHourly(t, r), lines: trainingLines },
  // A Studio app is never resized, so its resize price is unused; its lines price each app by its own app type.
  { type: 'sagemaker-studio-app', use: 'studio', price: (p, t, r) => p.sagemakerStudioHourly('JupyterLab', t, r), lines: studioAppLines },
];

/** The usage source of a resource type (each type has one row). */
export function usageSourceOf(type: ResourceType): UsageSource | undefined {
  return USAGE_SOURCES.find((s) => s.type === type);
}

/** Running on-demand instances that reported metrics for most of the window; spot and capacity blocks are not committed to. */
function* ec2Lines(snapshot: Snapshot, price: PriceOf): Iterable<UsageLine> {
  const windowHours = snapshot.scope.lookback.days * 24;
  for (const inst of snapshot.resources.ec2Instances) {
    if (inst.state !== 'running' || inst.lifecycle !== 'on-demand') continue;
    if (((inst.metrics.cpu?.observedHours ?? 0) / windowHours) * 100 < STEADY_RUNNING_PCT) continue;
    yield {
      type: 'ec2-instance',
      resourceId: inst.id,
      accountId: inst.accountId,
      region: inst.region,
      pool: 'ec2',
      use: 'instance',
      instanceType: inst.type,
      count: 1,
      instances: 1,
      unit: price(inst.type, inst.region),
    };
  }
}

/** Real-time endpoints in service bill every hour per instance; serverless variants are not instance usage. */
function* endpointLines(snapshot: Snapshot, price: PriceOf): Iterable<UsageLine> {
  for (const ep of snapshot.resources.sagemakerEndpoints) {
    if (ep.status !== 'InService') continue;
    for (const v of ep.variants) {
      if (v.serverless || v.instanceType === undefined || v.instanceCount === 0) continue;
      yield {
        type: 'sagemaker-endpoint',
        resourceId: ep.name,
        accountId: ep.accountId,
        region: ep.region,
        pool: 'sagemaker',
        use: 'hosting',
        instanceType: v.instanceType,
        count: v.instanceCount,
        instances: v.instanceCount,
        unit: price(v.instanceType, ep.region),
      };
    }
  }
}

function* notebookLines(snapshot: Snapshot, price: PriceOf): Iterable<UsageLine> {
  for (const nb of snapshot.resources.sagemakerNotebooks) {
    if (nb.status !== 'InService') continue;
    yield {
      type: 'sagemaker-notebook',
      resourceId: nb.name,
      accountId: nb.accountId,
      region: nb.region,
      pool: 'sagemaker',
      use: 'notebook',
      instanceType: nb.instanceType,
      count: 1,
      instances: 1,
      unit: price(nb.instanceType, nb.region),
    };
  }
}

/**
 * On-demand training jobs of the window as an average: billed instance-hours (the job plus its warm
 * pool) / window hours = instances of that type billed per hour on average. Not a steady box: a
 * commitment sized on it holds only if the team keeps training at the window's pace. Managed spot
 * jobs are left out (Savings Plans do not cover Spot).
 */
function* trainingLines(snapshot: Snapshot, price: PriceOf): Iterable<UsageLine> {
  const windowHours = snapshot.scope.lookback.days * 24;
  for (const job of snapshot.resources.sagemakerTrainingJobs) {
    if (job.managedSpot || job.instanceCount === 0) continue;
    const billed = ((job.billableTimeSeconds ?? 0) * job.instanceCount) / 3600 / windowHours;
    const warmPool = ((job.warmPool?.retainedBillableSeconds ?? 0) * job.instanceCount) / 3600 / windowHours;
    if (billed + warmPool <= 0) continue;
    yield {
      type: 'sagemaker-training-job',
      resourceId: job.name,
      accountId: job.accountId,
      region: job.region,
      pool: 'sagemaker',
      use: 'training',
      instanceType: job.instanceType,
      count: billed + warmPool,
      instances: job.instanceCount,
      ...(warmPool > 0 ? { warmPoolCount: warmPool } : {}),
      unit: price(job.instanceType, job.region),
    };
  }
}

/** InService Studio apps bill their instance every hour (SageMaker Savings Plans cover Studio); `system` instances are free. */
function* studioAppLines(snapshot: Snapshot, _price: PriceOf, prices: PriceBook): Iterable<UsageLine> {
  for (const app of snapshot.resources.sagemakerStudioApps) {
    if (app.status !== 'InService' || app.instanceType === undefined || app.instanceType === 'system') continue;
    yield {
      type: 'sagemaker-studio-app',
      resourceId: app.id,
      accountId: app.accountId,
      region: app.region,
      pool: 'sagemaker',
      use: 'studio',
      instanceType: app.instanceType,
      count: 1,
      instances: 1,
      unit: prices.sagemakerStudioHourly(app.appType, app.instanceType, app.region),
    };
  }
}

/** The family a commitment is bought for: m7i for m7i.large, ml.g5 for ml.g5.xlarge. */
export function familyOf(instanceType: string): string {
  const parts = instanceType.split('.');
  return parts[0] === 'ml' ? `ml.${parts[1] ?? ''}` : (parts[0] ?? instanceType);
}
