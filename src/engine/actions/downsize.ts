import { z } from 'zod';
import { acceleratorsOf, cheapestFit, hasNvlink, type FitNeed, type InstanceSpec } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import type { Finding } from '../result.js';
import type { Ec2Signals, GpuSignal } from '../signals/ec2.js';
import { evidenceOf, round } from '../signals/metrics.js';
import { describeChange, instanceCapacity, riskFromUtil } from './capacity.js';
import { downsizeEndpoint } from './downsize-endpoint.js';
import { downsizeFsxLustre } from './downsize-fsx-lustre.js';
import { downsizeNodeGroup } from './downsize-node-group.js';
import { downsizeTrainingJob } from './downsize-training.js';
import { ec2PlatformUse, platformChange, platformNeed } from './instance-platform.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/**
 * The cheapest type that still fits the observed peak with headroom (catalog/instance-fit.ts): a
 * smaller size of the same family or, unless the rule pins the family, a current-generation type of
 * another. GPU boxes keep every GPU in use, the peak GPU memory per GPU and a GPU at least as capable;
 * the p95 CPU (and peak memory, when the CloudWatch agent reports it) must stay under
 * 100 - headroomPct percent of the new type.
 */
const downsizeInstance = defineAction({
  resource: 'ec2-instance',
  params: z.object({
    headroomPct: z.number().min(0).lt(100),
    /** A GPU is in use at this p95 utilisation or this share of its memory; without them, the signals' own `active` flag decides. */
    activeGpuUtilPct: z.number().optional(),
    activeGpuMemoryPct: z.number().optional(),
    sameFamilyOnly: z.boolean().optional(),
    allowGraviton: z.boolean().optional(),
    allowDropInstanceStore: z.boolean().optional(),
    keepMemoryWhenUnmeasured: z.boolean().optional(),
  }),
  price(ctx) {
    const { resource: inst, signals: s, spec, params } = ctx;
    if (!spec) return undefined;
    const target = (100 - params.headroomPct) / 100;
    const { activeGpuUtilPct: utilPct, activeGpuMemoryPct: memoryPct } = params;
    const activeGpus = s.gpus.filter((g) =>
      utilPct === undefined || memoryPct === undefined ? g.active : g.utilP95Pct >= utilPct || g.memUsedMaxPct >= memoryPct,
    );
    const use = ec2PlatformUse(inst);
    const need: FitNeed = {
      ...requirement(s, spec, activeGpus, target, params.keepMemoryWhenUnmeasured === true),
      ...platformNeed(spec, use, { target, allowDropInstanceStore: params.allowDropInstanceStore }),
    };
    const fit = cheapestFit(spec, need, params, ctx.env.prices, inst.region);
    if (!fit) return undefined;
    const candidate = fit.spec;
    const fromPrice = ctx.env.prices.ec2OnDemand(spec.type, inst.region);
    const toPrice = ctx.env.prices.ec2OnDemand(candidate.type, inst.region);
    const unknown = [fromPrice, toPrice].flatMap((p) => (p.known ? [] : [p.reason]));
    const savings = fromPrice.known && toPrice.known ? roundCents(monthlyFromHourly(fromPrice.price.usd) - monthlyFromHourly(toPrice.price.usd)) : null;

    const gpuBox = s.hasGpu;
    const unit = s.acceleratorUnit || 'GPU';
    const utilBefore = gpuBox ? s.gpuUtilP95MeanPct : s.cpuP95Pct;
    const utilAfter = gpuBox
      ? Math.min(100, (s.gpuUtilP95MeanPct * (acceleratorsOf(spec)?.count ?? 1)) / (acceleratorsOf(candidate)?.count ?? 1))
      : Math.min(100, (s.cpuP95Pct * spec.vcpu) / candidate.vcpu);
    const before = instanceCapacity(spec, utilBefore);
    const after = instanceCapacity(candidate, utilAfter);
    const memoryUnmeasured = !s.hasMemoryMetrics;
    const otherGpu = spec.gpu !== undefined && candidate.gpu !== undefined && candidate.gpu.model !== spec.gpu.model;
    const platform = platformChange(spec, candidate, use);
    const risk = riskFromUtil(utilAfter);
    const tradeoff: Finding['tradeoff'] = {
      performanceRisk: risk === 'low' && (memoryUnmeasured || otherGpu || platform.risky) ? 'medium' : risk,
      summary: [
        describeChange(before, after, gpuBox ? `p95 ${unit} util` : 'p95 CPU', true, unit),
        ...platform.parts,
        ...(otherGpu ? ['a different GPU: benchmark the job before switching'] : []),
        ...(memoryUnmeasured
          ? [`memory not measured: install the CloudWatch agent (kept ${unmeasuredMemoryBasis(gpuBox, params.keepMemoryWhenUnmeasured === true)})`]
          : []),
      ]
        .filter(Boolean)
        .join('; '),
      before,
      after,
    };
    const sameFamily = candidate.family === spec.family;
    return {
      from: spec.type,
      to: candidate.type,
      description: sameFamily
        ? `Resize ${inst.id} from ${spec.type} to ${candidate.type}`
        : `Change ${inst.id} from ${spec.type} to ${candidate.type} (stop, modify type, start; or update the launch template)`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = (current - proposed on-demand hourly) x 730 h',
        prices: [fromPrice, toPrice].flatMap((p, i) => (p.known ? [priceEntry(i === 0 ? spec.type : candidate.type, p.price)] : [])),
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: memoryUnmeasured ? 'medium' : s.observedHours >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        observedHours: s.observedHours,
        ...(use.networkPeakGbps !== undefined ? { networkPeakGbps: use.networkPeakGbps } : {}),
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

export const downsize: ActionKindDefinition = {
  kind: 'downsize',
  definitions: [downsizeInstance, downsizeEndpoint, downsizeTrainingJob, downsizeFsxLustre, downsizeNodeGroup],
};

/**
 * What the new type must hold. Host memory without the CloudWatch agent is unknown, and AWS Compute
 * Optimizer has no memory projection for such instances either (README, "How savings are computed"):
 * the move keeps the memory that went with the work kept, its share of the box's memory per vCPU (CPU
 * boxes) or per GPU/NeuronCore (accelerated boxes), or, with keepMemoryWhenUnmeasured, all of it.
 */
function requirement(s: Ec2Signals, spec: InstanceSpec, active: readonly GpuSignal[], target: number, keepAll: boolean): FitNeed {
  const vcpu = round((s.vcpu * s.cpuP95Pct) / 100 / target, 2);
  const gpus = s.hasGpu ? Math.max(1, active.length) : 0;
  const measuredMemory = s.hasMemoryMetrics ? round((s.memoryGiB * s.memMaxPct) / 100 / target, 2) : undefined;
  const accelerators = acceleratorsOf(spec)?.count ?? 0;
  const share = s.hasGpu && accelerators > 0 ? (gpus * spec.memoryGiB) / accelerators : (vcpu * spec.memoryGiB) / spec.vcpu;
  return {
    gpus,
    gpuMemoryGiBEach: round(Math.max(0, ...active.map((g) => g.memUsedMaxGiB)) / target, 2),
    vcpu,
    memoryGiB: measuredMemory ?? (keepAll ? spec.memoryGiB : round(share, 2)),
    nvlink: hasNvlink(spec) && active.length > 1,
  };
}

function unmeasuredMemoryBasis(gpuBox: boolean, keepAll: boolean): string {
  if (keepAll) return 'all its memory';
  return gpuBox ? 'its memory per accelerator in use' : 'its memory per vCPU needed';
}
