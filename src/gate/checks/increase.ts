import type { Finding } from '../../engine/result.js';
import { formatPct, formatUsd, signedPct, signedUsd } from '../../money.js';
import type { MaxIncrease } from '../budget-schema.js';
import type { Locate } from '../budget-load.js';
import type { Delta } from '../compare.js';
import type { BudgetCheck } from '../verdict.js';
import { bySavingsDesc } from './context.js';

/**
 * `maxIncrease: {percent, amount}` against the baseline: each set limit is its own check, so a
 * budget with both breaks when either is exceeded. Without a baseline there is nothing to compare:
 * the check is skipped, not passed.
 */
export function increaseChecks(
  prefix: 'cost' | 'waste' | 'spend',
  what: string,
  limits: MaxIncrease,
  delta: Delta,
  findings: readonly Finding[],
  locate: Locate,
  against: Against = BASELINE,
): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  if (limits.percent !== undefined) checks.push(percentCheck(prefix, what, limits.percent, delta, findings, locate, against));
  if (limits.amount !== undefined) checks.push(amountCheck(prefix, what, limits.amount, delta, findings, locate, against));
  return checks;
}

/** What a rise is measured against, in words, and why a check is skipped without it. */
export interface Against {
  phrase: string;
  missing: string;
}
const BASELINE: Against = { phrase: 'against the baseline', missing: 'no --baseline to compare against' };

function percentCheck(prefix: string, what: string, limit: number, delta: Delta, findings: readonly Finding[], locate: Locate, against: Against): BudgetCheck {
  const base = {
    id: `${prefix}.maxIncrease.percent`,
    name: `${what} increase (%)`,
    unit: 'percent' as const,
    limit,
    source: locate([prefix, 'maxIncrease', 'percent']),
  };
  if (delta.before === null || delta.change === null) return skipped(base, against);
  // From $0 any rise is an unbounded percentage: broken, and said so in dollars.
  const pct = delta.pct ?? (delta.change > 0 ? Number.POSITIVE_INFINITY : 0);
  const broken = pct > limit;
  const rise = `${formatUsd(delta.before)} -> ${formatUsd(delta.after)} (${signedUsd(delta.change)}, ${Number.isFinite(pct) ? signedPct(pct) : 'up from $0'})`;
  return {
    ...base,
    status: broken ? 'fail' : 'pass',
    actual: Number.isFinite(pct) ? round1(pct) : null,
    message: `${what} ${rise} ${against.phrase}, ${broken ? 'over' : 'within'} the ${formatPct(limit, Number.isInteger(limit) ? 0 : 1)} limit`,
    findings: broken ? [...findings].sort(bySavingsDesc) : [],
  };
}

function amountCheck(prefix: string, what: string, limit: number, delta: Delta, findings: readonly Finding[], locate: Locate, against: Against): BudgetCheck {
  const base = {
    id: `${prefix}.maxIncrease.amount`,
    name: `${what} increase ($)`,
    unit: 'usd' as const,
    limit,
    source: locate([prefix, 'maxIncrease', 'amount']),
  };
  if (delta.before === null || delta.change === null) return skipped(base, against);
  const broken = delta.change > limit;
  return {
    ...base,
    status: broken ? 'fail' : 'pass',
    actual: delta.change,
    message: `${what} ${formatUsd(delta.before)} -> ${formatUsd(delta.after)} (${signedUsd(delta.change)}) ${against.phrase}, ${broken ? 'over' : 'within'} the ${formatUsd(limit)} limit`,
    findings: broken ? [...findings].sort(bySavingsDesc) : [],
  };
}

function skipped(base: Omit<BudgetCheck, 'status' | 'actual' | 'message' | 'findings'>, against: Against): BudgetCheck {
  return { ...base, status: 'skip', actual: null, message: `${base.name}: ${against.missing}`, findings: [] };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
