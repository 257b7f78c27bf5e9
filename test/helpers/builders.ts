import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules, type LoadedRule } from '../../src/engine/rules/load.js';
import { SNAPSHOT_SCHEMA_VERSION, SnapshotSchema, type Ec2Instance, type Snapshot, type SnapshotInput } from '../../src/snapshot/schema.js';
import { counter, gauge, gpus, rng, type Window } from '../../scripts/synthetic.js';

export const END = new Date('2026-11-20T00:00:00Z');
export const WINDOW: Window = { end: END, days: 14, periodSeconds: 300 };

export interface InstanceShape {
  id?: string;
  type: string;
  region?: string;
  state?: Ec2Instance['state'];
  lifecycle?: Ec2Instance['lifecycle'];
  cpu?: [avg: number, p95: number, max: number];
  netMBPerDay?: number;
  mem?: [avg: number, p95: number, max: number];
  /** Per GPU: [p95 util %, peak memory GiB]. */
  gpu?: [number, number][];
  /** Days of data (default 14). */
  days?: number;
  tags?: Record<string, string>;
}

let seq = 0;

/** An EC2 instance with metric summaries shaped like the collector writes them. */
export function instance(shape: InstanceShape): Ec2Instance {
  const rand = rng(++seq);
  const days = shape.days ?? WINDOW.days;
  const metrics: Ec2Instance['metrics'] = {};
  // Per-day columns where the collector keeps them: CPU, network and (in gpus()) GPU utilisation.
  if (shape.cpu) metrics.cpu = gauge(WINDOW, { avg: shape.cpu[0], p95: shape.cpu[1], max: shape.cpu[2], days }, rand, { daily: true });
  if (shape.netMBPerDay !== undefined) {
    metrics.networkInBytes = counter(WINDOW, shape.netMBPerDay * 0.5e6, rand, { days, daily: true });
    metrics.networkOutBytes = counter(WINDOW, shape.netMBPerDay * 0.5e6, rand, { days, daily: true });
  }
  if (shape.mem) metrics.memory = gauge(WINDOW, { avg: shape.mem[0], p95: shape.mem[1], max: shape.mem[2], days }, rand);
  if (shape.gpu)
    metrics.gpus = gpus(
      WINDOW,
      shape.gpu.map(([utilP95, memGiB]) => ({ utilP95, memMiB: memGiB * 1024 })),
      16 * 1024,
      rand,
      days,
    );
  if (shape.gpu) for (const g of metrics.gpus ?? []) delete g.memoryTotalMiB;
  return {
    id: shape.id ?? `i-${String(seq).padStart(17, '0')}`,
    accountId: '111122223333',
    region: shape.region ?? 'us-east-1',
    type: shape.type,
    state: shape.state ?? 'running',
    lifecycle: shape.lifecycle ?? 'on-demand',
    platform: 'Linux/UNIX',
    launchTime: new Date(END.getTime() - 30 * 86_400_000).toISOString(),
    tags: shape.tags ?? {},
    membership: {},
    metrics,
  };
}

export function snapshotOf(resources: Partial<SnapshotInput['resources']>, extra: Partial<SnapshotInput> = {}): Snapshot {
  return SnapshotSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: END.toISOString(),
    scope: {
      accounts: ['111122223333'],
      regions: ['us-east-1'],
      lookback: { start: new Date(END.getTime() - 14 * 86_400_000).toISOString(), end: END.toISOString(), days: 14 },
      source: 'file',
    },
    resources,
    ...extra,
  });
}

let builtin: LoadedRule[] | undefined;

/** Evaluates a snapshot with the built-in rules (optionally only some of them). */
export async function audit(snapshot: Snapshot, only?: string[]): Promise<AuditResult> {
  builtin ??= await loadRules();
  const rules = only ? builtin.filter((r) => only.includes(r.spec.id)) : builtin;
  return evaluate(snapshot, { rules, config: ConfigSchema.parse({}), now: END });
}

/** The findings one rule gives for one instance, optionally with some of its params overridden (as mlcost.config.yaml does). */
export async function findingsFor(ruleId: string, inst: Ec2Instance, params?: Record<string, unknown>) {
  const snapshot = snapshotOf({ ec2Instances: [inst] });
  if (!params) return (await audit(snapshot, [ruleId])).findings;
  const rules = (await loadRules({ params: { [ruleId]: params } })).filter((r) => r.spec.id === ruleId);
  return evaluate(snapshot, { rules, config: ConfigSchema.parse({}), now: END }).findings;
}
