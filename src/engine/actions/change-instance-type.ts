import { z } from 'zod';
import { sizeLadder, successorsOf, type InstanceSpec, type Price, type PriceBook, type PriceLookup } from '../../catalog/index.js';
import { memoPerObject, pairCache } from '../memo.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { describeChange, instanceCapacity } from './capacity.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/**
 * Move a previous-generation type to the cheapest successor-family type with at least the same
 * vCPU, memory and GPU count, whose per-GPU memory holds the observed peak with headroom (never
 * less than what the job used), and whose on-demand price is lower.
 */
const changeInstanceTypeOfInstance = defineAction({
  resource: 'ec2-instance',
  params: z.object({ headroomPct: z.number().min(0).lt(100) }),
  price(ctx) {
    const { resource: inst, signals: s, spec } = ctx;
    if (!spec) return undefined;
    const successors = successorOptions(ctx.env.prices)(spec, inst.region);
    if (!successors) return undefined;
    const neededGpuMemGiB = Math.max(s.gpuMemUsedMaxGiB / (1 - ctx.params.headroomPct / 100), 1);
    const holdsPeak = (o: { spec: InstanceSpec }) => !o.spec.gpu || o.spec.gpu.memoryGiBEach >= neededGpuMemGiB;
    const best = successors.cheaper.find(holdsPeak);
    if (!best) return undefined;
    const { from } = successors;
    const before = instanceCapacity(spec);
    const after = instanceCapacity(best.spec);
    const gpuMemRisk = spec.gpu && best.spec.gpu && best.spec.gpu.memoryGiBEach < spec.gpu.memoryGiBEach;
    const change = describeChange(before, after, 'util');
    return {
      from: spec.type,
      to: best.spec.type,
      description: `Change ${inst.id} from ${spec.type} to ${best.spec.type} (stop, modify type, start; or update the launch template)`,
      monthlySavings: roundCents(monthlyFromHourly(from.usd) - monthlyFromHourly(best.price.usd)),
      pricing: {
        method: 'saving = (current - successor on-demand hourly) x 730 h',
        prices: [priceEntry(spec.type, from), priceEntry(best.spec.type, best.price)],
      },
      confidence: spec.gpu ? 'medium' : 'high',
      evidence: {
        generationChange: best.change,
        observedGpuMemPeakGiB: s.gpuMemUsedMaxGiB,
        cpuP95Pct: s.cpuP95Pct,
        consideredTypes: successors.fitting.filter(holdsPeak).length,
      },
      tradeoff: {
        performanceRisk: spec.gpu ? 'medium' : 'low',
        summary: `${best.change}${change ? `; ${change}` : ''}${gpuMemRisk ? ' (less GPU memory per GPU, still above the observed peak)' : ''}; benchmark before switching`,
        before,
        after,
      },
    };
  },
});

export const changeInstanceType: ActionKindDefinition = { kind: 'change-instance-type', definitions: [changeInstanceTypeOfInstance] };

interface Option {
  spec: InstanceSpec;
  change: string;
  price: PriceLookup;
}
interface PricedOption {
  spec: InstanceSpec;
  change: string;
  price: Price;
}

interface Successors {
  from: Price;
  /** Successor sizes with at least the vCPU, memory and GPU count, in catalog order. */
  fitting: readonly Option[];
  /** Those priced below the current type, cheapest first. */
  cheaper: readonly PricedOption[];
}

/**
 * The successor sizes of a type in a region, worked out once per audit: every instance of the type
 * shares them, and only the GPU-memory check depends on the instance. Undefined when the current
 * type has no known price.
 */
const successorOptions = memoPerObject((prices: PriceBook) => {
  const cache = pairCache<Successors | undefined>();
  return (spec: InstanceSpec, region: string): Successors | undefined => cache(region, spec.type, () => successorsIn(prices, spec, region));
});

function successorsIn(prices: PriceBook, spec: InstanceSpec, region: string): Successors | undefined {
  const current = prices.ec2OnDemand(spec.type, region);
  if (!current.known) return undefined;
  const fitting = successorsOf(spec.family).flatMap((succ) =>
    sizeLadder(succ.family)
      .filter((c) => fits(c, spec))
      .map((c) => ({ spec: c, change: succ.change, price: prices.ec2OnDemand(c.type, region) })),
  );
  const cheaper = fitting
    .flatMap((o) => (o.price.known && o.price.price.usd < current.price.usd ? [{ spec: o.spec, change: o.change, price: o.price.price }] : []))
    .sort((a, b) => a.price.usd - b.price.usd);
  return { from: current.price, fitting, cheaper };
}

/** At least the current vCPU, memory and GPU count; a CPU type moves to a CPU type. */
function fits(c: InstanceSpec, current: InstanceSpec): boolean {
  if (c.vcpu < current.vcpu || c.memoryGiB < current.memoryGiB) return false;
  if (!current.gpu) return !c.gpu;
  return c.gpu !== undefined && c.gpu.count >= current.gpu.count;
}
