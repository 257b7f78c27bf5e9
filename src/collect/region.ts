import type {
  EbsSnapshot,
  EbsVolume,
  Ec2Instance,
  ElasticIp,
  InstanceTypeSpec,
  ReservedInstance,
  S3Bucket,
  SageMakerEndpoint,
  SageMakerNotebook,
  SpotPrice,
} from '../snapshot/schema.js';
import { collectMetrics } from './cloudwatch/index.js';
import { guarded, warnFailure, type RegionContext } from './context.js';
import { collectSnapshots, collectVolumes } from './ebs.js';
import { collectInstances } from './ec2-instances.js';
import { collectElasticIps } from './elastic-ips.js';
import { collectInstanceTypes } from './instance-types.js';
import { collectReservedInstances } from './reserved-instances.js';
import { collectEndpoints, collectNotebooks } from './sagemaker.js';
import { collectSpotPrices } from './spot.js';

export interface RegionResult {
  instances: Ec2Instance[];
  volumes: EbsVolume[];
  snapshots: EbsSnapshot[];
  elasticIps: ElasticIp[];
  reservedInstances: ReservedInstance[];
  endpoints: SageMakerEndpoint[];
  notebooks: SageMakerNotebook[];
  instanceTypes: Record<string, InstanceTypeSpec>;
  spotPrices: SpotPrice[];
}

/**
 * One account in one region: inventory first (each list on its own, so one denied API loses only
 * its list), then metrics, spot prices and missing instance specs for what was found. A region
 * that is not enabled or not reachable is one warning, not one per API.
 */
export async function collectRegion(ctx: RegionContext, buckets: readonly S3Bucket[]): Promise<RegionResult> {
  const empty: RegionResult = {
    instances: [],
    volumes: [],
    snapshots: [],
    elasticIps: [],
    reservedInstances: [],
    endpoints: [],
    notebooks: [],
    instanceTypes: {},
    spotPrices: [],
  };
  let fatal = false;
  const ec2 = await collectInstances(ctx).catch((err: unknown) => {
    const failure = warnFailure(ctx, 'ec2', 'EC2 instances', err);
    fatal = failure.kind === 'opt-in-required' || failure.kind === 'unreachable';
    return undefined;
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set in the catch callback above, which flow analysis does not follow
  if (fatal) return empty;
  const [volumes, snapshots, elasticIps, reservedInstances, endpoints, notebooks] = await Promise.all([
    guarded(ctx, 'ec2', 'EBS volumes', () => collectVolumes(ctx)),
    guarded(ctx, 'ec2', 'EBS snapshots', () => collectSnapshots(ctx)),
    guarded(ctx, 'ec2', 'Elastic IPs', () => collectElasticIps(ctx)),
    guarded(ctx, 'ec2', 'reserved instances', () => collectReservedInstances(ctx)),
    guarded(ctx, 'sagemaker', 'SageMaker endpoints', () => collectEndpoints(ctx)),
    guarded(ctx, 'sagemaker', 'SageMaker notebook instances', () => collectNotebooks(ctx)),
  ]);
  const instances = ec2?.instances ?? [];
  const types = new Set(instances.filter((i) => i.state !== 'terminated').map((i) => i.type));
  const [instanceTypes, spotPrices] = await Promise.all([
    guarded(ctx, 'ec2', 'instance type specs', () => collectInstanceTypes(ctx, types)),
    guarded(ctx, 'ec2', 'spot prices', () => collectSpotPrices(ctx, types)),
    collectMetrics(ctx, {
      instances,
      hosts: ec2?.hosts ?? new Map(),
      volumes: volumes ?? [],
      buckets: buckets.filter((b) => b.region === ctx.region),
      endpoints: endpoints ?? [],
      // A stopped notebook bills nothing and its agent publishes nothing new.
      notebooks: (notebooks ?? []).filter((n) => n.status === 'InService'),
    }),
  ]);
  return {
    instances,
    volumes: volumes ?? [],
    snapshots: snapshots ?? [],
    elasticIps: elasticIps ?? [],
    reservedInstances: reservedInstances ?? [],
    endpoints: endpoints ?? [],
    notebooks: notebooks ?? [],
    instanceTypes: instanceTypes ?? {},
    spotPrices: spotPrices ?? [],
  };
}
