import { CreateBucketCommand, PutBucketTaggingCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AllocateAddressCommand, CreateVolumeCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS, type SeriesSpec } from '../../bench/collect/seed.js';
import { collectWithUsage, type CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Ec2Instance, Snapshot } from '../../src/snapshot/schema.js';
import { observedDays } from '../../src/snapshot/daily.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * The six fleet scenarios, seeded through the SDK into moto_server, collected live, then
 * judged by the real rules: what the Snapshot holds and what the audit would say.
 */
const REGION = 'us-east-1';
let moto: Moto;
let snapshot: Snapshot;
let usage: CollectUsage;
let result: AuditResult;
const ids: Record<string, string> = {};

const ec2Series = (id: string, cpu: (d: number) => number, netBytes: number, days = 14): SeriesSpec[] => {
  const end = new Date();
  const dims = { InstanceId: id };
  return [
    { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: dims, points: daily(end, days, cpu) },
    { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions: dims, points: daily(end, days, () => netBytes / 2) },
    { namespace: 'AWS/EC2', metricName: 'NetworkOut', dimensions: dims, points: daily(end, days, () => netBytes / 2) },
  ];
};
const gpuSeries = (dims: Record<string, string>, index: number, util: number, memMiB: number): SeriesSpec[] => {
  const d = { ...dims, index: String(index), name: 'NVIDIA A10G' };
  return [
    { namespace: 'CWAgent', metricName: 'nvidia_smi_utilization_gpu', dimensions: d, points: daily(new Date(), 14, () => util) },
    { namespace: 'CWAgent', metricName: 'nvidia_smi_memory_used', dimensions: d, points: daily(new Date(), 14, () => memMiB) },
  ];
};

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  moto = await startMoto();
  const { ec2, cw } = seedClients(moto.endpoint, REGION);
  const [idle8] = await launch(ec2, 'p4d.24xlarge', 1, { Name: 'idle-8gpu' });
  const [oneGpu] = await launch(ec2, 'g5.12xlarge', 1, { Name: 'one-gpu-used' });
  const [oversized] = await launch(ec2, 'm5.8xlarge', 1, { Name: 'oversized' });
  const [idle] = await launch(ec2, 'm5.large', 1, { Name: 'idle', 'aws:autoscaling:groupName': 'AWSBatch-train-ce-asg-1234', AWSBatchServiceTag: 'batch' });
  const [busyGpu] = await launch(ec2, 'g5.xlarge', 1, { Name: 'busy-gpu' });
  const [fresh] = await launch(ec2, 'm5.xlarge', 1, { Name: 'brand-new' });
  Object.assign(ids, { idle8: idle8!.id, oneGpu: oneGpu!.id, oversized: oversized!.id, idle: idle!.id, busyGpu: busyGpu!.id, fresh: fresh!.id });

  const series: SeriesSpec[] = [
    ...ec2Series(idle8!.id, () => 1.5, 200_000),
    // The agent appended ImageId and InstanceType: discovery must carry them into the query.
    ...[0, 1, 2, 3, 4, 5, 6, 7].flatMap((i) => gpuSeries({ InstanceId: idle8!.id, ImageId: 'ami-12c6146b', InstanceType: 'p4d.24xlarge' }, i, 0, 0)),
    ...ec2Series(oneGpu!.id, () => 20, 2e9),
    ...[0, 1, 2, 3].flatMap((i) => gpuSeries({ InstanceId: oneGpu!.id }, i, i === 0 ? 70 : 0, i === 0 ? 18_000 : 0)),
    ...ec2Series(oversized!.id, (d) => 4 + (d % 3), 2e9),
    {
      namespace: 'CWAgent',
      metricName: 'mem_used_percent',
      dimensions: { InstanceId: oversized!.id, InstanceType: 'm5.8xlarge' },
      points: daily(new Date(), 14, () => 12),
    },
    ...ec2Series(idle!.id, () => 1, 200_000),
    ...ec2Series(busyGpu!.id, () => 50, 5e9),
    // No InstanceId appended: the agent names the host, which must map back to the instance.
    ...gpuSeries({ host: busyGpu!.privateDns.split('.')[0]! }, 0, 85, 20_000),
    // Brand new: half a day of data.
    {
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: { InstanceId: fresh!.id },
      points: [1, 7].map((h) => ({ t: new Date(Date.now() - h * 3_600_000), v: 2 })),
    },
  ];
  await putSeries(cw, series);

  // Inventory beyond instances: a volume, an Elastic IP, a bucket with storage metrics, an endpoint.
  await ec2.send(new CreateVolumeCommand({ AvailabilityZone: `${REGION}a`, Size: 500, VolumeType: 'gp2' }));
  await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const s3 = new S3Client({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'ml-datasets' }));
  await s3.send(new PutBucketTaggingCommand({ Bucket: 'ml-datasets', Tagging: { TagSet: [{ Key: 'team', Value: 'vision' }] } }));
  // moto publishes the daily AWS/S3 storage metrics from the bucket's real contents, as S3 does.
  await s3.send(new PutObjectCommand({ Bucket: 'ml-datasets', Key: 'shard-0000.tar', Body: 'x'.repeat(4096) }));
  const sm = new SageMakerClient({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  await sm.send(
    new CreateModelCommand({
      ModelName: 'm',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sm',
      PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1' },
    }),
  );
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: 'cfg',
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'm', InstanceType: 'ml.g4dn.12xlarge', InitialInstanceCount: 2 }],
    }),
  );
  await sm.send(new CreateEndpointCommand({ EndpointName: 'llm', EndpointConfigName: 'cfg' }));
  await putSeries(cw, [
    {
      namespace: '/aws/sagemaker/Endpoints',
      metricName: 'GPUUtilization',
      dimensions: { EndpointName: 'llm', VariantName: 'AllTraffic' },
      points: daily(new Date(), 14, () => 200),
    },
    {
      namespace: 'AWS/SageMaker',
      metricName: 'Invocations',
      dimensions: { EndpointName: 'llm', VariantName: 'AllTraffic' },
      points: daily(new Date(), 14, () => 10),
    },
  ]);

  const config = ConfigSchema.parse({});
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  // moto stamps a bucket's storage metrics at 00:00 of the current UTC day, as if the day were
  // already over (S3 publishes a day's figure after it). The window ends at the last whole hour, so
  // collecting as of now would miss them between 00:00 and 01:00 UTC: collect as of an hour later.
  const now = new Date(Date.now() + 3_600_000);
  ({ snapshot, usage } = await collectWithUsage({
    config,
    regions: [REGION],
    allRegions: false,
    endpointUrl: moto.endpoint,
    lookbackDays: 14,
    org: false,
    prices: 'auto',
    maxAttempts: 2,
    cacheDir: '/nonexistent/mlcost-test-cache',
    now,
  }));
  result = evaluate(snapshot, { rules: await loadRules(), config });
}, 180_000);

