import type { AuditResult, Finding } from '../../engine/result.js';
import type { AcceptanceSplit } from '../acceptances.js';
import type { Locate } from '../budget-load.js';
import type { Comparison } from '../compare.js';

/** Everything a budget check reads; checks are pure functions of it. */
export interface CheckContext {
  current: AuditResult;
  baseline: AuditResult | undefined;
  comparison: Comparison;
  acceptances: AcceptanceSplit;
  /** Findings that count (not accepted, or accepted with an expired acceptance). */
  open: Finding[];
  locate: Locate;
}

export function bySavingsDesc(a: Finding, b: Finding): number {
  return (b.monthlySavings ?? -1) - (a.monthlySavings ?? -1) || a.id.localeCompare(b.id);
}
