import type { AuditResult, Finding } from '../../engine/result.js';

/**
 * The week-over-week view of two audit results, matched by finding `id` (stable across runs:
 * rule, account, region, resource). A finding that disappeared is counted as realised: the
 * resource was fixed or removed. That is an estimate, and the reports say so.
 */
export interface WeekOverWeek {
  previousGeneratedAt: string;
  newFindings: Finding[];
  resolvedFindings: Finding[];
  openFindings: Finding[];
  /** Sum of last week's savings for findings that are gone. */
  realisedSavings: number;
  /** Sum of this week's savings for findings present in both weeks. */
  stillOpenSavings: number;
  newSavings: number;
  /** Change in monthly cost in scope (priced resources only). */
  costChange: number;
  /** The two weeks priced a different number of resources, so the cost change is not like for like. */
  coverageDiffers: boolean;
  previousMonthlyCost: number;
}

export function weekOverWeek(current: AuditResult, previous: AuditResult): WeekOverWeek {
  const before = new Map(previous.findings.map((f) => [f.id, f]));
  const now = new Set(current.findings.map((f) => f.id));
  const newFindings = current.findings.filter((f) => !before.has(f.id));
  const openFindings = current.findings.filter((f) => before.has(f.id));
  const resolvedFindings = previous.findings.filter((f) => !now.has(f.id));
  return {
    previousGeneratedAt: previous.generatedAt,
    newFindings,
    resolvedFindings,
    openFindings,
    realisedSavings: sumSavings(resolvedFindings),
    stillOpenSavings: sumSavings(openFindings),
    newSavings: sumSavings(newFindings),
    costChange: cents(current.totals.monthlyCost - previous.totals.monthlyCost),
    coverageDiffers: current.totals.unpricedResources !== previous.totals.unpricedResources,
    previousMonthlyCost: previous.totals.monthlyCost,
  };
}

/** Unknown savings (null) add nothing; the engine already rounds each figure to cents. */
function sumSavings(findings: Finding[]): number {
  return cents(findings.reduce((sum, f) => sum + (f.monthlySavings ?? 0), 0));
}

function cents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
