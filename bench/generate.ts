/**
 * Synthetic Snapshots of any size for benchmarks: a fleet that mixes every shape the rules look
 * for (idle GPU boxes, one-GPU-of-many, oversized, idle, busy, new) in the demo's proportions.
 * Usage: npx tsx bench/generate.ts 100000 bench/out/snapshot-100000.json
 */
import { instanceSpec } from '../src/catalog/index.js';
import { writeSnapshot } from '../src/snapshot/io.js';
import { SNAPSHOT_SCHEMA_VERSION, type Ec2Instance, type SnapshotInput } from '../src/snapshot/schema.js';
import { counter, gauge, gpus, rng, type Window } from '../scripts/synthetic.js';

const END = new Date('2026-11-20T00:00:00Z');
const W: Window = { end: END, days: 14, periodSeconds: 300 };

type Shape = { type: string; cpu: [number, number, number]; net: number; mem?: [number, number, number]; gpu?: [number, number][] };
const SHAPES: Shape[] = [
  { type: 'p4d.24xlarge', cpu: [1, 2, 4], net: 1, gpu: Array.from({ length: 8 }, () => [0, 0.2]) },
  { type: 'g4dn.12xlarge', cpu: [3, 5, 10], net: 500, gpu: [[84, 11], [0, 0.2], [0, 0.2], [0, 0.2]] },
  { type: 'g5.xlarge', cpu: [30, 55, 80], net: 4000, gpu: [[88, 17]] },
  { type: 'm5.4xlarge', cpu: [6, 12, 25], net: 1000, mem: [14, 18, 20] },
  { type: 'c6i.4xlarge', cpu: [40, 70, 95], net: 3000 },
  { type: 't3.medium', cpu: [0.5, 1, 3], net: 0.5 },
  { type: 'r6i.2xlarge', cpu: [5, 9, 15], net: 9000, mem: [72, 80, 84] },
  { type: 'm7i.2xlarge', cpu: [38, 62, 85], net: 2000, mem: [50, 60, 66] },
];

export function syntheticSnapshot(n: number, seed = 1): SnapshotInput {
  const rand = rng(seed);
  // Metric summaries are shared between instances of one shape: real ones differ, but sharing
  // keeps generation fast and memory honest for what is measured (evaluate + render).
  const templates = SHAPES.map((s) => {
    const spec = instanceSpec(s.type);
    const metrics: Ec2Instance['metrics'] = {
      cpu: gauge(W, { avg: s.cpu[0], p95: s.cpu[1], max: s.cpu[2] }, rand),
      networkInBytes: counter(W, s.net * 0.5e6, rand),
      networkOutBytes: counter(W, s.net * 0.5e6, rand),
    };
    if (s.mem) metrics.memory = gauge(W, { avg: s.mem[0], p95: s.mem[1], max: s.mem[2] }, rand);
    if (s.gpu && spec?.gpu) metrics.gpus = gpus(W, s.gpu.map(([utilP95, memGiB]) => ({ utilP95, memMiB: memGiB * 1024 })), spec.gpu.memoryGiBEach * 1024, rand);
    return { type: s.type, metrics };
  });
  const regions = ['us-east-1', 'us-east-2', 'us-west-2'];
  const ec2Instances: Ec2Instance[] = [];
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length]!;
    ec2Instances.push({
      id: `i-${i.toString(16).padStart(17, '0')}`,
      accountId: '111122223333',
      region: regions[i % regions.length]!,
      type: t.type,
      state: 'running',
      lifecycle: 'on-demand',
      platform: 'Linux/UNIX',
      launchTime: '2026-09-01T00:00:00.000Z',
      tags: { Name: `node-${i}`, team: `team-${i % 17}` },
      membership: {},
      metrics: t.metrics,
    });
  }
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: END.toISOString(),
    scope: { accounts: ['111122223333'], regions, lookback: { start: new Date(END.getTime() - 14 * 86_400_000).toISOString(), end: END.toISOString(), days: 14 }, source: 'synthetic' },
    resources: { ec2Instances },
  };
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const [count = '1000', out = '/dev/stdout'] = process.argv.slice(2);
  await writeSnapshot(out, syntheticSnapshot(Number(count)));
}
