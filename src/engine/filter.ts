import { SEVERITIES, type AuditResult, type Severity } from './result.js';
import { breakdowns, sumSavings } from './summarize.js';

export interface FindingFilter {
  minSavings?: number;
  severity?: Severity;
}

/** Keeps findings at or above a severity and a monthly saving; totals follow what is kept. */
export function filterFindings(result: AuditResult, filter: FindingFilter): AuditResult {
  const minRank = filter.severity ? SEVERITIES.indexOf(filter.severity) : 0;
  const findings = result.findings.filter(
    (f) => SEVERITIES.indexOf(f.severity) >= minRank && (filter.minSavings === undefined || (f.monthlySavings ?? 0) >= filter.minSavings),
  );
  if (findings.length === result.findings.length) return result;
  return {
    ...result,
    totals: { ...result.totals, findingCount: findings.length, monthlySavings: sumSavings(findings) },
    breakdowns: breakdowns(findings),
    findings,
  };
}
