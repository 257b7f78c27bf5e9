// Over 250 lines on purpose: the demo account is one story (every resource and the rule it shows), read top to bottom.
/**
 * Writes fixtures/demo/snapshot.json: an ML team's two-region account as mlcost would collect it.
 * Run with `npx tsx scripts/make-demo-snapshot.ts`; the file is committed so `audit --demo`
 * needs nothing but the package.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceleratorsOf, instanceSpec } from '../src/catalog/index.js';
import { HourOfWeekMean } from '../src/snapshot/hour-of-week.js';
import { SNAPSHOT_SCHEMA_VERSION, SnapshotSchema, type Ec2Instance, type SnapshotInput } from '../src/snapshot/schema.js';
import { demoCapacity } from './demo/capacity.js';
import { demoFsx } from './demo/fsx.js';
import { demoSageMaker } from './demo/sagemaker.js';
import { demoEks } from './demo/eks.js';
import { demoServices, demoStorage } from './demo-services.js';
import { demoCommitments } from './demo/commitments.js';
import { counter, gauge, gpus, rng, type Window } from './synthetic.js';
import { demoS3Hygiene } from './demo/s3.js';
import { demoStudio } from './demo/studio.js';

const END = new Date('2026-11-20T00:00:00Z');
const W: Window = { end: END, days: 14, periodSeconds: 300 };
const rand = rng(47);
const RESEARCH = '111122223333';
const PROD = '444455556666';

interface Shape {
  id: string;
  type: string;
  region: string;
  account: string;
  name: string;
  team: string;
  cpu: [avg: number, p95: number, max: number];
  netMBPerDay: number;
  mem?: [avg: number, p95: number, max: number];
  /** Per GPU (NeuronCore on inf/trn): p95 util %, peak memory used GiB. Omitted: no GPU agent / neuron-monitor. */
  gpu?: [util: number, memGiB: number][];
  days?: number;
  lifecycle?: Ec2Instance['lifecycle'];
  state?: Ec2Instance['state'];
  launchedDaysAgo?: number;
  tags?: Record<string, string>;
  membership?: Ec2Instance['membership'];
  /** Busy weekdays 09:00-19:00 UTC, idle nights and weekends (hour-of-week profiles for CPU and the GPUs' mean). */
  officeHours?: boolean;
}

/** Hour-of-week averages (0 = Monday 00:00 UTC): `busy` in weekday working hours, `quiet` otherwise. */
// Utilisation in percent: a busy hour of a box that peaks at 42% average x 2.5 is still at most 100%.
const office = (busy: number, quiet: number): number[] =>
  Array.from({ length: 168 }, (_, h) => Math.min(100, h < 120 && h % 24 >= 9 && h % 24 < 19 ? busy : quiet));

const idle8: [number, number][] = Array.from({ length: 8 }, () => [0, 0.3]);
const busy = (n: number, util: number, memGiB: number): [number, number][] => Array.from({ length: n }, (_, i) => [util - i, memGiB]);

