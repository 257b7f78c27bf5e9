// Over 250 lines on purpose: the moto fleet every integration test shares, seeded in one place.
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateNotebookInstanceCommand,
  CreateNotebookInstanceLifecycleConfigCommand,
  SageMakerClient,
  type _InstanceType as NotebookType,
  type ProductionVariantInstanceType,
} from '@aws-sdk/client-sagemaker';
import {
  AllocateAddressCommand,
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  RunInstancesCommand,
  type CreateVolumeRequest,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { putSeries, seedClients, TEST_CREDENTIALS, type SeriesSpec } from '../../bench/collect/seed.js';
import { EU_REGION, euSeries, launchEu, type EuRole } from './fleet-eu.js';
import { bucketSeries, seedBuckets, type FleetBuckets } from './fleet-s3.js';
import { ec2Hourly, gpuHourly, hourly, wholeDaysHourly, windowHourly, workingHour } from './fleet-series.js';

/**
 * A two-region ML fleet built so that every built-in rule is the chosen finding on at least one
 * resource, plus negative cases (busy GPU and CPU boxes, a brand-new instance, a bucket read every
 * hour). Created in moto_server through the SDK, with 14 days of hourly metrics up to the real
 * clock's last hour; moto runs its clock CLOCK_LAG_DAYS behind (test/helpers/moto_indexed.py), so
 * volumes, snapshots and notebooks are that old to the CLI reading the real clock.
 */
export const REGION = 'us-east-1';
export { EU_REGION };
export const REGIONS = [REGION, EU_REGION] as const;
export const CLOCK_LAG_DAYS = 200;
const AZ = `${REGION}a`;

/** Instance roles, each a rule (or a negative case) and the type it runs. */
const INSTANCES = {
  idleGpu: { type: 'p4d.24xlarge', tags: { Name: 'idle-8gpu', team: 'vision' } },
  underusedGpu: { type: 'g5.12xlarge', tags: { Name: 'one-of-four-gpus', team: 'nlp' } },
  idleCpu: { type: 'm5.xlarge', tags: { Name: 'forgotten-etl', team: 'research' } },
  devBox: { type: 'm7i.2xlarge', tags: { Name: 'dev-box', team: 'research' } },
  oversized: { type: 'm7i.8xlarge', tags: { Name: 'feature-store-db' } },
  eksWorker: { type: 'g5.2xlarge', tags: { Name: 'gpu-train-worker', 'eks:cluster-name': 'ml', 'eks:nodegroup-name': 'gpu-train' } },
  steadyGpu: { type: 'g6.xlarge', tags: { Name: 'inference-24x7', team: 'nlp' } },
  oldGenGpu: { type: 'p3.2xlarge', tags: { Name: 'v100-inference' } },
  busySpotGpu: { type: 'g5.xlarge', tags: { Name: 'busy-gpu-on-spot' }, spot: true },
  fresh: { type: 'm7i.large', tags: { Name: 'brand-new' } },
} as const satisfies Record<string, { type: string; tags: Record<string, string>; spot?: boolean }>;

export type InstanceRole = keyof typeof INSTANCES;

export interface FleetIds {
  instances: Record<InstanceRole, string>;
  eu: Record<EuRole, string>;
  buckets: FleetBuckets;
  gp2: string;
  io1: string;
  io2: string;
  unattached: string;
  oldSnapshot: string;
  eip: string;
  idleEndpoint: string;
  underusedEndpoint: string;
  idleNotebook: string;
  autoStopNotebook: string;
  /** In service with no auto-stop and no agent: flagged on status and configuration alone. */
  untrackedNotebook: string;
}

/** Seeds both regions; `now` is the real clock (the CLI's), metrics end at its last whole hour. */
export async function seedFleet(endpoint: string, now: Date): Promise<FleetIds> {
  const { ec2, cw } = seedClients(endpoint, REGION);
  const eu = seedClients(endpoint, EU_REGION);
  const instances = await launchAll(ec2);
  const euIds = await launchEu(eu.ec2);
  const storage = await seedStorage(ec2, instances);
  const sagemaker = await seedSageMaker(endpoint);
  const buckets = await seedBuckets(endpoint, REGION);
  await putSeries(cw, [
    ...instanceSeries(now, instances),
    ...storageSeries(now, storage.io1, storage.io2),
    ...bucketSeries(now, buckets, REGION),
    ...sagemakerSeries(now, sagemaker),
  ]);
  await putSeries(eu.cw, euSeries(now, euIds));
  for (const c of [ec2, cw, eu.ec2, eu.cw]) c.destroy();
  return { instances, eu: euIds, buckets, ...storage, ...sagemaker };
}

async function launchAll(ec2: EC2Client): Promise<Record<InstanceRole, string>> {
  const ids = {} as Record<InstanceRole, string>;
  for (const [role, spec] of Object.entries(INSTANCES) as [InstanceRole, (typeof INSTANCES)[InstanceRole]][]) {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-12c6146b',
        InstanceType: spec.type,
        MinCount: 1,
        MaxCount: 1,
        Placement: { AvailabilityZone: AZ },
        // A gp3 root, as current launch templates give: moto's default root is gp2, which would make every instance a gp2-to-gp3 finding.
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', DeleteOnTermination: true } }],
        TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value })) }],
        ...('spot' in spec ? { InstanceMarketOptions: { MarketType: 'spot' } } : {}),
      }),
    );
    ids[role] = out.Instances?.[0]?.InstanceId ?? '';
  }
  return ids;
}

