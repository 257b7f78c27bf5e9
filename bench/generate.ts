/**
 * Synthetic Snapshots of any size for benchmarks, shaped like what `mlcost collect` writes.
 *   account (default): an ML team's account — per 40 resources, 16 EC2 instances (the demo's
 *     shapes: idle 8-GPU boxes, one-GPU-of-four, oversized, idle, busy, memory-bound), 12 EBS
 *     volumes (8 attached root volumes, 4 from the demo's unattached/gp2/io1 set), 6 snapshots,
 *     2 Elastic IPs, 2 S3 buckets, 1 SageMaker endpoint and 1 notebook: every rule has work.
 *   instances: N EC2 instances and nothing else, the heaviest resource per unit.
 * Instances carry 14 days of hourly summaries, with what the collector keeps besides: per-day
 * columns for CPU, network and each GPU's utilisation (what per-day signals read), and hour-of-week
 * profiles for CPU and for the instance's GPUs, one mean across them (what schedule rules read).
 * A quarter of the instances were stopped for a few hours of the week, as real fleets are: those
 * hours are unobserved in their profiles.
 * Usage: npx tsx bench/generate.ts 100000 bench/out/snapshot.json [account|instances]
 */
import { join } from 'node:path';
import { instanceSpec } from '../src/catalog/index.js';
import { writeSnapshot } from '../src/snapshot/io.js';
import { HOURS_PER_WEEK, HourOfWeekMean, profileFromHours } from '../src/snapshot/hour-of-week.js';
import { SNAPSHOT_SCHEMA_VERSION, type Ec2Instance, type HourOfWeekProfile, type SnapshotInput } from '../src/snapshot/schema.js';
import { demoServices, demoStorage } from '../scripts/demo-services.js';
import { counter, gauge, gpus, rng, type Window } from '../scripts/synthetic.js';

export type FleetMix = 'account' | 'instances';

const END = new Date('2026-11-20T00:00:00Z');
const W: Window = { end: END, days: 14, periodSeconds: 3600 };
const ACCOUNT = '111122223333';
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2'];

interface Shape {
  type: string;
  cpu: [number, number, number];
  net: number;
  mem?: [number, number, number];
  gpu?: [number, number][];
}
const SHAPES: Shape[] = [
  { type: 'p4d.24xlarge', cpu: [1, 2, 4], net: 1, gpu: Array.from({ length: 8 }, () => [0, 0.2]) },
  {
    type: 'g4dn.12xlarge',
    cpu: [3, 5, 10],
    net: 500,
    gpu: [
      [84, 11],
      [0, 0.2],
      [0, 0.2],
      [0, 0.2],
    ],
  },
  { type: 'g5.xlarge', cpu: [30, 55, 80], net: 4000, gpu: [[88, 17]] },
  { type: 'm5.4xlarge', cpu: [6, 12, 25], net: 1000, mem: [14, 18, 20] },
  { type: 'c6i.4xlarge', cpu: [40, 70, 95], net: 3000 },
  { type: 't3.medium', cpu: [0.5, 1, 3], net: 0.5 },
  { type: 'r6i.2xlarge', cpu: [5, 9, 15], net: 9000, mem: [72, 80, 84] },
  { type: 'm7i.2xlarge', cpu: [38, 62, 85], net: 2000, mem: [50, 60, 66] },
];

/** Per block of 40 resources in the account mix. */
const BLOCK = { instances: 16, rootVolumes: 8, otherVolumes: 4, snapshots: 6, elasticIps: 2, buckets: 2, endpoints: 1, notebooks: 1 };

/** Where the benchmarks keep the generated Snapshot of N resources of a mix (bench/out, git-ignored). */
export function benchSnapshotFile(n: number, mix: string): string {
  return join(import.meta.dirname, 'out', `snapshot-${mix}-${n}.json`);
}

