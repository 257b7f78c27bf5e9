import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import type { ResourceType } from '../../snapshot/resources.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { UsagePool } from './schema.js';

/** One steady box (or a group of identical ones) a commitment could cover, as it runs today. */
export interface UsageLine {
  type: ResourceType;
  resourceId: string;
  accountId: string;
  region: string;
  pool: UsagePool;
  instanceType: string;
  count: number;
  /** On-demand price of one instance, per hour. */
  unit: PriceLookup;
}

/** Share of the lookback an EC2 instance must have run to count as steady (the buy-commitment rule's default). */
export const STEADY_RUNNING_PCT = 90;

/**
 * Where commitment-eligible usage comes from: one row per resource type, each reading hourly cost
 * from the Snapshot and the catalog. A new type (training jobs, Studio apps) is one row here.
 */
export const USAGE_SOURCES: readonly { type: ResourceType; lines: (snapshot: Snapshot, prices: PriceBook) => Iterable<UsageLine> }[] = [
  { type: 'ec2-instance', lines: ec2Lines },
  { type: 'sagemaker-endpoint', lines: endpointLines },
  { type: 'sagemaker-notebook', lines: notebookLines },
  { type: 'sagemaker-studio-app', lines: studioAppLines },
];

/** Running on-demand instances that reported metrics for most of the window; spot and capacity blocks are not committed to. */
function* ec2Lines(snapshot: Snapshot, prices: PriceBook): Iterable<UsageLine> {
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
      instanceType: inst.type,
      count: 1,
      unit: prices.ec2OnDemand(inst.type, inst.region),
    };
  }
}

/** Real-time endpoints in service bill every hour per instance; serverless variants are not instance usage. */
function* endpointLines(snapshot: Snapshot, prices: PriceBook): Iterable<UsageLine> {
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
        instanceType: v.instanceType,
        count: v.instanceCount,
        unit: prices.sagemakerHourly(v.instanceType, ep.region),
      };
    }
  }
}

function* notebookLines(snapshot: Snapshot, prices: PriceBook): Iterable<UsageLine> {
  for (const nb of snapshot.resources.sagemakerNotebooks) {
    if (nb.status !== 'InService') continue;
    yield {
      type: 'sagemaker-notebook',
      resourceId: nb.name,
      accountId: nb.accountId,
      region: nb.region,
      pool: 'sagemaker',
      instanceType: nb.instanceType,
      count: 1,
      unit: prices.sagemakerNotebookHourly(nb.instanceType, nb.region),
    };
  }
}

/** InService Studio apps bill their instance every hour (SageMaker Savings Plans cover Studio); `system` instances are free. */
function* studioAppLines(snapshot: Snapshot, prices: PriceBook): Iterable<UsageLine> {
  for (const app of snapshot.resources.sagemakerStudioApps) {
    if (app.status !== 'InService' || app.instanceType === undefined || app.instanceType === 'system') continue;
    yield {
      type: 'sagemaker-studio-app',
      resourceId: app.id,
      accountId: app.accountId,
      region: app.region,
      pool: 'sagemaker',
      instanceType: app.instanceType,
      count: 1,
      unit: prices.sagemakerStudioHourly(app.appType, app.instanceType, app.region),
    };
  }
}

/** The family a commitment is bought for: m7i for m7i.large, ml.g5 for ml.g5.xlarge. */
export function familyOf(instanceType: string): string {
  const parts = instanceType.split('.');
  return parts[0] === 'ml' ? `ml.${parts[1] ?? ''}` : (parts[0] ?? instanceType);
}
