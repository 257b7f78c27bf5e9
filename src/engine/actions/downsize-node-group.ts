import { z } from 'zod';
import { cheapestFit, type FitNeed } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { round } from '../signals/metrics.js';
import { describeChange, instanceCapacity, riskFromUtil } from './capacity.js';
import { platformChange, platformNeed, type PlatformUse } from './instance-platform.js';
import { defineAction, priceEntry } from './types.js';

/**
 * A smaller GPU type for every node of the group: the pods' peak GPU request per node and the peak
 * GPU memory in use must fit, with headroom, through the same fitting function as EC2 rightsizing
 * (catalog/instance-fit.ts). Node-level GPU memory is a share of all the node's GPUs, so the need
 * per GPU assumes it all sits on one GPU (capped at one GPU's memory): never an undersized card.
 */
export const downsizeNodeGroup = defineAction({
  resource: 'eks-node-group',
  params: z.object({
    headroomPct: z.number().min(0).lt(100),
    sameFamilyOnly: z.boolean().optional(),
    allowGraviton: z.boolean().optional(),
    allowDropInstanceStore: z.boolean().optional(),
  }),
  price(ctx) {
    const { resource: g, signals: s, spec, params } = ctx;
    if (!spec?.gpu || s.nodeCount === 0) return undefined;
    const target = (100 - params.headroomPct) / 100;
    const cpuP95Pct = Math.max(0, ...s.nodes.map((n) => n.cpuP95Pct));
    const use: PlatformUse = { networkPeakGbps: s.networkMeasured ? s.networkPeakGbps : undefined, efaAttached: s.efaAttached };
    const need: FitNeed = {
      gpus: Math.max(1, s.gpusRequestedMax),
      gpuMemoryGiBEach: round(Math.min(spec.gpu.memoryGiBEach, s.gpuMemUsedMaxGiB) / target, 2),
      vcpu: round((spec.vcpu * cpuP95Pct) / 100 / target, 2),
      memoryGiB: 0,
      nvlink: false,
      ...platformNeed(spec, use, { target, allowDropInstanceStore: params.allowDropInstanceStore }),
    };
    const fit = cheapestFit(spec, need, params, ctx.env.prices, g.region);
    if (!fit) return undefined;
    const to = fit.spec;
    const toPrice = ctx.env.prices.ec2OnDemand(to.type, g.region);
    const unknown = [...ctx.cost.unknown];
    if (!toPrice.known) unknown.push(toPrice.reason);
    if (s.spot) unknown.push(`node group ${g.name} runs on spot: the spot price of ${to.type} is not collected`);
    const savings = !unknown.length && toPrice.known ? roundCents(s.monthlyCost - monthlyFromHourly(toPrice.price.usd, s.nodeCount)) : null;
    if (savings !== null && savings <= 0) return undefined;
    const utilBefore = s.gpuUtilP95MaxPct;
    const utilAfter = Math.min(100, (utilBefore * spec.gpu.count) / (to.gpu?.count ?? 1));
    const before = instanceCapacity(spec, utilBefore);
    const after = instanceCapacity(to, utilAfter);
    const otherGpu = to.gpu !== undefined && to.gpu.model !== spec.gpu.model;
    const platform = platformChange(spec, to, use);
    const risk = riskFromUtil(utilAfter);
    return {
      from: spec.type,
      to: to.type,
      description: `Change node group ${g.name} in cluster ${g.clusterName} from ${spec.type} to ${to.type} (${s.nodeCount} node(s); ${s.karpenter ? 'the NodePool requirements' : 'a new node group or launch template version'})`,
      monthlySavings: savings,
      pricing: {
        method: "saving = nodes' EC2 hourly now (from the EC2 inventory) - nodes x proposed on-demand hourly, x 730 h",
        prices: [...ctx.cost.prices.map((p) => priceEntry(p.item, p.price)), ...(toPrice.known ? [priceEntry(to.type, toPrice.price)] : [])],
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: s.gpuDataSufficient && Math.min(...s.nodes.map((n) => n.observedHours)) >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        nodes: s.nodeCount,
        gpusRequestedMax: s.gpusRequestedMax,
        gpuMemUsedMaxGiB: s.gpuMemUsedMaxGiB,
        gpuUtilP95MaxPct: s.gpuUtilP95MaxPct,
        cpuP95Pct,
        required: need,
      },
      tradeoff: {
        performanceRisk: risk === 'low' && (otherGpu || platform.risky) ? 'medium' : risk,
        summary: [
          `per node: ${describeChange(before, after, 'p95 GPU util')}`,
          ...platform.parts,
          ...(otherGpu ? ['a different GPU: benchmark the pods before switching'] : []),
          `pods requesting more than ${to.gpu?.count ?? 0} GPU(s) would no longer schedule`,
        ].join('; '),
        before,
        after,
      },
      covers: s.nodes.map((n) => ({ type: 'ec2-instance' as const, id: n.instanceId })),
    };
  },
});
