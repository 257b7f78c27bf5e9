import { z } from 'zod';
import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import { memoPerObject, pairCache } from '../memo.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { defineAction, priceEntry, type ActionKindDefinition, type PricedMove } from './types.js';

type Term = 'reserved-1yr-no-upfront' | 'reserved-3yr-no-upfront';
const MONTHS: Record<Term, number> = { 'reserved-1yr-no-upfront': 12, 'reserved-3yr-no-upfront': 36 };
const TERMS = Object.keys(MONTHS) as readonly Term[];

/**
 * Commit to a steadily running on-demand instance with a no-upfront Reserved Instance (or the
 * matching EC2 Instance Savings Plan). Reserved rates come from collected Pricing API terms, else the
 * embedded rates of accelerated types (CPU families have none: their saving is unknown). The 3-year term
 * is recommended only when the instance ran for at least `threeYearMinRunningPct` of the window.
 */
const buyCommitmentForInstance = defineAction({
  resource: 'ec2-instance',
  params: z.object({ threeYearMinRunningPct: z.number() }),
  price(ctx) {
    const { resource: inst, signals: s } = ctx;
    const stableEnoughFor3y = s.runningPctOfWindow >= ctx.params.threeYearMinRunningPct;
    const offer = offerFor(ctx.env.prices)(inst.type, inst.region, stableEnoughFor3y);
    if (!offer) return undefined;
    return {
      ...offer.move,
      confidence: s.runningPctOfWindow >= 99 && s.observedHours >= 14 * 24 ? 'high' : 'medium',
      evidence: { runningPctOfWindow: s.runningPctOfWindow, observedHours: s.observedHours, options: offer.options, commitmentCovered: false },
    };
  },
});

export const buyCommitment: ActionKindDefinition = { kind: 'buy-commitment', definitions: [buyCommitmentForInstance] };

interface Offer {
  move: Omit<PricedMove, 'confidence' | 'evidence'>;
  options: readonly { term: Term; hourly: number; monthlySavings: number; breakEvenMonths: number }[];
}

/**
 * The offer depends only on the type, the region and whether the 3-year term is open, so it is
 * priced once per audit and shared by every instance it fits (read-only, like the prices in it).
 * Undefined: the committed rate is no cheaper.
 */
const offerFor = memoPerObject((prices: PriceBook) => {
  const cache = pairCache<[Offer | undefined, Offer | undefined]>();
  return (type: string, region: string, stableEnoughFor3y: boolean): Offer | undefined =>
    cache(region, type, () => [offerIn(prices, type, region, false), offerIn(prices, type, region, true)])[stableEnoughFor3y ? 1 : 0];
});

function offerIn(prices: PriceBook, type: string, region: string, stableEnoughFor3y: boolean): Offer | undefined {
  const od = prices.ec2OnDemand(type, region);
  const terms = TERMS.map((term) => ({ term, lookup: prices.ec2Reserved(type, region, term) }));
  const known = terms.filter((t): t is { term: Term; lookup: Extract<PriceLookup, { known: true }> } => t.lookup.known);
  const pick = known.find((t) => t.term === 'reserved-3yr-no-upfront' && stableEnoughFor3y) ?? known.find((t) => t.term === 'reserved-1yr-no-upfront');
  const unknown = [od, ...terms.map((t) => t.lookup)].flatMap((p) => (p.known ? [] : [p.reason]));
  if (od.known && pick && pick.lookup.price.usd >= od.price.usd) return undefined;
  const savings = od.known && pick ? roundCents(monthlyFromHourly(od.price.usd) - monthlyFromHourly(pick.lookup.price.usd)) : null;
  const options = od.known
    ? known.map((t) => ({
        term: t.term,
        hourly: t.lookup.price.usd,
        monthlySavings: roundCents(monthlyFromHourly(od.price.usd) - monthlyFromHourly(t.lookup.price.usd)),
        // A no-upfront commitment is owed for the whole term: it pays off only if the instance runs this many months of it.
        breakEvenMonths: Math.round(((MONTHS[t.term] * t.lookup.price.usd) / od.price.usd) * 10) / 10,
      }))
    : [];
  const chosen = options.find((o) => o.term === pick?.term);
  return {
    options,
    move: {
      from: 'on-demand',
      to: pick?.term ?? 'reserved-1yr-no-upfront',
      description: `Buy a ${pick?.term === 'reserved-3yr-no-upfront' ? '3-year' : '1-year'} no-upfront Reserved Instance (or EC2 Instance Savings Plan) for ${type} in ${region}`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = (on-demand - no-upfront reserved effective hourly) x 730 h',
        prices: [od, ...(pick ? [pick.lookup] : [])].flatMap((p, i) =>
          p.known ? [priceEntry(i === 0 ? `${type} on-demand` : `${type} ${pick!.term}`, p.price)] : [],
        ),
        ...(unknown.length ? { unknown } : {}),
      },
      tradeoff: {
        performanceRisk: 'none',
        summary: chosen
          ? `same instance, billed at the committed rate; owed for ${MONTHS[chosen.term]} months whether used or not — pays off if it keeps running ${chosen.breakEvenMonths} of them`
          : 'same instance, billed at the committed rate; reserved prices were not collected, so the saving is unknown (collect with --prices live)',
      },
    },
  };
}
