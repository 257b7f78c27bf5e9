import { RunInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import type { SeriesSpec } from '../../bench/collect/seed.js';
import { ec2Hourly, gpuHourly, windowHourly } from './fleet-series.js';

/**
 * The fleet's second region, eu-west-1: the 4-GPU p3.8xlarge of issue 13 that only ever used GPU 0
 * (p95 CPU 22% of 32 vCPUs, peak GPU memory 11 GiB), and busy CPU boxes with memory, one on Spot
 * and two on demand whose commitments are priced from different dated eu-west-1 sources.
 */
export const EU_REGION = 'eu-west-1';

const EU_INSTANCES = {
  oneOfFourV100: { type: 'p3.8xlarge', tags: { Name: 'one-of-four-v100', team: 'vision' } },
  busySpotCpu: { type: 'm6i.2xlarge', tags: { Name: 'feature-batch-spot', team: 'ranking' }, spot: true },
  busyCpu: { type: 'c6i.4xlarge', tags: { Name: 'etl-on-demand', team: 'data-platform' } },
  // Priced from the newer (2026-10-01) eu-west-1 block, which the catalog reads before AWS's 2025-04-04 feed.
  busyPricedCpu: { type: 'm6a.xlarge', tags: { Name: 'etl-small-on-demand', team: 'data-platform' } },
} as const satisfies Record<string, { type: string; tags: Record<string, string>; spot?: boolean }>;

export type EuRole = keyof typeof EU_INSTANCES;

export async function launchEu(ec2: EC2Client): Promise<Record<EuRole, string>> {
  const ids = {} as Record<EuRole, string>;
  for (const [role, spec] of Object.entries(EU_INSTANCES) as [EuRole, (typeof EU_INSTANCES)[EuRole]][]) {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: spec.type,
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: `${EU_REGION}a` },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', DeleteOnTermination: true } }],
        TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value })) }],
        ...('spot' in spec ? { InstanceMarketOptions: { MarketType: 'spot' } } : {}),
      }),
    );
    ids[role] = out.Instances?.[0]?.InstanceId ?? '';
  }
  return ids;
}

export function euSeries(now: Date, ids: Record<EuRole, string>): SeriesSpec[] {
  const memory = (id: string, pct: number): SeriesSpec => ({
    namespace: 'CWAgent',
    metricName: 'mem_used_percent',
    dimensions: { InstanceId: id },
    points: windowHourly(now, () => pct),
  });
  // 18% most hours, 22% one hour in ten: p95 22%.
  const p3Cpu = (_: number, t: Date) => (t.getUTCHours() % 10 === 0 ? 22 : 18);
  return [
    ...ec2Hourly(now, ids.oneOfFourV100, p3Cpu, 5e9),
    ...[0, 1, 2, 3].flatMap((i) => gpuHourly(now, { InstanceId: ids.oneOfFourV100 }, i, 'Tesla V100-SXM2-16GB', i === 0 ? 60 : 0, i === 0 ? 11_264 : 0)),
    ...ec2Hourly(now, ids.busySpotCpu, () => 65, 4e9),
    memory(ids.busySpotCpu, 70),
    ...ec2Hourly(now, ids.busyCpu, () => 55, 4e9),
    memory(ids.busyCpu, 60),
    ...ec2Hourly(now, ids.busyPricedCpu, () => 55, 1e9),
    memory(ids.busyPricedCpu, 60),
  ];
}
