import type { Finding } from '../../engine/result.js';
import { formatUsd } from '../../render/money.js';
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
