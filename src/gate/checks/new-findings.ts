import type { Severity } from '../../engine/result.js';
import { atOrAbove } from '../severity.js';
import type { SourceLocation } from '../budget-load.js';
import type { BudgetCheck } from '../verdict.js';
import { bySavingsDesc, type CheckContext } from './context.js';

/**
 * No new findings at or above a severity. "New" includes a known finding that escalated past the
 * threshold; without a baseline every finding is new. Accepted findings never count.
 */
export function newFindingsCheck(severity: Severity, source: SourceLocation, ctx: CheckContext): BudgetCheck {
  const before = new Map((ctx.baseline?.findings ?? []).map((f) => [f.id, f]));
  const fresh = ctx.open.filter((f) => {
    const old = before.get(f.id);
    return atOrAbove(f, severity) && (old === undefined || !atOrAbove(old, severity));
  });
  const against = ctx.baseline ? 'against the baseline' : 'with no baseline (every finding is new)';
  const broken = fresh.length > 0;
  return {
    id: 'failOnNew',
    name: `New findings at or above ${severity}`,
    status: broken ? 'fail' : 'pass',
    unit: 'findings',
    actual: fresh.length,
    limit: 0,
    message: broken
      ? `${fresh.length} new finding(s) at or above ${severity} severity ${against}`
      : `no new finding at or above ${severity} severity ${against}`,
    findings: [...fresh].sort(bySavingsDesc),
    source,
  };
}
