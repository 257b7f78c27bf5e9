import { SEVERITIES, type AuditResult, type Finding, type Severity } from '../engine/result.js';

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function atOrAbove(finding: Finding, severity: Severity): boolean {
  return severityRank(finding.severity) >= severityRank(severity);
}

export interface FailOnVerdict {
  failed: boolean;
  /** One line for stderr: how many findings break the threshold, or that none do. */
  message: string;
}

/**
 * `mlcost audit --fail-on SEVERITY`: fails when any finding at or above the severity remains in
 * the (already filtered) result. The caller exits 1 on `failed`; nothing here writes or exits.
 */
export function failOnSeverity(result: AuditResult, severity: Severity): FailOnVerdict {
  const failing = result.findings.filter((f) => atOrAbove(f, severity));
  if (failing.length === 0) return { failed: false, message: `no finding at or above ${severity} severity (--fail-on)` };
  const worst = failing.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
  return {
    failed: true,
    message: `${failing.length} finding(s) at or above ${severity} severity (--fail-on), e.g. ${worst.ruleId} on ${worst.resource.id} (${worst.severity})`,
  };
}
