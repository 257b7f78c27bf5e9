import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import type { Snapshot, SnapshotWarning } from '../../snapshot/schema.js';
import type { RATED_PLAN_TYPES } from '../../snapshot/types/savings-plan-rate.js';
import { CATALOG_SAVINGS_PLAN_RATES, type SavingsPlanKind, type SavingsPlanRate } from './options.js';
import type { UsageUse } from './schema.js';
import { USAGE_SOURCES } from './usage.js';

const KIND_OF: Record<(typeof RATED_PLAN_TYPES)[number], SavingsPlanKind> = {
  Compute: 'compute-savings-plan',
  EC2Instance: 'ec2-instance-savings-plan',
  SageMaker: 'sagemaker-savings-plan',
};

/** No Savings Plan charges on-demand or more, and none discounts 90% or more (AWS says "up to 72%"): outside these bounds a rate is not used. */
const SANE = { minShareOfOnDemand: 0.1 } as const;

/** The Savings Plans rates the Snapshot carries, checked against on-demand, as the plan reads them. */
export interface CollectedSavingsPlanRates {
  /** Today's offering rate of a plan kind and term; unknown (with why) when none was collected or it was distrusted. */
  offering: SavingsPlanRate;
  /** A plan in force's own rate, or undefined when none was collected for that usage (the offering rate then stands in). */
  bought: (savingsPlanId: string, instanceType: string, region: string, use: UsageUse) => PriceLookup | undefined;
  /** One per rate not used because it cannot be true. */
  warnings: SnapshotWarning[];
}

const NOT_COLLECTED =
  'no Savings Plans rate was collected for it (--prices live or auto reads them from the Savings Plans API) and the embedded catalog has none; Cost Explorer’s recommendation, when collected, prices it';

interface RateRow {
  region: string;
  instanceType: string;
  use: UsageUse;
  usd: number;
  source: string;
  asOf: string;
}

/**
 * Builds the plan's Savings Plans rates from the Snapshot (a live collect's, or a saved one read
 * offline). A usage with no collected rate falls back to the catalog (unknown, counted); a rate at or
 * above on-demand, or under 10% of it, is distrusted like a spot quote: unknown, with a warning.
 */
export function collectedSavingsPlanRates(snapshot: Snapshot, prices: PriceBook): CollectedSavingsPlanRates {
  const warnings: SnapshotWarning[] = [];
  const check = (what: string, r: RateRow): PriceLookup => {
    const od = USAGE_SOURCES.find((s) => s.use === r.use)?.price(prices, r.instanceType, r.region);
    const price = { usd: r.usd, unit: 'hour' as const, source: r.source, asOf: r.asOf, basis: `${what} for ${r.instanceType} (${r.use}) in ${r.region}` };
    if (!od?.known || (r.usd < od.price.usd && r.usd >= SANE.minShareOfOnDemand * od.price.usd)) return { known: true, price };
    const where = r.usd >= od.price.usd ? 'at or above' : 'below 10% of';
    const reason = `the collected ${what} $${r.usd}/h for ${r.instanceType} (${r.use}) in ${r.region} is ${where} on-demand ($${od.price.usd}/h): not used`;
    warnings.push({ code: 'price-distrusted', message: reason, region: r.region, service: 'savingsplans' });
    return { known: false, reason };
  };
  const offerings = new Map<string, PriceLookup>();
  for (const r of snapshot.savingsPlanRates.offerings) {
    const kind = KIND_OF[r.planType];
    const label = `${kind} ${r.termMonths === 12 ? '1-year' : '3-year'} ${r.payment} rate`;
    offerings.set(key(kind, r.termMonths, r.instanceType, r.region, r.use), check(label, r));
  }
  const bought = new Map<string, PriceLookup>();
  for (const r of snapshot.savingsPlanRates.bought)
    bought.set(key(r.savingsPlanId, r.instanceType, r.region, r.use), check(`rate of Savings Plan ${r.savingsPlanId}`, r));
  const offering: SavingsPlanRate = (kind, termMonths, instanceType, region, use) =>
    offerings.get(key(kind, termMonths, instanceType, region, use)) ?? notCollected(kind, termMonths, instanceType, region, use);
  return { offering, bought: (id, instanceType, region, use) => bought.get(key(id, instanceType, region, use)), warnings };
}

/** The catalog's answer, or, when it has none either, why: never a silent $0. */
const notCollected: SavingsPlanRate = (kind, termMonths, instanceType, region, use) => {
  const catalog = CATALOG_SAVINGS_PLAN_RATES(kind, termMonths, instanceType, region, use);
  return catalog.known ? catalog : { known: false, reason: NOT_COLLECTED };
};

function key(...parts: (string | number)[]): string {
  return parts.join('|');
}
