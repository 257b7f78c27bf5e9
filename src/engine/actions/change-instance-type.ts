import { sizeLadder, successorsOf, type InstanceSpec } from '../../catalog/index.js';
import type { Ec2Instance } from '../../snapshot/schema.js';
import { monthlyFromHourly, roundCents } from '../money.js';
import type { Ec2Signals } from '../signals/ec2.js';
import { describeChange, instanceCapacity } from './capacity.js';
import { optionalNumber, priceEntry, type ActionContext, type ActionDefinition, type PricedMove } from './types.js';

/**
 * Move a previous-generation type to the cheapest successor-family type with at least the same
 * vCPU, memory and GPU count, whose per-GPU memory holds the observed peak with headroom (never
 * less than what the job used), and whose on-demand price is lower.
 */
export const changeInstanceType: ActionDefinition = {
  kind: 'change-instance-type',
  resources: ['ec2-instance'],
  reads: [],
  precedence: 35,
  price(ctx: ActionContext): PricedMove | undefined {
    const inst = ctx.resource as Ec2Instance;
    const s = ctx.facts.signals as Ec2Signals;
    const spec = ctx.facts.spec;
    if (!spec) return undefined;
    const headroom = 1 - optionalNumber(ctx.params, 'headroomPct', 20) / 100;
    const from = ctx.env.prices.ec2OnDemand(spec.type, inst.region);
    if (!from.known) return undefined;
    const options = successorsOf(spec.family).flatMap((succ) =>
      sizeLadder(succ.family)
        .filter((c) => fits(c, spec, s.gpuMemUsedMaxGiB / headroom))
        .map((c) => ({ spec: c, change: succ.change, price: ctx.env.prices.ec2OnDemand(c.type, inst.region) })),
    );
    const best = options
      .filter((o) => o.price.known && o.price.price.usd < from.price.usd)
      .sort((a, b) => (a.price.known && b.price.known ? a.price.price.usd - b.price.price.usd : 0))[0];
    if (!best || !best.price.known) return undefined;
    const before = instanceCapacity(spec);
    const after = instanceCapacity(best.spec);
    const gpuMemRisk = spec.gpu && best.spec.gpu && best.spec.gpu.memoryGiBEach < spec.gpu.memoryGiBEach;
    return {
      from: spec.type,
      to: best.spec.type,
      description: `Change ${inst.id} from ${spec.type} to ${best.spec.type} (stop, modify type, start; or update the launch template)`,
      monthlySavings: roundCents(monthlyFromHourly(from.price.usd) - monthlyFromHourly(best.price.price.usd)),
      pricing: {
        method: 'saving = (current - successor on-demand hourly) x 730 h',
        prices: [priceEntry(spec.type, from.price), priceEntry(best.spec.type, best.price.price)],
      },
      confidence: spec.gpu ? 'medium' : 'high',
      evidence: { generationChange: best.change, observedGpuMemPeakGiB: s.gpuMemUsedMaxGiB, cpuP95Pct: s.cpuP95Pct, consideredTypes: options.length },
      tradeoff: {
        performanceRisk: spec.gpu ? 'medium' : 'low',
        summary: `${best.change}${describeChange(before, after, 'util') ? `; ${describeChange(before, after, 'util')}` : ''}${gpuMemRisk ? ' (less GPU memory per GPU, still above the observed peak)' : ''}; benchmark before switching`,
        before,
        after,
      },
    };
  },
};

function fits(c: InstanceSpec, current: InstanceSpec, neededGpuMemGiB: number): boolean {
  if (c.vcpu < current.vcpu || c.memoryGiB < current.memoryGiB) return false;
  if (!current.gpu) return !c.gpu;
  if (!c.gpu || c.gpu.count < current.gpu.count) return false;
  return c.gpu.memoryGiBEach >= Math.max(neededGpuMemGiB, 1);
}