const shapes: Shape[] = [
  // us-east-1: research
  {
    id: 'i-0a1d1e8gpu0000001',
    type: 'p4d.24xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'llm-finetune-sweep-3',
    team: 'research',
    cpu: [0.6, 1.2, 3],
    netMBPerDay: 2,
    gpu: idle8,
  },
  {
    id: 'i-0a1d1e8gpu0000002',
    type: 'p5.48xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'eval-harness',
    team: 'research',
    cpu: [2.1, 4.5, 11],
    netMBPerDay: 900,
    mem: [3, 5, 7],
    gpu: [[78, 61], ...Array.from({ length: 7 }, (): [number, number] => [0, 0.5])],
  },
  {
    id: 'i-0b2c3d4e5f6070801',
    type: 'g4dn.12xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'notebook-cv-team',
    team: 'research',
    cpu: [3, 5, 18],
    netMBPerDay: 400,
    gpu: [
      [84, 11.2],
      [0, 0.3],
      [0, 0.3],
      [0, 0.3],
    ],
  },
  {
    id: 'i-0c3d4e5f607080902',
    type: 'p3.8xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'resnet-train',
    team: 'research',
    cpu: [35, 60, 88],
    netMBPerDay: 52_000,
    gpu: busy(4, 94, 14.8),
  },
  {
    id: 'i-0d4e5f60708090a03',
    type: 'g5.48xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'new-experiment',
    team: 'research',
    cpu: [0.4, 0.8, 2],
    netMBPerDay: 1,
    gpu: Array.from({ length: 8 }, () => [0, 0.2]),
    days: 1,
    launchedDaysAgo: 1,
  },
  {
    id: 'i-0e5f60708090a0b04',
    type: 'p3.2xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'old-jupyter',
    team: 'research',
    cpu: [0, 0, 0],
    netMBPerDay: 0,
    state: 'stopped',
  },
  {
    id: 'i-0f60708090a0b0c05',
    type: 't3.xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'bastion-old',
    team: 'research',
    cpu: [0.8, 1.5, 6],
    netMBPerDay: 1.2,
  },
  {
    id: 'i-1060708090a0b0c06',
    type: 'm5.2xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'jupyter-hub-legacy',
    team: 'research',
    cpu: [1.1, 2.4, 9],
    netMBPerDay: 3.1,
  },
  {
    id: 'i-1160708090a0b0c07',
    type: 'g5.2xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'gpu-devbox-anna',
    team: 'research',
    cpu: [0.9, 1.8, 5],
    netMBPerDay: 0.8,
  },
  // us-east-1: inference and data platform
  {
    id: 'i-1260708090a0b0c08',
    type: 'g5.12xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'triton-ranker',
    team: 'inference',
    cpu: [3, 6, 14],
    netMBPerDay: 8_000,
    mem: [4, 5, 6],
    gpu: [
      [71, 15.5],
      [0, 0.4],
      [0, 0.4],
      [0, 0.4],
    ],
  },
  {
    id: 'i-1360708090a0b0c09',
    type: 'g6.xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'embedder-1',
    team: 'inference',
    cpu: [22, 41, 70],
    netMBPerDay: 6_500,
    gpu: [[78, 18]],
  },
  {
    id: 'i-1460708090a0b0c10',
    type: 'm5.4xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'feature-etl',
    team: 'data-platform',
    cpu: [6, 12, 25],
    netMBPerDay: 20_000,
    mem: [14, 18, 20],
  },
  {
    id: 'i-1560708090a0b0c11',
    type: 'c5.9xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'tokenizer-batch',
    team: 'data-platform',
    cpu: [5, 9, 31],
    netMBPerDay: 11_000,
  },
  {
    id: 'i-1660708090a0b0c12',
    type: 'r5.8xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'spark-driver',
    team: 'data-platform',
    cpu: [48, 81, 99],
    netMBPerDay: 90_000,
    mem: [70, 85, 92],
  },
  ...Array.from({ length: 6 }, (_, i): Shape => ({
    id: `i-17aa00000000000${i}`,
    type: 'g5.xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: `batch-infer-${i}`,
    team: 'inference',
    cpu: [30, 55, 80],
    netMBPerDay: 4_000,
    gpu: [[88, 17]],
    lifecycle: 'spot',
    membership: { autoScalingGroup: 'batch-infer-asg' },
  })),
  // us-west-2: production training and serving
  {
    id: 'i-2060708090a0b0c20',
    type: 'p4de.24xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'pretrain-run-7',
    team: 'research',
    cpu: [40, 66, 90],
    netMBPerDay: 400_000,
    mem: [55, 60, 62],
    gpu: busy(8, 97, 74),
  },
  {
    id: 'i-2160708090a0b0c21',
    type: 'g6e.12xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'llm-serving-a',
    team: 'inference',
    cpu: [8, 14, 30],
    netMBPerDay: 12_000,
    gpu: [
      [66, 38],
      [64, 38],
      [0, 0.5],
      [0, 0.5],
    ],
  },
  {
    id: 'i-2260708090a0b0c22',
    type: 'inf2.xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'neuron-embed',
    team: 'inference',
    cpu: [25, 44, 60],
    netMBPerDay: 3_000,
    // Per NeuronCore, from neuron-monitor's CloudWatch publisher (2 cores per Inferentia2).
    gpu: [
      [71, 9],
      [68, 9],
    ],
  },
  {
    id: 'i-2360708090a0b0c23',
    type: 'c6i.4xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'api-gateway-workers',
    team: 'mlops',
    cpu: [4, 8, 19],
    netMBPerDay: 5_000,
    mem: [12, 15, 18],
  },
  {
    id: 'i-2460708090a0b0c24',
    type: 'r6i.2xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'redis-features',
    team: 'mlops',
    cpu: [5, 9, 15],
    netMBPerDay: 9_000,
    mem: [72, 80, 84],
  },
  {
    id: 'i-2560708090a0b0c25',
    type: 'm7i.2xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'mlflow',
    team: 'mlops',
    cpu: [38, 62, 85],
    netMBPerDay: 2_000,
    mem: [50, 60, 66],
  },
  {
    id: 'i-2660708090a0b0c26',
    type: 't3.medium',
    region: 'us-west-2',
    account: PROD,
    name: 'old-airflow-worker',
    team: 'mlops',
    cpu: [0.5, 1, 4],
    netMBPerDay: 0.5,
  },
  {
    id: 'i-2760708090a0b0c27',
    type: 'm6i.8xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'label-studio',
    team: 'data-platform',
    cpu: [3, 7, 20],
    netMBPerDay: 700,
    mem: [10, 14, 17],
  },
  {
    id: 'i-2860708090a0b0c28',
    type: 'trn1.32xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'trn-pretrain',
    team: 'research',
    cpu: [45, 70, 95],
    netMBPerDay: 300_000,
    gpu: busy(32, 92, 14),
  },
  {
    id: 'i-2960708090a0b0c29',
    type: 'trn1.32xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'trn-ablation-2',
    team: 'research',
    cpu: [0.8, 1.5, 4],
    netMBPerDay: 5,
    // The run ended; the Neuron runtime still holds its cores, which report 0% and no memory.
    gpu: Array.from({ length: 32 }, (): [number, number] => [0, 0]),
  },
  // Added for the full rule set: office-hours GPU dev box, tagged training box, previous-generation boxes.
  {
    id: 'i-3060708090a0b0c30',
    type: 'g5.2xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'gpu-devbox-raj',
    team: 'research',
    cpu: [9, 35, 60],
    netMBPerDay: 900,
    gpu: [[60, 14]],
    officeHours: true,
  },
  {
    id: 'i-3160708090a0b0c31',
    type: 'g6.12xlarge',
    region: 'us-west-2',
    account: PROD,
    name: 'finetune-nightly',
    team: 'research',
    cpu: [30, 55, 80],
    netMBPerDay: 60_000,
    gpu: busy(4, 90, 19),
    tags: { workload: 'training' },
  },
  {
    id: 'i-3260708090a0b0c32',
    type: 't2.xlarge',
    region: 'us-east-1',
    account: RESEARCH,
    name: 'grafana',
    team: 'mlops',
    cpu: [14, 28, 45],
    netMBPerDay: 1_500,
    mem: [40, 55, 60],
  },
  ...Array.from({ length: 4 }, (_, i): Shape => ({
    id: `i-29bb00000000000${i}`,
    type: 'g5.2xlarge',
    region: 'us-west-2',
    account: PROD,
    name: `eks-gpu-node-${i}`,
    team: 'inference',
    cpu: [20, 40, 70],
    netMBPerDay: 7_000,
    gpu: [[75, 16]],
    membership: { eksCluster: 'serving', eksNodeGroup: 'gpu-a10g' },
  })),
];

