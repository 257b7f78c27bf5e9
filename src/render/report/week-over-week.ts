import { compareResults } from '../../engine/compare.js';
import type { AuditResult, Finding } from '../../engine/result.js';
import { sumSavings } from '../../engine/summarize.js';
import { roundCents } from '../../money.js';

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
  const { newFindings, openFindings, resolvedFindings } = compareResults(current, previous);
  return {
    previousGeneratedAt: previous.generatedAt,
    newFindings,
    resolvedFindings,
    openFindings,
    realisedSavings: sumSavings(resolvedFindings),
    stillOpenSavings: sumSavings(openFindings),
    newSavings: sumSavings(newFindings),
    costChange: roundCents(current.totals.monthlyCost - previous.totals.monthlyCost),
    coverageDiffers: current.totals.unpricedResources !== previous.totals.unpricedResources,
    previousMonthlyCost: previous.totals.monthlyCost,
  };
}
