import type { Ec2Instance } from '../../snapshot/schema.js';
import { spotAdvice } from '../../catalog/index.js';
import { monthlyFromHourly, roundCents } from '../money.js';
import type { Finding } from '../result.js';
import type { Ec2Signals } from '../signals/ec2.js';
import { instanceHourly } from '../signals/ec2.js';
import { instanceCapacity } from './capacity.js';
import { priceEntry, type ActionContext, type ActionDefinition, type PricedMove } from './types.js';

/**
 * Run the same type on Spot. The saving uses the spot price collected for the type and region
 * (mean over zones); with none collected it is unknown. The interruption band comes from the
 * shipped Spot Instance Advisor snapshot when it covers the type and region.
 */
export const useSpot: ActionDefinition = {
  kind: 'use-spot',
  resources: ['ec2-instance'],
  reads: [],
  precedence: 50,
  price(ctx: ActionContext): PricedMove | undefined {
    const inst = ctx.resource as Ec2Instance;
    const s = ctx.facts.signals as Ec2Signals;
    if (inst.lifecycle !== 'on-demand') return undefined;
    const od = ctx.env.prices.ec2OnDemand(inst.type, inst.region);
    const spot = instanceHourly({ ...inst, lifecycle: 'spot' }, ctx.env);
    const unknown = [od, spot].flatMap((p) => (p.known ? [] : [p.reason]));
    const savings = od.known && spot.known ? roundCents(monthlyFromHourly(od.price.usd) - monthlyFromHourly(spot.price.usd)) : null;
    if (savings !== null && savings <= 0) return undefined;
    const advice = spotAdvice(inst.type, inst.region);
    const band = advice?.band ?? 'unknown';
    const before: Finding['tradeoff']['before'] = ctx.facts.spec ? { ...instanceCapacity(ctx.facts.spec), label: `${inst.type} on-demand` } : { label: `${inst.type} on-demand` };
    const after = { ...before, label: `${inst.type} spot`, interruptionBand: band };
    const why = tolerance(inst, s, ctx.params['toleranceTags']);
    return {
      from: 'on-demand',
      to: 'spot',
      description: `Run ${inst.id} (${inst.type}) on Spot${inst.membership.autoScalingGroup ? ` via a mixed-instances policy on ${inst.membership.autoScalingGroup}` : ''}`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = (on-demand - mean collected spot hourly) x 730 h',
        prices: [od, spot].flatMap((p, i) => (p.known ? [priceEntry(`${inst.type} ${i === 0 ? 'on-demand' : 'spot'}`, p.price)] : [])),
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: spot.known ? 'medium' : 'low',
      evidence: { interruptionTolerance: why, interruptionBand: band, ...(advice ? { spotAdvisor: advice } : {}) },
      tradeoff: {
        performanceRisk: band === '<5%' ? 'low' : band === 'unknown' ? 'medium' : 'high',
        summary: `interruption frequency ${band === 'unknown' ? 'unknown for this type/region (no Spot Instance Advisor data shipped)' : band}; 2-minute notice, so checkpoint at least every few minutes of work and let the ${why} retry`,
        before,
        after,
      },
    };
  },
};

function tolerance(inst: Ec2Instance, s: Ec2Signals, toleranceTags: unknown): string {
  const m = inst.membership;
  if (m.batchComputeEnvironment) return `AWS Batch compute environment ${m.batchComputeEnvironment}`;
  if (m.karpenterNodePool) return `Karpenter node pool ${m.karpenterNodePool}`;
  if (m.eksNodeGroup) return `EKS node group ${m.eksNodeGroup}`;
  if (m.autoScalingGroup) return `Auto Scaling group ${m.autoScalingGroup}`;
  const listed = Array.isArray(toleranceTags) ? s.tagPairs.filter((t) => toleranceTags.includes(t)) : s.tagPairs;
  return `job tagged ${listed.join(', ')}`;
}
