import { z } from 'zod';
import type { Ec2Instance } from '../../snapshot/schema.js';
import { spotAdvice, type Price, type PriceLookup, type SpotAdvice } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import type { Finding } from '../result.js';
import type { Ec2Signals } from '../signals/ec2.js';
import { instanceHourly } from '../signals/ec2.js';
import { instanceCapacity } from './capacity.js';
import { defineAction, priceEntry, type ActionContext, type ActionKindDefinition } from './types.js';
import { useSpotForTrainingJob } from './use-spot-training.js';

/**
 * Run the same type on Spot. The saving uses the spot price collected for the type and region
 * (mean over zones and the window). With none collected (offline snapshot, embedded prices), or one
 * no real spot market gives (below 10% of on-demand, or above it: a quote an emulator or a glitch
 * made), it falls back to the Spot Instance Advisor's typical saving over on-demand for the type and
 * region, a 30-day average, so the finding's confidence drops to low; a distrusted quote is named in
 * a warning. The interruption band comes from the same shipped, dated Advisor extract; where it has
 * no entry the saving and the band are unknown.
 */
const UseSpotParams = z.object({ toleranceTags: z.array(z.string()) });
type UseSpotContext = ActionContext<'ec2-instance', z.infer<typeof UseSpotParams>>;

const useSpotForInstance = defineAction({
  resource: 'ec2-instance',
  params: UseSpotParams,
  price(ctx) {
    const { resource: inst, signals: s } = ctx;
    if (inst.lifecycle !== 'on-demand') return undefined;
    const od = ctx.env.prices.ec2OnDemand(inst.type, inst.region);
    const advice = spotAdvice(inst.type, inst.region);
    const spot = spotHourly(inst, ctx, od, advice);
    const unknown = [od, spot.lookup].flatMap((p) => (p.known ? [] : [p.reason]));
    const savings = od.known && spot.lookup.known ? roundCents(monthlyFromHourly(od.price.usd) - monthlyFromHourly(spot.lookup.price.usd)) : null;
    if (savings !== null && savings <= 0) return undefined;
    const band = advice?.band ?? 'unknown';
    const before: Finding['tradeoff']['before'] = ctx.spec
      ? { ...instanceCapacity(ctx.spec), label: `${inst.type} on-demand` }
      : { label: `${inst.type} on-demand` };
    const after = { ...before, label: `${inst.type} spot`, interruptionBand: band };
    const why = tolerance(inst, s, ctx.params.toleranceTags);
    return {
      from: 'on-demand',
      to: 'spot',
      description: `Run ${inst.id} (${inst.type}) on Spot${inst.membership.autoScalingGroup ? ` via a mixed-instances policy on ${inst.membership.autoScalingGroup}` : ''}`,
      monthlySavings: savings,
      pricing: {
        method: spot.method,
        prices: [od, spot.lookup].flatMap((p, i) => (p.known ? [priceEntry(`${inst.type} ${i === 0 ? 'on-demand' : spot.item}`, p.price)] : [])),
        ...(unknown.length ? { unknown } : {}),
      },
      // A collected quote is today's price; the Advisor's typical saving is a 30-day average across zones.
      confidence: spot.collected ? 'medium' : 'low',
      ...(spot.distrusted ? { warning: spot.distrusted } : {}),
      evidence: {
        ...(spot.distrusted ? { distrustedSpotPrice: spot.distrusted } : {}),
        interruptionTolerance: why,
        interruptionBand: band,
        spotPriceBasis: spot.collected ? 'collected' : spot.lookup.known ? 'spot-advisor-typical-saving' : 'unknown',
        ...(advice ? { spotAdvisor: advice } : {}),
      },
      tradeoff: {
        performanceRisk: band === '<5%' ? 'low' : band === 'unknown' ? 'medium' : 'high',
        summary: `interruption frequency ${band === 'unknown' ? 'unknown for this type/region (no Spot Instance Advisor data shipped)' : band}; 2-minute notice, so checkpoint at least every few minutes of work and let the ${why} retry`,
        before,
        after,
      },
    };
  },
});

