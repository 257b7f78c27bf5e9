import type { Finding, Severity } from '../engine/result.js';
import type { AcceptanceSplit } from './acceptances.js';
import type { SourceLocation } from './budget-load.js';
import type { Comparison } from './compare.js';

/** `skip`: the limit needs what the inputs do not have yet (a baseline; two weeks of billing data). */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** One budget limit checked against the results: one JUnit test case, one annotation when broken. */
export interface BudgetCheck {
  /** Stable, dotted like the budget file: `waste.byTeam.research`, `cost.maxIncrease.percent`. */
  id: string;
  /** What is limited, in words: `Monthly waste of team research`. */
  name: string;
  status: CheckStatus;
  unit: 'usd' | 'percent' | 'findings';
  actual: number | null;
  limit: number;
  /** One line: the figure, the limit and by how much it is over (or why it was skipped). */
  message: string;
  /** The findings responsible, largest savings first. */
  findings: Finding[];
  /** Where the limit is written (budget file line, or the flag that set it). */
  source: SourceLocation;
}

export interface ResultRef {
  file: string;
  generatedAt: string;
  accounts: string[];
  regions: string[];
}

export interface Verdict {
  status: 'pass' | 'fail';
  current: ResultRef;
  baseline: ResultRef | null;
  budgetFile: string | null;
  failOnNew: Severity | null;
  checks: BudgetCheck[];
  comparison: Comparison;
  acceptances: AcceptanceSplit;
}

export function overallStatus(checks: readonly BudgetCheck[]): Verdict['status'] {
  return checks.some((c) => c.status === 'fail') ? 'fail' : 'pass';
}

export function brokenChecks(verdict: Verdict): BudgetCheck[] {
  return verdict.checks.filter((c) => c.status === 'fail');
}
