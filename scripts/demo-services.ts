/**
 * The non-EC2 part of the demo Snapshot: EBS volumes and snapshots, Elastic IPs, S3 buckets and
 * SageMaker endpoints and notebooks, shaped so each storage, network and SageMaker rule fires once
 * and healthy resources sit next to wasteful ones.
 */
import type { EbsVolume, SnapshotInput } from '../src/snapshot/schema.js';
import { bucket } from './demo/s3.js';
import { counter, gauge, type Window } from './synthetic.js';

interface Accounts {
  research: string;
  prod: string;
}
type Resources = SnapshotInput['resources'];
const GiB = 1024 ** 3;
const ago = (w: Window, days: number) => new Date(w.end.getTime() - days * 86_400_000).toISOString();

export function demoStorage(w: Window, rand: () => number, a: Accounts): Required<Pick<Resources, 'ebsVolumes' | 'ebsSnapshots' | 'elasticIps' | 's3Buckets'>> {
  const ioOps = (peakIops: number): EbsVolume['metrics'] => {
    const half = (): NonNullable<EbsVolume['metrics']['readOps']> => ({ ...counter(w, peakIops * 0.1 * 86_400, rand), max: (peakIops / 2) * w.periodSeconds });
    return { readOps: half(), writeOps: half() };
  };
  return {
    ebsVolumes: [
      {
        id: 'vol-0a1b2c3d4e5f60003',
        accountId: a.research,
        region: 'us-east-1',
        name: 'imagenet-scratch',
        type: 'gp3',
        sizeGiB: 1500,
        state: 'available',
        createTime: ago(w, 120),
        attachments: [],
        tags: { team: 'research' },
      },
      {
        id: 'vol-0a1b2c3d4e5f60004',
        accountId: a.prod,
        region: 'us-west-2',
        name: 'feature-store-db',
        type: 'io1',
        sizeGiB: 800,
        iops: 20_000,
        state: 'in-use',
        createTime: ago(w, 400),
        attachments: [{ instanceId: 'i-2460708090a0b0c24', device: '/dev/sdf' }],
        tags: { team: 'mlops' },
        metrics: ioOps(2_000),
      },
      {
        id: 'vol-0a1b2c3d4e5f60005',
        accountId: a.prod,
        region: 'us-west-2',
        name: 'mlflow-data',
        type: 'gp3',
        sizeGiB: 200,
        state: 'in-use',
        createTime: ago(w, 300),
        attachments: [{ instanceId: 'i-2560708090a0b0c25', device: '/dev/sdf' }],
        tags: { team: 'mlops' },
      },
    ],
    ebsSnapshots: [
      {
        id: 'snap-0a1b2c3d4e5f60001',
        accountId: a.research,
        region: 'us-east-1',
        volumeId: 'vol-0deleted000001',
        sizeGiB: 1000,
        startTime: ago(w, 540),
        description: 'before-upgrade llm-finetune',
        amiIds: [],
        tags: { team: 'research' },
      },
      {
        id: 'snap-0a1b2c3d4e5f60002',
        accountId: a.research,
        region: 'us-east-1',
        volumeId: 'vol-0a1b2c3d4e5f60001',
        sizeGiB: 100,
        startTime: ago(w, 400),
        description: 'Created by CreateImage for ami-0dl0base',
        amiIds: ['ami-0dl0base0000001'],
        tags: {},
      },
    ],
    elasticIps: [
      {
        allocationId: 'eipalloc-0a1b2c3d4e5f60001',
        accountId: a.research,
        region: 'us-east-1',
        publicIp: '198.51.100.23',
        tags: { Name: 'old-bastion', team: 'research' },
      },
      {
        allocationId: 'eipalloc-0a1b2c3d4e5f60002',
        accountId: a.prod,
        region: 'us-west-2',
        publicIp: '198.51.100.77',
        associationId: 'eipassoc-0a1b2c3d4e5f6',
        instanceId: 'i-2360708090a0b0c23',
        tags: { team: 'mlops' },
      },
    ],
    s3Buckets: [
      bucket(w, {
        name: 'acme-ml-raw-datasets',
        accountId: a.research,
        region: 'us-east-1',
        ageDays: 900,
        team: 'data-platform',
        standardGiB: 42_000,
        objects: 3_100_000,
      }),
      bucket(
        w,
        { name: 'acme-ml-checkpoints', accountId: a.prod, region: 'us-west-2', ageDays: 500, team: 'research', standardGiB: 18_000, objects: 240_000 },
        { lifecycleRules: 0, requests: { getRequests: counter(w, 0, rand), bytesDownloaded: counter(w, 0, rand) } },
      ),
      bucket(
        w,
        { name: 'acme-ml-serving-artifacts', accountId: a.prod, region: 'us-west-2', ageDays: 300, team: 'inference', standardGiB: 900, objects: 12_000 },
        { requests: { getRequests: counter(w, 400_000, rand), bytesDownloaded: counter(w, 600 * GiB, rand) } },
      ),
    ],
  };
}

export function demoServices(w: Window, rand: () => number, a: Accounts): Pick<Resources, 'sagemakerEndpoints' | 'sagemakerNotebooks'> {
  const variant = (type: string, count: number, invocationsPerDay: number, gpu?: [number, number, number]) => ({
    name: 'AllTraffic',
    instanceType: type,
    instanceCount: count,
    serverless: false,
    metrics: {
      invocations: counter(w, invocationsPerDay, rand),
      cpu: gauge(w, { avg: 3, p95: 6, max: 15 }, rand),
      ...(gpu ? { gpu: gauge(w, { avg: gpu[0], p95: gpu[1], max: gpu[2] }, rand), gpuMemory: gauge(w, { avg: 40, p95: 42, max: 45 }, rand) } : {}),
    },
  });
  return {
    sagemakerEndpoints: [
      {
        name: 'churn-model-v2-demo',
        accountId: a.research,
        region: 'us-east-1',
        status: 'InService',
        creationTime: ago(w, 200),
        tags: { team: 'research' },
        variants: [variant('ml.g5.xlarge', 2, 0, [0, 0, 0])],
      },
      {
        name: 'reranker-prod',
        accountId: a.research,
        region: 'us-east-1',
        status: 'InService',
        creationTime: ago(w, 150),
        tags: { team: 'inference' },
        variants: [variant('ml.g5.xlarge', 6, 180_000, [9, 18, 35])],
      },
      {
        name: 'fraud-scoring',
        accountId: a.research,
        region: 'us-east-1',
        status: 'InService',
        creationTime: ago(w, 300),
        tags: { team: 'inference' },
        variants: [variant('ml.m5.xlarge', 2, 2_000_000)],
      },
    ],
    // Notebook CPU is kept per day, as the collector does: the auto-stop saving is the share of idle days.
    sagemakerNotebooks: [
      {
        name: 'eda-anna',
        accountId: a.research,
        region: 'us-east-1',
        status: 'InService',
        instanceType: 'ml.g4dn.2xlarge',
        creationTime: ago(w, 220),
        tags: { team: 'research' },
        metrics: { cpu: gauge(w, { avg: 0.8, p95: 2, max: 4 }, rand, { daily: true }) },
      },
      {
        name: 'feature-dev',
        accountId: a.research,
        region: 'us-east-1',
        status: 'InService',
        instanceType: 'ml.t3.xlarge',
        lifecycleConfigName: 'auto-stop-idle',
        autoStop: true,
        creationTime: ago(w, 100),
        tags: { team: 'data-platform' },
        metrics: { cpu: gauge(w, { avg: 1, p95: 3, max: 6 }, rand, { daily: true }) },
      },
    ],
  };
}
