import { z } from 'zod';
import { cheapestFit, fits, sizeLadder, successorsOf, type FitNeed, type FitScope } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { describeChange, instanceCapacity } from './capacity.js';
import { ec2PlatformUse, platformChange, platformNeed } from './instance-platform.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/**
 * Move a previous-generation type to the cheapest successor-family type (catalog/successors.ts) that
 * fits its current vCPU, memory and GPU count, with per-GPU memory holding the observed peak with
 * headroom (never less than what the job used) and a lower on-demand price. The fitting is the one
 * rightsizing uses (catalog/instance-fit.ts), scoped to the successor families.
 */
const changeInstanceTypeOfInstance = defineAction({
  resource: 'ec2-instance',
  params: z.object({ headroomPct: z.number().min(0).lt(100) }),
  price(ctx) {
    const { resource: inst, signals: s, spec } = ctx;
    if (!spec) return undefined;
    const scope = successorScope(spec.family);
    if (!scope) return undefined;
    const target = 1 - ctx.params.headroomPct / 100;
    const use = ec2PlatformUse(inst);
    const need: FitNeed = {
      gpus: spec.gpu?.count ?? 0,
      gpuMemoryGiBEach: spec.gpu ? Math.max(s.gpuMemUsedMaxGiB / target, 1) : 0,
      vcpu: spec.vcpu,
      memoryGiB: spec.memoryGiB,
      nvlink: false,
      ...platformNeed(spec, use, { target }),
    };
    const fromPrice = ctx.env.prices.ec2OnDemand(spec.type, inst.region);
    const best = fromPrice.known ? cheapestFit(spec, need, scope, ctx.env.prices, inst.region) : undefined;
    if (!fromPrice.known || !best?.price) return undefined;
    const change = successorsOf(spec.family).find((succ) => succ.family === best.spec.family)?.change ?? '';
    const before = instanceCapacity(spec);
    const after = instanceCapacity(best.spec);
    const gpuMemRisk = spec.gpu && best.spec.gpu && best.spec.gpu.memoryGiBEach < spec.gpu.memoryGiBEach;
    // The successor's change line already names the GPU model change.
    const described = [describeChange(before, after, 'util', false), ...platformChange(spec, best.spec, use).parts].filter(Boolean).join('; ');
    return {
      from: spec.type,
      to: best.spec.type,
      description: `Change ${inst.id} from ${spec.type} to ${best.spec.type} (stop, modify type, start; or update the launch template)`,
      monthlySavings: roundCents(monthlyFromHourly(fromPrice.price.usd) - monthlyFromHourly(best.price.usd)),
      pricing: {
        method: 'saving = (current - successor on-demand hourly) x 730 h',
        prices: [priceEntry(spec.type, fromPrice.price), priceEntry(best.spec.type, best.price)],
      },
      confidence: spec.gpu ? 'medium' : 'high',
      evidence: {
        generationChange: change,
        observedGpuMemPeakGiB: s.gpuMemUsedMaxGiB,
        cpuP95Pct: s.cpuP95Pct,
        consideredTypes: (scope.families ?? []).flatMap((f) => sizeLadder(f)).filter((c) => fits(c, need) && !c.gpu === !spec.gpu).length,
      },
      tradeoff: {
        performanceRisk: spec.gpu ? 'medium' : 'low',
        summary: `${change}${described ? `; ${described}` : ''}${gpuMemRisk ? ' (less GPU memory per GPU, still above the observed peak)' : ''}; benchmark before switching`,
        before,
        after,
      },
    };
  },
});

export const changeInstanceType: ActionKindDefinition = { kind: 'change-instance-type', definitions: [changeInstanceTypeOfInstance] };

// One scope object per family, so the fitting pools are built once per audit.
const scopes = new Map<string, FitScope | undefined>();

function successorScope(family: string): FitScope | undefined {
  if (!scopes.has(family)) {
    const families = successorsOf(family).map((succ) => succ.family);
    scopes.set(family, families.length ? { sameFamilyOnly: false, allowGraviton: false, families } : undefined);
  }
  return scopes.get(family);
}
