import { familyOf, instanceSpec } from '../catalog/index.js';
import { observedDays } from '../snapshot/daily.js';
import type { Ec2Instance, Snapshot } from '../snapshot/schema.js';
import type { InstanceUsage } from './model.js';
import { roundCents } from '../money.js';

/** A GPU-day is idle when no GPU on the instance reached this utilisation (nvidia_smi_utilization_gpu, %). */
export const IDLE_GPU_UTILIZATION_PCT = 5;

export interface GpuFamilyLine {
  /** EC2 family (g5, p4d …); SageMaker ml.* hours count under the same family. */
  family: string;
  instanceHours: number;
  billed: number;
  effective: number;
  /** Hours of instances the snapshot has GPU utilisation for. */
  measuredHours: number;
  idleHours: number;
  /** idleHours / measuredHours; null without utilisation data. */
  idleShare: number | null;
}

export interface GpuLine {
  families: GpuFamilyLine[];
  instanceHours: number;
  billed: number;
  effective: number;
  measuredHours: number;
  idleHours: number;
  idleShare: number | null;
}

export function isAccelerated(instanceType: string): boolean {
  const t = ec2Type(instanceType);
  const spec = instanceSpec(t);
  if (spec) return spec.gpu !== undefined || spec.neuron !== undefined;
  return /^(g\d|gr\d|p\d|trn\d|inf\d|dl\d)/.test(t);
}

function ec2Type(instanceType: string): string {
  return instanceType.startsWith('ml.') ? instanceType.slice(3) : instanceType;
}

/** Billing ids may be ARNs (`arn:aws:ec2:…:instance/i-0abc`); snapshots use the bare id. */
export function bareResourceId(id: string): string {
  return id.startsWith('arn:') ? (id.split('/').pop() ?? id) : id;
}

/**
 * GPU instance-hours by family, and — given a snapshot with GPU utilisation — the share of those
 * hours that were idle. An instance's idle fraction is the share of its measured days on which no
 * GPU reached the threshold; it is applied to the instance's billed hours. Hours of instances the
 * snapshot does not measure are counted but never assumed idle (no datapoints is not idle).
 */
export function gpuLine(usage: readonly InstanceUsage[], snapshot?: Snapshot): GpuLine {
  const byId = new Map<string, Ec2Instance>();
  for (const i of snapshot?.resources.ec2Instances ?? []) byId.set(i.id, i);
  const families = new Map<string, GpuFamilyLine>();
  for (const u of usage) {
    if (!isAccelerated(u.instanceType)) continue;
    const family = familyOf(ec2Type(u.instanceType));
    const f = families.get(family) ?? { family, instanceHours: 0, billed: 0, effective: 0, measuredHours: 0, idleHours: 0, idleShare: null };
    f.instanceHours += u.hours;
    f.billed += u.billed;
    f.effective += u.effective;
    const inst = u.resourceId !== null ? byId.get(bareResourceId(u.resourceId)) : undefined;
    const idle = inst ? idleFraction(inst) : undefined;
    if (idle !== undefined) {
      f.measuredHours += u.hours;
      f.idleHours += u.hours * idle;
    }
    families.set(family, f);
  }
  const list = [...families.values()].map(finish).sort((a, b) => b.effective - a.effective || a.family.localeCompare(b.family));
  const total = list.reduce(
    (t, f) => ({
      instanceHours: t.instanceHours + f.instanceHours,
      billed: t.billed + f.billed,
      effective: t.effective + f.effective,
      measuredHours: t.measuredHours + f.measuredHours,
      idleHours: t.idleHours + f.idleHours,
    }),
    { instanceHours: 0, billed: 0, effective: 0, measuredHours: 0, idleHours: 0 },
  );
  const { family: _, ...sums } = finish({ family: '', ...total, idleShare: null });
  return { families: list, ...sums };
}

function finish(f: GpuFamilyLine): GpuFamilyLine {
  return {
    family: f.family,
    instanceHours: round1(f.instanceHours),
    billed: roundCents(f.billed),
    effective: roundCents(f.effective),
    measuredHours: round1(f.measuredHours),
    idleHours: round1(f.idleHours),
    idleShare: f.measuredHours > 0 ? Math.round((f.idleHours / f.measuredHours) * 1000) / 1000 : null,
  };
}

/** Share of measured days on which every GPU stayed under the threshold; undefined without GPU data. */
export function idleFraction(inst: Ec2Instance): number | undefined {
  const gpus = (inst.metrics.gpus ?? []).filter((g) => g.utilization !== undefined);
  if (gpus.length === 0) return undefined;
  const busy = new Map<string, boolean>();
  let daily = true;
  for (const g of gpus) {
    const days = observedDays(g.utilization?.daily);
    if (days.length === 0) daily = false;
    for (const d of days) busy.set(d.date, (busy.get(d.date) ?? false) || d.max >= IDLE_GPU_UTILIZATION_PCT);
  }
  if (daily && busy.size > 0) return [...busy.values()].filter((b) => !b).length / busy.size;
  // No per-day series: the whole window is idle only if no GPU ever reached the threshold.
  const measured = gpus.filter((g) => (g.utilization?.datapoints ?? 0) > 0);
  if (measured.length === 0) return undefined;
  return measured.every((g) => (g.utilization?.max ?? 0) < IDLE_GPU_UTILIZATION_PCT) ? 1 : 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