async function seedStorage(ec2: EC2Client, instances: Record<InstanceRole, string>) {
  const volume = async (input: Omit<CreateVolumeRequest, 'AvailabilityZone'>) =>
    (await ec2.send(new CreateVolumeCommand({ AvailabilityZone: AZ, ...input }))).VolumeId ?? '';
  const gp2 = await volume({ Size: 500, VolumeType: 'gp2' });
  await ec2.send(new AttachVolumeCommand({ VolumeId: gp2, InstanceId: instances.steadyGpu, Device: '/dev/sdf' }));
  const io1 = await volume({ Size: 200, VolumeType: 'io1', Iops: 10_000 });
  await ec2.send(new AttachVolumeCommand({ VolumeId: io1, InstanceId: instances.oversized, Device: '/dev/sdg' }));
  const io2 = await volume({ Size: 500, VolumeType: 'io2', Iops: 8_000 });
  await ec2.send(new AttachVolumeCommand({ VolumeId: io2, InstanceId: instances.busySpotGpu, Device: '/dev/sdh' }));
  const unattached = await volume({ Size: 500, VolumeType: 'gp3' });
  // The snapshot outlives its volume: the orphan a finished experiment leaves behind.
  const scratch = await volume({ Size: 200, VolumeType: 'gp3' });
  const oldSnapshot = (await ec2.send(new CreateSnapshotCommand({ VolumeId: scratch, Description: 'scratch data of a finished experiment' }))).SnapshotId ?? '';
  await ec2.send(new DeleteVolumeCommand({ VolumeId: scratch }));
  const eip = (await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }))).AllocationId ?? '';
  return { gp2, io1, io2, unattached, oldSnapshot, eip };
}

const AUTO_STOP_SCRIPT =
  '#!/bin/bash\nIDLE_TIME=3600\nwget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py\n';

