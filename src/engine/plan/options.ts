import { RESERVED_TERMS } from '../../catalog/commitment-terms.js';
import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { HOURS_PER_MONTH } from '../../catalog/prices.js';
import type { CommitmentOption, PlanLine, UsagePool, UsageUse } from './schema.js';

/** Usage to commit to, by instance type and use: how many (an average may be fractional) and the on-demand price of one. */
export interface TypedUsage {
  instanceType: string;
  use: UsageUse;
  count: number;
  onDemandHourly: number;
}

/** The recommended option pays for itself within this many months of steady use; longer ones are listed, not recommended. */
export const PAYBACK_MONTHS = 12;

export type SavingsPlanKind = Exclude<CommitmentOption['kind'], 'reserved-instance'>;

/** The hourly rate of one instance under a Savings Plan of a kind and term (no upfront), or why it is unknown. */
export type SavingsPlanRate = (kind: SavingsPlanKind, termMonths: 12 | 36, instanceType: string, region: string, use: UsageUse) => PriceLookup;

const NO_SP_RATES =
  'no Savings Plans rate in the embedded catalog (no public, dated source was found) and none collected; Cost Explorer’s recommendation, when collected, prices it';

/**
 * Savings Plans rates from the embedded catalog, the fallback behind the rates a live collect reads
 * (collected-rates.ts). The catalog has none (see ec2-reserved-rates.json's notes), so each is
 * unknown and counted; a dated source that has them is one function here.
 */
export const CATALOG_SAVINGS_PLAN_RATES: SavingsPlanRate = () => ({ known: false, reason: NO_SP_RATES });

/** Where the plan's rates come from: the price book, and the Savings Plans rates read through it. */
export interface PlanRates {
  prices: PriceBook;
  savingsPlan: SavingsPlanRate;
}

interface OptionRow {
  pool: UsagePool;
  kind: CommitmentOption['kind'];
  termMonths: 12 | 36;
  payment: CommitmentOption['payment'];
  /** The committed hourly rate of one instance of a type, or why it is unknown. */
  rate: (rates: PlanRates, u: TypedUsage, region: string) => PriceLookup;
}

const spRow = (pool: UsagePool, kind: SavingsPlanKind, termMonths: 12 | 36): OptionRow => ({
  pool,
  kind,
  termMonths,
  payment: 'no-upfront',
  rate: (rates, u, region) => rates.savingsPlan(kind, termMonths, u.instanceType, region, u.use),
});

/** Every option the plan prices, one row each: Reserved Instances by term, then the Savings Plans of each pool. */
const OPTION_ROWS: readonly OptionRow[] = [
  ...RESERVED_TERMS.map((t): OptionRow => ({
    pool: 'ec2',
    kind: 'reserved-instance',
    termMonths: t.months,
    payment: t.payment,
    rate: (rates, u, region) => rates.prices.ec2Reserved(u.instanceType, region, t.id),
  })),
  ...([12, 36] as const).flatMap((termMonths): OptionRow[] => [
    spRow('ec2', 'ec2-instance-savings-plan', termMonths),
    spRow('ec2', 'compute-savings-plan', termMonths),
    spRow('sagemaker', 'sagemaker-savings-plan', termMonths),
  ]),
];

/**
 * Each option of the pool priced for this usage: committed hourly, monthly saving and break-even month, or unknown with the reason.
 * A Savings Plan commits to the usage as it is; Reserved Instances come whole, so they cover the whole instances of it only.
 */
export function priceOptions(pool: UsagePool, region: string, usage: readonly TypedUsage[], rates: PlanRates): CommitmentOption[] {
  const out: CommitmentOption[] = [];
  for (const row of OPTION_ROWS.filter((r) => r.pool === pool)) {
    const base = { kind: row.kind, termMonths: row.termMonths, payment: row.payment };
    const ri = row.kind === 'reserved-instance';
    const bought = usage.map((u) => ({ u, count: ri ? Math.floor(u.count + 1e-9) : u.count })).filter((b) => b.count > 0);
    if (!bought.length) continue;
    const riList = ri ? { reservedInstances: bought.map((b) => ({ instanceType: b.u.instanceType, count: b.count })) } : {};
    let committed = 0;
    let onDemand = 0;
    let unknown: string | undefined;
    for (const b of bought) {
      const rate = row.rate(rates, b.u, region);
      if (!rate.known) {
        unknown = rate.reason;
        break;
      }
      committed += rate.price.usd * b.count;
      onDemand += b.u.onDemandHourly * b.count;
    }
    if (unknown !== undefined) {
      out.push({ ...base, ...riList, commitmentHourly: null, monthlySavings: null, breakEvenMonth: null, unknown });
      continue;
    }
    out.push({
      ...base,
      ...riList,
      commitmentHourly: Math.round(committed * 10_000) / 10_000,
      monthlySavings: roundCents((onDemand - committed) * HOURS_PER_MONTH),
      // Owed for the whole term: it pays off once the on-demand bill avoided reaches the term's total.
      breakEvenMonth: onDemand > 0 ? Math.round(((row.termMonths * committed) / onDemand) * 10) / 10 : null,
    });
  }
  return out;
}

/** Every option of the pool, unpriced, with one reason (the line's own usage has no price). */
export function unpricedOptions(pool: UsagePool, reason: string): CommitmentOption[] {
  return OPTION_ROWS.filter((r) => r.pool === pool).map((r) => ({
    kind: r.kind,
    termMonths: r.termMonths,
    payment: r.payment,
    commitmentHourly: null,
    monthlySavings: null,
    breakEvenMonth: null,
    unknown: reason,
  }));
}

/** The largest priced saving that pays back within PAYBACK_MONTHS; undefined when none does. */
export function recommend(options: PlanLine['options']): number | undefined {
  let best: number | undefined;
  options.forEach((o, i) => {
    if (o.monthlySavings === null || o.monthlySavings <= 0 || o.breakEvenMonth === null || o.breakEvenMonth > PAYBACK_MONTHS) return;
    if (best === undefined || o.monthlySavings > (options[best]?.monthlySavings ?? 0)) best = i;
  });
  return best;
}
