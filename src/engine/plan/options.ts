import { RESERVED_TERMS } from '../../catalog/commitment-terms.js';
import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { HOURS_PER_MONTH } from '../../catalog/prices.js';
import type { CommitmentOption, PlanLine, UsagePool } from './schema.js';

/** Usage to commit to, by instance type: how many and the on-demand price of one. */
export interface TypedUsage {
  instanceType: string;
  count: number;
  onDemandHourly: number;
}

/** The recommended option pays for itself within this many months of steady use; longer ones are listed, not recommended. */
export const PAYBACK_MONTHS = 12;

const NO_SP_RATES =
  'no Savings Plans rate in the embedded catalog (no public, dated source was found) and none collected; Cost Explorer’s recommendation, when collected, prices it';

interface OptionRow {
  pool: UsagePool;
  kind: CommitmentOption['kind'];
  termMonths: 12 | 36;
  payment: CommitmentOption['payment'];
  /** The committed hourly rate of one instance of a type, or why it is unknown. */
  rate: (prices: PriceBook, instanceType: string, region: string) => PriceLookup;
}

const unknownRate = (): PriceLookup => ({ known: false, reason: NO_SP_RATES });

/** Every option the plan prices, one row each: Reserved Instances by term, then the Savings Plans of each pool. */
const OPTION_ROWS: readonly OptionRow[] = [
  ...RESERVED_TERMS.map((t): OptionRow => ({
    pool: 'ec2',
    kind: 'reserved-instance',
    termMonths: t.months,
    payment: t.payment,
    rate: (prices, type, region) => prices.ec2Reserved(type, region, t.id),
  })),
  ...([12, 36] as const).flatMap((termMonths): OptionRow[] => [
    { pool: 'ec2', kind: 'ec2-instance-savings-plan', termMonths, payment: 'no-upfront', rate: unknownRate },
    { pool: 'ec2', kind: 'compute-savings-plan', termMonths, payment: 'no-upfront', rate: unknownRate },
    { pool: 'sagemaker', kind: 'sagemaker-savings-plan', termMonths, payment: 'no-upfront', rate: unknownRate },
  ]),
];

/** Each option of the pool priced for this usage: committed hourly, monthly saving and break-even month, or unknown with the reason. */
export function priceOptions(pool: UsagePool, region: string, usage: readonly TypedUsage[], prices: PriceBook): CommitmentOption[] {
  const onDemand = usage.reduce((s, u) => s + u.onDemandHourly * u.count, 0);
  return OPTION_ROWS.filter((r) => r.pool === pool).map((row) => {
    const base = { kind: row.kind, termMonths: row.termMonths, payment: row.payment };
    const ri = row.kind === 'reserved-instance' ? { reservedInstances: usage.map((u) => ({ instanceType: u.instanceType, count: u.count })) } : {};
    let committed = 0;
    for (const u of usage) {
      const rate = row.rate(prices, u.instanceType, region);
      if (!rate.known) return { ...base, ...ri, commitmentHourly: null, monthlySavings: null, breakEvenMonth: null, unknown: rate.reason };
      committed += rate.price.usd * u.count;
    }
    return {
      ...base,
      ...ri,
      commitmentHourly: Math.round(committed * 10_000) / 10_000,
      monthlySavings: roundCents((onDemand - committed) * HOURS_PER_MONTH),
      // Owed for the whole term: it pays off once the on-demand bill avoided reaches the term's total.
      breakEvenMonth: onDemand > 0 ? Math.round(((row.termMonths * committed) / onDemand) * 10) / 10 : null,
    };
  });
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