export const useSpot: ActionKindDefinition = { kind: 'use-spot', definitions: [useSpotForInstance, useSpotForTrainingJob] };

interface SpotEstimate {
  lookup: PriceLookup;
  collected: boolean;
  item: string;
  method: string;
  /** Why a collected price was not used. */
  distrusted?: string;
}

/** No spot market discounts more than ~90%, and spot never costs more than on-demand: outside these bounds a quote is not used. */
const SPOT_SANE = { minShareOfOnDemand: 0.1, maxShareOfOnDemand: 1 } as const;

/** The collected spot price when there is one, else on-demand less the Advisor's typical saving. */
function spotHourly(inst: Ec2Instance, ctx: UseSpotContext, od: PriceLookup, advice: SpotAdvice | undefined): SpotEstimate {
  const collected = instanceHourly({ ...inst, lifecycle: 'spot' }, ctx.env);
  const distrusted = collected.known && od.known ? insane(collected.price.usd, od.price.usd, inst) : undefined;
  if (collected.known && !distrusted)
    return { lookup: collected, collected: true, item: 'spot', method: 'saving = (on-demand - mean collected spot hourly) x 730 h' };
  const method = distrusted
    ? 'saving = on-demand hourly x typical Spot saving (Spot Instance Advisor) x 730 h; the collected spot price was not used (outside 10%-100% of on-demand)'
    : 'saving = on-demand hourly x typical Spot saving (Spot Instance Advisor) x 730 h; no spot price was collected';
  const fallback = advisorEstimate(
    inst,
    od,
    advice,
    collected.known ? `the collected spot price for ${inst.type} in ${inst.region} was not used` : collected.reason,
    method,
  );
  return distrusted ? { ...fallback, distrusted } : fallback;
}

function insane(spotUsd: number, odUsd: number, inst: Ec2Instance): string | undefined {
  if (spotUsd >= SPOT_SANE.minShareOfOnDemand * odUsd && spotUsd <= SPOT_SANE.maxShareOfOnDemand * odUsd) return undefined;
  const where = spotUsd < SPOT_SANE.minShareOfOnDemand * odUsd ? 'below 10% of' : 'above';
  return `collected spot price $${spotUsd}/h for ${inst.type} in ${inst.region} is ${where} on-demand ($${odUsd}/h): not used, the Spot Instance Advisor's typical saving is used instead`;
}

function advisorEstimate(inst: Ec2Instance, od: PriceLookup, advice: SpotAdvice | undefined, noQuote: string, method: string): SpotEstimate {
  if (!advice || !od.known || advice.typicalSavingPct <= 0) {
    const why = advice && advice.typicalSavingPct > 0 ? noQuote : `${noQuote}, and the shipped Spot Instance Advisor extract has no typical saving for it`;
    return { lookup: { known: false, reason: why }, collected: false, item: 'spot', method };
  }
  const price: Price = {
    usd: Math.round(od.price.usd * (1 - advice.typicalSavingPct / 100) * 1e6) / 1e6,
    unit: 'hour',
    source: advice.source,
    asOf: advice.asOf,
    basis: `on-demand less the ${advice.typicalSavingPct}% typical Spot saving the Advisor reports for ${inst.type} in ${inst.region} (30-day average over zones, not a quote)`,
  };
  return { lookup: { known: true, price }, collected: false, item: 'spot (Advisor typical saving)', method };
}

function tolerance(inst: Ec2Instance, s: Ec2Signals, toleranceTags: readonly string[]): string {
  const m = inst.membership;
  if (m.batchComputeEnvironment) return `AWS Batch compute environment ${m.batchComputeEnvironment}`;
  if (m.karpenterNodePool) return `Karpenter node pool ${m.karpenterNodePool}`;
  if (m.eksNodeGroup) return `EKS node group ${m.eksNodeGroup}`;
  if (m.autoScalingGroup) return `Auto Scaling group ${m.autoScalingGroup}`;
  const listed = s.tagPairs.filter((t) => toleranceTags.includes(t));
  return `job tagged ${listed.join(', ')}`;
}