async function seedSageMaker(endpoint: string) {
  const sm = new SageMakerClient({ region: REGION, endpoint, credentials: TEST_CREDENTIALS });
  const role = 'arn:aws:iam::123456789012:role/sagemaker';
  await sm.send(
    new CreateModelCommand({
      ModelName: 'ranker',
      ExecutionRoleArn: role,
      PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/ranker:1' },
    }),
  );
  const endpointOf = async (name: string, type: ProductionVariantInstanceType, count: number) => {
    await sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: `${name}-cfg`,
        ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'ranker', InstanceType: type, InitialInstanceCount: count }],
      }),
    );
    await sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-cfg` }));
    return name;
  };
  const idleEndpoint = await endpointOf('demo-endpoint', 'ml.g4dn.xlarge', 2);
  const underusedEndpoint = await endpointOf('llm-endpoint', 'ml.p3.8xlarge', 2);
  await sm.send(
    new CreateNotebookInstanceLifecycleConfigCommand({
      NotebookInstanceLifecycleConfigName: 'auto-stop',
      OnStart: [{ Content: Buffer.from(AUTO_STOP_SCRIPT).toString('base64') }],
    }),
  );
  const notebook = async (name: string, type: NotebookType, lifecycle?: string) => {
    await sm.send(
      new CreateNotebookInstanceCommand({
        NotebookInstanceName: name,
        InstanceType: type,
        RoleArn: role,
        ...(lifecycle ? { LifecycleConfigName: lifecycle } : {}),
      }),
    );
    return name;
  };
  return {
    idleEndpoint,
    underusedEndpoint,
    idleNotebook: await notebook('research-nb', 'ml.t3.xlarge'),
    autoStopNotebook: await notebook('team-nb', 'ml.t3.xlarge', 'auto-stop'),
    untrackedNotebook: await notebook('untracked-nb', 'ml.t3.large'),
  };
}

/** Per instance, the history its rule reads (see the test for what each rule concludes from it). */
function instanceSeries(now: Date, ids: Record<InstanceRole, string>): SeriesSpec[] {
  const p4d = { InstanceId: ids.idleGpu, InstanceType: 'p4d.24xlarge', ImageId: 'ami-12c6146b' };
  const busyDay = (t: Date) => (workingHour(t) ? 60 : 1);
  return [
    ...ec2Hourly(now, ids.idleGpu, () => 1.5, 200_000),
    ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => gpuHourly(now, p4d, i, 'NVIDIA A100-SXM4-40GB', 0, 0)),
    ...ec2Hourly(now, ids.underusedGpu, () => 5, 2e9),
    ...[0, 1, 2, 3].flatMap((i) => gpuHourly(now, { InstanceId: ids.underusedGpu }, i, 'NVIDIA A10G', i === 0 ? 70 : 0, i === 0 ? 12_000 : 0)),
    // Host memory measured (5% of 192 GiB): without it the move would keep 48 GiB per GPU in use.
    {
      namespace: 'CWAgent',
      metricName: 'mem_used_percent',
      dimensions: { InstanceId: ids.underusedGpu, InstanceType: 'g5.12xlarge' },
      points: windowHourly(now, () => 5),
    },
    ...ec2Hourly(now, ids.idleCpu, () => 1, 200_000),
    { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: ids.devBox }, points: windowHourly(now, (_, t) => busyDay(t)) },
    ...ec2Hourly(now, ids.oversized, (d) => 4 + (d % 3), 2e9),
    {
      namespace: 'CWAgent',
      metricName: 'mem_used_percent',
      dimensions: { InstanceId: ids.oversized, InstanceType: 'm7i.8xlarge' },
      points: windowHourly(now, () => 12),
    },
    ...ec2Hourly(now, ids.eksWorker, () => 70),
    ...ec2Hourly(now, ids.steadyGpu, () => 40, 5e9),
    ...gpuHourly(now, { InstanceId: ids.steadyGpu }, 0, 'NVIDIA L4', 85, 18_000),
    ...ec2Hourly(now, ids.oldGenGpu, () => 30, 5e9),
    ...gpuHourly(now, { InstanceId: ids.oldGenGpu }, 0, 'Tesla V100-SXM2-16GB', 60, 10_240),
    ...ec2Hourly(now, ids.busySpotGpu, () => 50, 5e9),
    ...gpuHourly(now, { InstanceId: ids.busySpotGpu }, 0, 'NVIDIA A10G', 85, 20_000),
    // Brand new: two points in its first hours.
    {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: { InstanceId: ids.fresh },
      points: hourly(now, 7, () => 2).filter((_, h) => h === 0 || h === 6),
    },
  ];
}

/** Per-hour operation sums: 3.6M reads and 1.8M writes an hour are 1,000 + 500 IOPS on io1; io2 peaks at 400 + 200. */
function storageSeries(now: Date, io1: string, io2: string): SeriesSpec[] {
  const ops = (VolumeId: string, reads: number, writes: number): SeriesSpec[] => [
    { namespace: 'AWS/EBS', metricName: 'VolumeReadOps', dimensions: { VolumeId }, points: windowHourly(now, () => reads) },
    { namespace: 'AWS/EBS', metricName: 'VolumeWriteOps', dimensions: { VolumeId }, points: windowHourly(now, () => writes) },
  ];
  return [...ops(io1, 3_600_000, 1_800_000), ...ops(io2, 1_440_000, 720_000)];
}

function sagemakerSeries(now: Date, sm: Awaited<ReturnType<typeof seedSageMaker>>): SeriesSpec[] {
  const variant = (endpointName: string) => ({ EndpointName: endpointName, VariantName: 'AllTraffic' });
  // The agent's default CPU measurement is cpu_usage_idle; the collector reads 100 - idle.
  const notebookCpu = (name: string, idlePct: (d: number) => number): SeriesSpec => ({
    namespace: 'CWAgent',
    metricName: 'cpu_usage_idle',
    dimensions: { NotebookInstanceName: name, cpu: 'cpu-total' },
    points: wholeDaysHourly(now, idlePct),
  });
  return [
    { namespace: 'AWS/SageMaker', metricName: 'Invocations', dimensions: variant(sm.idleEndpoint), points: windowHourly(now, () => 0) },
    { namespace: '/aws/sagemaker/Endpoints', metricName: 'CPUUtilization', dimensions: variant(sm.idleEndpoint), points: windowHourly(now, () => 3) },
    { namespace: 'AWS/SageMaker', metricName: 'Invocations', dimensions: variant(sm.underusedEndpoint), points: windowHourly(now, () => 5_000) },
    // SageMaker reports 0-100 per GPU and per vCPU, summed: 60 over 4 GPUs is 15%, 320 over 32 vCPUs is 10%.
    { namespace: '/aws/sagemaker/Endpoints', metricName: 'GPUUtilization', dimensions: variant(sm.underusedEndpoint), points: windowHourly(now, () => 60) },
    { namespace: '/aws/sagemaker/Endpoints', metricName: 'CPUUtilization', dimensions: variant(sm.underusedEndpoint), points: windowHourly(now, () => 320) },
    // Busy (8%) every fourth whole day (4 of 13), idle (2%) on the other nine.
    notebookCpu(sm.idleNotebook, (d) => (d % 4 === 0 ? 92 : 98)),
    notebookCpu(sm.autoStopNotebook, () => 99),
  ];
}