function instance(s: Shape): Ec2Instance {
  const days = s.days ?? W.days;
  const running = (s.state ?? 'running') === 'running';
  const spec = instanceSpec(s.type);
  const metrics: Ec2Instance['metrics'] = {};
  if (running) {
    // Per-day columns where the collector keeps them: CPU and network (and GPU utilisation, in gpus()).
    metrics.cpu = gauge(W, { avg: s.cpu[0], p95: s.cpu[1], max: s.cpu[2], days }, rand, { daily: true });
    metrics.networkInBytes = counter(W, s.netMBPerDay * 0.6e6, rand, { days, daily: true });
    metrics.networkOutBytes = counter(W, s.netMBPerDay * 0.4e6, rand, { days, daily: true });
    if (s.mem) metrics.memory = gauge(W, { avg: s.mem[0], p95: s.mem[1], max: s.mem[2], days }, rand);
    const acc = acceleratorsOf(spec);
    if (s.gpu && acc) {
      metrics.gpus = gpus(
        W,
        s.gpu.map(([utilP95, memGiB]) => ({ utilP95, memMiB: memGiB * 1024 })),
        acc.memoryGiBEach * 1024,
        rand,
        days,
      );
    }
    if (s.officeHours) {
      metrics.cpu.hourOfWeek = { mean: office(s.cpu[0] * 2, 0.4) };
      // One GPU profile per instance, the mean across its GPUs, as the collector folds them.
      const gpuMean = new HourOfWeekMean();
      for (const g of metrics.gpus ?? []) if (g.utilization) gpuMean.add({ mean: office(g.utilization.avg * 2.5, 0) });
      const gpuProfile = gpuMean.values();
      if (gpuProfile) metrics.gpuUtilHourOfWeek = gpuProfile;
    }
  }
  return {
    id: s.id,
    accountId: s.account,
    region: s.region,
    name: s.name,
    type: s.type,
    state: s.state ?? 'running',
    lifecycle: s.lifecycle ?? 'on-demand',
    platform: 'Linux/UNIX',
    launchTime: new Date(END.getTime() - (s.launchedDaysAgo ?? 60) * 86_400_000).toISOString(),
    tags: { Name: s.name, team: s.team, ...(s.tags ?? {}) },
    membership: s.membership ?? {},
    metrics,
  };
}

