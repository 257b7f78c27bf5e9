import { z } from 'zod';
import { sizeLadder, type InstanceSpec } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import type { Finding } from '../result.js';
import type { Ec2Signals, GpuSignal } from '../signals/ec2.js';
import { evidenceOf, round } from '../signals/metrics.js';
import { describeChange, instanceCapacity, riskFromUtil } from './capacity.js';
import { downsizeEndpoint } from './downsize-endpoint.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/**
 * The smallest size in the same family that still fits the observed peak with headroom.
 * For GPU boxes it must keep every GPU in use and the peak GPU memory; for CPU boxes the
 * p95 CPU (and peak memory, when the CloudWatch agent reports it) must stay under
 * 100 - headroomPct percent of the new size.
 */
const downsizeInstance = defineAction({
  resource: 'ec2-instance',
  params: z.object({
    headroomPct: z.number().min(0).lt(100),
    /** A GPU is in use at this p95 utilisation or this share of its memory; without them, the signals' own `active` flag decides. */
    activeGpuUtilPct: z.number().optional(),
    activeGpuMemoryPct: z.number().optional(),
  }),
  price(ctx) {
    const { resource: inst, signals: s, spec, params } = ctx;
    if (!spec) return undefined;
    const target = (100 - params.headroomPct) / 100;
    const { activeGpuUtilPct: utilPct, activeGpuMemoryPct: memoryPct } = params;
    const activeGpus = s.gpus.filter((g) =>
      utilPct === undefined || memoryPct === undefined ? g.active : g.utilP95Pct >= utilPct || g.memUsedMaxPct >= memoryPct,
    );
    const need = requirement(s, activeGpus, target);
    const candidate = sizeLadder(spec.family).find((c) => fits(c, need));
    if (!candidate || candidate.type === spec.type || rank(candidate) >= rank(spec)) return undefined;

    const fromPrice = ctx.env.prices.ec2OnDemand(spec.type, inst.region);
    const toPrice = ctx.env.prices.ec2OnDemand(candidate.type, inst.region);
    const unknown = [fromPrice, toPrice].flatMap((p) => (p.known ? [] : [p.reason]));
    if (fromPrice.known && toPrice.known && toPrice.price.usd >= fromPrice.price.usd) return undefined;
    const savings = fromPrice.known && toPrice.known ? roundCents(monthlyFromHourly(fromPrice.price.usd) - monthlyFromHourly(toPrice.price.usd)) : null;

    const gpuBox = s.hasGpu;
    const utilBefore = gpuBox ? s.gpuUtilP95MeanPct : s.cpuP95Pct;
    const utilAfter = gpuBox
      ? Math.min(100, (s.gpuUtilP95MeanPct * spec.gpu!.count) / (candidate.gpu?.count ?? 1))
      : Math.min(100, (s.cpuP95Pct * spec.vcpu) / candidate.vcpu);
    const before = instanceCapacity(spec, utilBefore);
    const after = instanceCapacity(candidate, utilAfter);
    const memoryUnmeasured = !s.hasMemoryMetrics;
    const risk = riskFromUtil(utilAfter);
    const tradeoff: Finding['tradeoff'] = {
      performanceRisk: memoryUnmeasured && risk === 'low' && !gpuBox ? 'medium' : risk,
      summary: `${describeChange(before, after, gpuBox ? 'p95 GPU util' : 'p95 CPU')}${memoryUnmeasured ? ' (host memory not measured: install the CloudWatch agent to confirm)' : ''}`,
      before,
      after,
    };
    return {
      from: spec.type,
      to: candidate.type,
      description: `Resize ${inst.id} from ${spec.type} to ${candidate.type}`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = (current - proposed on-demand hourly) x 730 h',
        prices: [fromPrice, toPrice].flatMap((p, i) => (p.known ? [priceEntry(i === 0 ? spec.type : candidate.type, p.price)] : [])),
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: memoryUnmeasured && !gpuBox ? 'medium' : s.observedHours >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        observedHours: s.observedHours,
        cpu: evidenceOf(inst.metrics.cpu),
        ...(s.hasMemoryMetrics ? { memory: evidenceOf(inst.metrics.memory) } : {}),
        ...(gpuBox
          ? {
              activeGpus: activeGpus.map((g) => g.index),
              gpus: s.gpus.map(({ index, utilP95Pct, utilMaxPct, memUsedMaxGiB }) => ({ index, utilP95Pct, utilMaxPct, memUsedMaxGiB })),
            }
          : {}),
        required: need,
      },
      tradeoff,
    };
  },
});

export const downsize: ActionKindDefinition = { kind: 'downsize', definitions: [downsizeInstance, downsizeEndpoint] };

interface Requirement {
  gpus: number;
  gpuMemoryGiBEach: number;
  vcpu: number;
  memoryGiB: number;
}

function requirement(s: Ec2Signals, active: readonly GpuSignal[], target: number): Requirement {
  return {
    gpus: s.hasGpu ? Math.max(1, active.length) : 0,
    gpuMemoryGiBEach: round(Math.max(0, ...active.map((g) => g.memUsedMaxGiB)) / target, 2),
    vcpu: round((s.vcpu * s.cpuP95Pct) / 100 / target, 2),
    memoryGiB: s.hasMemoryMetrics ? round((s.memoryGiB * s.memMaxPct) / 100 / target, 2) : 0,
  };
}

function fits(c: InstanceSpec, need: Requirement): boolean {
  if (need.gpus > 0 && (!c.gpu || c.gpu.count < need.gpus || c.gpu.memoryGiBEach < need.gpuMemoryGiBEach)) return false;
  return c.vcpu >= need.vcpu && c.memoryGiB >= need.memoryGiB;
}

/** Order within a family: GPUs first, then vCPU, then memory (same as the size ladder). */
function rank(c: InstanceSpec): number {
  return (c.gpu?.count ?? 0) * 1e6 + c.vcpu * 1e3 + c.memoryGiB / 1e3;
}
