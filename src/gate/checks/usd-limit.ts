import type { Finding } from '../../engine/result.js';
import { formatUsd } from '../../money.js';
import type { SourceLocation } from '../budget-load.js';
import type { BudgetCheck } from '../verdict.js';
import { bySavingsDesc } from './context.js';

export interface UsdLimit {
  id: string;
  name: string;
  actual: number;
  limit: number;
  findings: readonly Finding[];
  source: SourceLocation;
  /** What the amount is per, after the figure: `/month` unless said otherwise (e.g. ` over 30 days`). */
  per?: string;
}

/** A dollar amount that must not exceed its limit (equal to the limit holds). */
export function usdLimitCheck(l: UsdLimit): BudgetCheck {
  const over = l.actual - l.limit;
  const broken = over > 0;
  const per = l.per ?? '/month';
  return {
    id: l.id,
    name: l.name,
    status: broken ? 'fail' : 'pass',
    unit: 'usd',
    actual: l.actual,
    limit: l.limit,
    message: broken
      ? `${l.name} is ${formatUsd(l.actual)}${per}, ${formatUsd(over)} over the ${formatUsd(l.limit)} limit`
      : `${l.name} is ${formatUsd(l.actual)}${per}, within the ${formatUsd(l.limit)} limit`,
    findings: broken ? [...l.findings].sort(bySavingsDesc) : [],
    source: l.source,
  };
}

/** One key's amount (its waste, its spend) and the findings behind it. */
export interface KeyedAmount {
  key: string;
  amount: number;
  findings: readonly Finding[];
}

/**
 * `'*': limit` holds each key the budget does not name to the same limit: one check, on the
 * worst key, with the others over the limit listed after it.
 */
export function anyOtherCheck(o: {
  id: string;
  what: string;
  noun: string;
  others: readonly KeyedAmount[];
  limit: number;
  source: SourceLocation;
  per?: string;
}): BudgetCheck {
  const sorted = [...o.others].sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
  const over = sorted.filter((e) => e.amount > o.limit);
  const worst = sorted[0];
  const check = usdLimitCheck({
    id: o.id,
    name: worst ? `${o.what} of ${o.noun} ${worst.key}` : `${o.what} of any other ${o.noun}`,
    actual: worst?.amount ?? 0,
    limit: o.limit,
    findings: over.flatMap((e) => e.findings),
    source: o.source,
    per: o.per,
  });
  const more =
    over.length > 1
      ? ` (and ${over.length - 1} more ${o.noun}(s) over: ${over
          .slice(1)
          .map((e) => e.key)
          .join(', ')})`
      : '';
  return { ...check, name: `${o.what} of any other ${o.noun}`, message: `${check.message}${more}` };
}