export function syntheticSnapshot(n: number, mix: FleetMix = 'account', seed = 1): SnapshotInput {
  const rand = rng(seed);
  // Summaries are shared between resources of one shape: real ones differ, but sharing keeps
  // generation fast; the file, and so what mlcost reads, holds a full copy per resource.
  const templates = SHAPES.map((s) => instanceTemplate(s, rand));
  // Drawn from a stream of their own, so every other number is what it was without them.
  const stops = rng(seed + 1);
  const stoppedTemplates = templates.map((t) => ({ type: t.type, metrics: stoppedSomeHours(t.metrics, stops) }));
  const storage = demoStorage(W, rand, { research: ACCOUNT, prod: ACCOUNT });
  const services = demoServices(W, rand, { research: ACCOUNT, prod: ACCOUNT });
  const r: Required<
    Pick<SnapshotInput['resources'], 'ec2Instances' | 'ebsVolumes' | 'ebsSnapshots' | 'elasticIps' | 's3Buckets' | 'sagemakerEndpoints' | 'sagemakerNotebooks'>
  > = {
    ec2Instances: [],
    ebsVolumes: [],
    ebsSnapshots: [],
    elasticIps: [],
    s3Buckets: [],
    sagemakerEndpoints: [],
    sagemakerNotebooks: [],
  };
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const hex = (i: number) => i.toString(16).padStart(17, '0');
  const addInstance = (i: number) => {
    const stopped = Math.floor(i / templates.length) % 4 === 3;
    const t = (stopped ? stoppedTemplates : templates)[i % templates.length]!;
    r.ec2Instances.push({
      id: `i-${hex(i)}`,
      accountId: ACCOUNT,
      region: pick(REGIONS, i),
      type: t.type,
      state: 'running',
      lifecycle: 'on-demand',
      platform: 'Linux/UNIX',
      launchTime: '2026-09-01T00:00:00.000Z',
      tags: { Name: `node-${i}`, team: `team-${i % 17}` },
      membership: {},
      metrics: t.metrics,
    });
    return r.ec2Instances.at(-1)!;
  };
  if (mix === 'instances') {
    for (let i = 0; i < n; i++) addInstance(i);
  } else {
    const blocks = Math.ceil(n / 40);
    for (let b = 0; b < blocks; b++) {
      const added = Array.from({ length: BLOCK.instances }, (_, k) => addInstance(b * BLOCK.instances + k));
      for (let k = 0; k < BLOCK.rootVolumes; k++) {
        const inst = added[k]!;
        r.ebsVolumes.push({
          id: `vol-${hex(b * 12 + k)}`,
          accountId: ACCOUNT,
          region: inst.region,
          type: k % 3 ? 'gp3' : 'gp2',
          sizeGiB: 200,
          state: 'in-use',
          createTime: '2026-09-01T00:00:00.000Z',
          attachments: [{ instanceId: inst.id, device: '/dev/sda1' }],
          tags: inst.tags,
        });
      }
      for (let k = 0; k < BLOCK.otherVolumes; k++) {
        const v = pick(storage.ebsVolumes, b * BLOCK.otherVolumes + k);
        const attachments = (v.attachments ?? []).map((a) => ({ ...a, instanceId: added[BLOCK.rootVolumes + k]!.id }));
        r.ebsVolumes.push({ ...v, id: `vol-${hex(b * 12 + BLOCK.rootVolumes + k)}`, attachments });
      }
      for (let k = 0; k < BLOCK.snapshots; k++) r.ebsSnapshots.push({ ...pick(storage.ebsSnapshots, b + k), id: `snap-${hex(b * BLOCK.snapshots + k)}` });
      for (let k = 0; k < BLOCK.elasticIps; k++)
        r.elasticIps.push({ ...pick(storage.elasticIps, b + k), allocationId: `eipalloc-${hex(b * BLOCK.elasticIps + k)}` });
      for (let k = 0; k < BLOCK.buckets; k++) r.s3Buckets.push({ ...pick(storage.s3Buckets, b + k), name: `bench-bucket-${b * BLOCK.buckets + k}` });
      r.sagemakerEndpoints.push({ ...pick(services.sagemakerEndpoints ?? [], b), name: `bench-endpoint-${b}` });
      r.sagemakerNotebooks.push({ ...pick(services.sagemakerNotebooks ?? [], b), name: `bench-notebook-${b}` });
    }
    trimTo(r, n);
  }
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: END.toISOString(),
    scope: {
      accounts: [ACCOUNT],
      regions: REGIONS,
      lookback: { start: new Date(END.getTime() - 14 * 86_400_000).toISOString(), end: END.toISOString(), days: 14 },
      source: 'synthetic',
    },
    resources: r,
  };
}