/** The 1- and 3-year no-upfront Reserved terms of one type, as the live collector writes them. */
function demoReservedTerms(type: string, region: string, oneYear: number, threeYear: number): NonNullable<SnapshotInput['prices']> {
  return (
    [
      ['reserved-1yr-no-upfront', oneYear],
      ['reserved-3yr-no-upfront', threeYear],
    ] as const
  ).map(([term, usd]) => ({
    service: 'ec2',
    region,
    key: type,
    term,
    usd,
    unit: 'Hrs',
    source: 'demo data (synthetic Pricing API Reserved term)',
    asOf: '2026-11-19',
  }));
}

const ec2Instances = shapes.map(instance);
const storage = demoStorage(W, rand, { research: RESEARCH, prod: PROD });
const sagemaker = demoSageMaker(W, { research: RESEARCH, prod: PROD });
const eks = demoEks(W, { research: RESEARCH, prod: PROD });

const snapshot: SnapshotInput = {
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  collectedAt: END.toISOString(),
  scope: {
    accounts: [RESEARCH, PROD],
    regions: ['us-east-1', 'us-west-2'],
    lookback: { start: new Date(END.getTime() - W.days * 86_400_000).toISOString(), end: END.toISOString(), days: W.days },
    source: 'demo',
  },
  resources: {
    ec2Instances: [...ec2Instances, ...eks.ec2Instances],
    eksNodeGroups: eks.eksNodeGroups,
    eksGpuPods: eks.eksGpuPods,
    ebsVolumes: [
      {
        id: 'vol-0a1b2c3d4e5f60001',
        accountId: RESEARCH,
        region: 'us-east-1',
        type: 'gp3',
        sizeGiB: 2000,
        state: 'in-use',
        createTime: '2026-09-01T10:00:00Z',
        attachments: [{ instanceId: 'i-0a1d1e8gpu0000001', device: '/dev/sda1' }],
        tags: { team: 'research' },
      },
      {
        id: 'vol-0a1b2c3d4e5f60002',
        accountId: RESEARCH,
        region: 'us-east-1',
        type: 'gp2',
        sizeGiB: 500,
        state: 'in-use',
        createTime: '2025-03-01T10:00:00Z',
        attachments: [{ instanceId: 'i-0b2c3d4e5f6070801', device: '/dev/sda1' }],
        tags: { team: 'research' },
      },
      ...storage.ebsVolumes,
    ],
    ebsSnapshots: storage.ebsSnapshots,
    elasticIps: storage.elasticIps,
    s3Buckets: [...storage.s3Buckets, ...demoS3Hygiene(W, { research: RESEARCH, prod: PROD })],
    ...(() => {
      const services = demoServices(W, rand, { research: RESEARCH, prod: PROD });
      return { ...services, sagemakerEndpoints: [...(services.sagemakerEndpoints ?? []), ...sagemaker.sagemakerEndpoints] };
    })(),
    fsxLustreFileSystems: demoFsx(W, rand, RESEARCH),
    sagemakerTrainingJobs: sagemaker.sagemakerTrainingJobs,
    sagemakerStudioApps: demoStudio(W, RESEARCH),
    ...demoCapacity(W, RESEARCH),
    ...demoCommitments(END, { research: RESEARCH, prod: PROD }),
  },
  spotPrices: [
    { region: 'us-east-1', instanceType: 'g5.xlarge', availabilityZone: 'us-east-1a', usdPerHour: 0.4218, timestamp: '2026-11-19T23:00:00Z' },
    { region: 'us-east-1', instanceType: 'g5.xlarge', availabilityZone: 'us-east-1b', usdPerHour: 0.4402, timestamp: '2026-11-19T23:00:00Z' },
    { region: 'us-west-2', instanceType: 'g5.2xlarge', availabilityZone: 'us-west-2a', usdPerHour: 0.5121, timestamp: '2026-11-19T23:00:00Z' },
    { region: 'us-west-2', instanceType: 'g5.2xlarge', availabilityZone: 'us-west-2b', usdPerHour: 0.4987, timestamp: '2026-11-19T23:00:00Z' },
    // No quote for g6.12xlarge: its use-spot finding shows the Spot Instance Advisor typical-saving fallback.
  ],
  // What a live collect adds for the CPU boxes it would offer a commitment on: the Pricing API's Reserved
  // terms. No public source for CPU-family Reserved rates was found (the embedded catalog has none), so these
  // are synthetic demo figures, labelled as such. Accelerated types need none: the embedded catalog holds
  // their 1-year no-upfront rate in every region.
  prices: [...demoReservedTerms('m7i.2xlarge', 'us-west-2', 0.254, 0.1742), ...demoReservedTerms('r6i.2xlarge', 'us-west-2', 0.3175, 0.2177)],
  warnings: [],
};

SnapshotSchema.parse(snapshot);
const out = join(import.meta.dirname, '..', 'fixtures', 'demo', 'snapshot.json');
writeFileSync(out, `${JSON.stringify(snapshot)}\n`);
console.log(`wrote ${out}: ${shapes.length} instances`);