afterAll(async () => {
  await stopAll(moto);
});

const inst = (key: string): Ec2Instance => {
  const found = snapshot.resources.ec2Instances.find((i) => i.id === ids[key]);
  if (!found) throw new Error(`instance ${key} missing from the snapshot`);
  return found;
};
const rulesFor = (key: string) =>
  result.findings
    .filter((f) => f.resource.id === ids[key])
    .map((f) => f.ruleId)
    .sort();
/** Waste findings: a busy box may still get a purchase advice (buy a commitment), never idle/rightsize/schedule. */
const wasteFor = (key: string) =>
  result.findings.filter((f) => f.resource.id === ids[key] && ['idle', 'rightsize', 'schedule'].includes(f.category)).map((f) => f.ruleId);

describe('collect: fleet scenarios against moto_server', () => {
  it('idle 8-GPU instance: eight GPU series found through extra agent dimensions, all idle, flagged idle-gpu-instance', () => {
    const i = inst('idle8');
    expect(i.metrics.gpus?.map((g) => g.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(i.metrics.gpus?.every((g) => g.utilization?.max === 0 && g.name === 'NVIDIA A10G')).toBe(true);
    expect(i.metrics.cpu?.observedHours).toBeGreaterThanOrEqual(13 * 24);
    expect(observedDays(i.metrics.cpu?.daily).length).toBeGreaterThanOrEqual(13);
    expect(rulesFor('idle8')).toContain('idle-gpu-instance');
  });

  it('multi-GPU instance using one GPU: per-index summaries, flagged gpu-underused', () => {
    const gpus = inst('oneGpu').metrics.gpus ?? [];
    expect(gpus.map((g) => [g.index, g.utilization?.avg, g.memoryUsedMiB?.max])).toEqual([
      [0, 70, 18000],
      [1, 0, 0],
      [2, 0, 0],
      [3, 0, 0],
    ]);
    expect(rulesFor('oneGpu')).toContain('gpu-underused');
  });

  it('oversized CPU instance: CPU, network sums and agent memory collected, flagged oversized-instance', () => {
    const m = inst('oversized').metrics;
    expect(m.cpu).toMatchObject({ max: 6, periodSeconds: 3600 });
    expect(m.memory?.max).toBe(12);
    expect(m.networkInBytes?.daily?.sum?.[0]).toBe(1e9);
    expect(rulesFor('oversized')).toContain('oversized-instance');
  });

  it('idle instance: daily CPU and network bytes feed idle-instance; Batch membership read from tags', () => {
    const i = inst('idle');
    expect(i.membership).toMatchObject({ autoScalingGroup: 'AWSBatch-train-ce-asg-1234', batchComputeEnvironment: 'train-ce' });
    expect(observedDays(i.metrics.networkOutBytes?.daily).every((d) => d.sum === 100_000)).toBe(true);
    expect(rulesFor('idle')).toContain('idle-instance');
  });

  it('busy GPU instance reporting only `host`: matched by private DNS name, no waste finding', () => {
    expect(inst('busyGpu').metrics.gpus?.[0]?.utilization?.avg).toBe(85);
    expect(wasteFor('busyGpu')).toEqual([]);
  });

  it('brand-new instance: too little data, no waste finding', () => {
    expect(inst('fresh').metrics.cpu?.observedHours).toBeLessThan(72);
    expect(rulesFor('fresh')).toEqual([]);
    expect(wasteFor('idle8')).toEqual(['idle-gpu-instance']);
  });

  it('inventory: volume, Elastic IP, bucket sizes, endpoint with GPU utilisation normalised per GPU, spot prices', () => {
    const r = snapshot.resources;
    expect(r.ebsVolumes.some((v) => v.sizeGiB === 500 && v.type === 'gp2' && v.state === 'available')).toBe(true);
    expect(r.elasticIps).toHaveLength(1);
    expect(r.s3Buckets).toEqual([expect.objectContaining({ name: 'ml-datasets', region: REGION, tags: { team: 'vision' }, objectCount: 1 })]);
    // moto's own size accounting, not ours, decides the figure; it must be read, per storage type.
    expect(r.s3Buckets[0]?.bytesByStorageType['StandardStorage']).toBeGreaterThan(0);
    const variant = r.sagemakerEndpoints[0]?.variants[0];
    expect(variant).toMatchObject({ name: 'AllTraffic', instanceType: 'ml.g4dn.12xlarge', instanceCount: 2 });
    expect(variant?.metrics.gpu?.avg).toBe(50);
    expect(variant?.metrics.invocations?.sum).toBeGreaterThanOrEqual(130);
    expect(snapshot.spotPrices.some((p) => p.instanceType === 'p4d.24xlarge' && p.region === REGION)).toBe(true);
  });

  it('scope carries the calls made and their estimated cost; CloudWatch calls = ceil(metrics / 500)', () => {
    expect(snapshot.scope).toMatchObject({ source: 'aws', regions: [REGION], accounts: ['123456789012'] });
    expect(snapshot.scope.apiCalls).toEqual(usage.apiCalls);
    expect(usage.apiCalls['cloudwatch:GetMetricData']).toBe(Math.ceil(usage.cloudwatchMetricsRequested / 500));
    expect(usage.cloudwatchMetricsRequested).toBeGreaterThan(40);
    const calls = (k: string) => usage.apiCalls[k] ?? 0;
    const expected =
      usage.cloudwatchMetricsRequested * 0.00001 +
      calls('cloudwatch:ListMetrics') * 0.00001 +
      calls('ce:GetSavingsPlansPurchaseRecommendation') * 0.01 +
      Object.entries(usage.apiCalls)
        .filter(([k]) => k.startsWith('s3:'))
        .reduce((sum, [k, n]) => sum + n * (k.startsWith('s3:List') ? 0.000005 : 0.0000004), 0);
    expect(snapshot.scope.apiCostUsd).toBeCloseTo(expected, 6);
    // moto has no Pricing API: auto falls back to the embedded catalog and says so.
    expect(snapshot.warnings.map((w) => w.code)).toContain('prices-embedded');
  });
});