function instanceTemplate(s: Shape, rand: () => number): { type: string; metrics: Ec2Instance['metrics'] } {
  const spec = instanceSpec(s.type);
  const cpu = gauge(W, { avg: s.cpu[0], p95: s.cpu[1], max: s.cpu[2] }, rand, { daily: true });
  const metrics: Ec2Instance['metrics'] = {
    cpu: { ...cpu, hourOfWeek: { mean: profileAround(cpu.avg, rand) } },
    networkInBytes: counter(W, s.net * 0.5e6, rand, { daily: true }),
    networkOutBytes: counter(W, s.net * 0.5e6, rand, { daily: true }),
  };
  if (s.mem) metrics.memory = gauge(W, { avg: s.mem[0], p95: s.mem[1], max: s.mem[2] }, rand);
  if (s.gpu && spec?.gpu) {
    metrics.gpus = gpus(
      W,
      s.gpu.map(([utilP95, memGiB]) => ({ utilP95, memMiB: memGiB * 1024 })),
      spec.gpu.memoryGiBEach * 1024,
      rand,
    );
    // Each GPU's profile folded into the instance's, as the collector does.
    const mean = new HourOfWeekMean();
    for (const g of metrics.gpus) if (g.utilization) mean.add({ mean: profileAround(g.utilization.avg, rand) });
    const profile = mean.values(round3);
    if (profile) metrics.gpuUtilHourOfWeek = profile;
  }
  return { type: s.type, metrics };
}

/** An hour-of-week profile like the collector's: a mean per hour, around the series' average. */
function profileAround(avg: number, rand: () => number): number[] {
  return Array.from({ length: HOURS_PER_WEEK }, () => round3(avg * (0.8 + rand() * 0.4)));
}

/** The same metrics for an instance stopped a few consecutive hours of the week: no CPU or GPU datapoint then. */
function stoppedSomeHours(metrics: Ec2Instance['metrics'], rand: () => number): Ec2Instance['metrics'] {
  const start = Math.floor(rand() * HOURS_PER_WEEK);
  const stopped = new Set(Array.from({ length: 2 + Math.floor(rand() * 7) }, (_, k) => (start + k) % HOURS_PER_WEEK));
  const without = (p: HourOfWeekProfile) => profileFromHours(p.mean.map((v, h) => (stopped.has(h) ? null : v)));
  const { cpu, gpuUtilHourOfWeek } = metrics;
  return {
    ...metrics,
    ...(cpu?.hourOfWeek ? { cpu: { ...cpu, hourOfWeek: without(cpu.hourOfWeek) } } : {}),
    ...(gpuUtilHourOfWeek ? { gpuUtilHourOfWeek: without(gpuUtilHourOfWeek) } : {}),
  };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Drops whole resources from the end of each list until exactly n remain. */
function trimTo(r: Record<string, unknown[]>, n: number): void {
  let excess = Object.values(r).reduce((s, l) => s + l.length, 0) - n;
  for (const list of Object.values(r).reverse()) {
    const cut = Math.min(excess, list.length);
    list.splice(list.length - cut, cut);
    excess -= cut;
  }
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const [count = '1000', out = '/dev/stdout', mix = 'account'] = process.argv.slice(2);
  if (mix !== 'account' && mix !== 'instances') throw new Error(`mix must be account or instances, not ${mix}`);
  await writeSnapshot(out, syntheticSnapshot(Number(count), mix));
}
