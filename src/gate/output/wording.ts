import { formatPct, formatUsd } from '../../money.js';
import type { BudgetCheck, CheckStatus, Verdict } from '../verdict.js';

/** Words shared by the text, Markdown and JUnit outputs, so they never disagree. */
export const STATUS_WORD: Record<CheckStatus, string> = { pass: 'held', fail: 'BROKEN', skip: 'skipped' };

export function checkCounts(checks: readonly BudgetCheck[]): { total: number; failed: number; skipped: number } {
  return {
    total: checks.length,
    failed: checks.filter((c) => c.status === 'fail').length,
    skipped: checks.filter((c) => c.status === 'skip').length,
  };
}

export function headline(v: Verdict): string {
  const { total, failed, skipped } = checkCounts(v.checks);
  if (total === 0) return 'no budgets to check (comparison only)';
  const skip = skipped ? `, ${skipped} skipped` : '';
  return failed ? `FAILED, ${failed} of ${total} budget(s) broken${skip}` : `passed, ${total - skipped} of ${total} budget(s) held${skip}`;
}

export function formatActual(c: BudgetCheck): string {
  if (c.actual === null) return '-';
  return formatValue(c, c.actual);
}

export function formatLimit(c: BudgetCheck): string {
  return formatValue(c, c.limit);
}

function formatValue(c: BudgetCheck, n: number): string {
  if (c.unit === 'usd') return formatUsd(n);
  if (c.unit === 'percent') return formatPct(n, 1);
  return String(n);
}
