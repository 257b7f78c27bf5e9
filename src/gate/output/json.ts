import type { Finding } from '../../engine/result.js';
import type { Verdict } from '../verdict.js';

/** Bumped when a field of the JSON verdict changes meaning or goes away. */
export const VERDICT_SCHEMA_VERSION = 1;

/** `--output json`: the verdict with findings referenced by id, not copied whole. */
export function renderGateJson(v: Verdict): string {
  const c = v.comparison;
  const doc = {
    schemaVersion: VERDICT_SCHEMA_VERSION,
    status: v.status,
    current: v.current,
    baseline: v.baseline,
    budgetFile: v.budgetFile,
    failOnNew: v.failOnNew,
    checks: v.checks.map((check) => ({ ...check, findings: check.findings.map((f) => f.id) })),
    comparison: {
      hasBaseline: c.hasBaseline,
      cost: c.cost,
      waste: c.waste,
      wasteBy: c.wasteBy,
      newFindings: c.newFindings.map(findingRef),
      resolvedFindings: c.resolvedFindings.map(findingRef),
      changedFindings: c.changedFindings.map((ch) => ({ ...findingRef(ch.after), changes: ch.changes })),
    },
    acceptances: {
      accepted: v.acceptances.accepted.map((a) => ({ findingId: a.finding.id, ...a.acceptance })),
      expired: v.acceptances.expired.map((a) => ({ findingId: a.finding.id, ...a.acceptance })),
      unused: v.acceptances.unused.map((u) => u.acceptance),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function findingRef(f: Finding) {
  return {
    id: f.id,
    ruleId: f.ruleId,
    severity: f.severity,
    category: f.category,
    resourceId: f.resource.id,
    accountId: f.resource.accountId,
    region: f.resource.region,
    team: f.resource.team ?? null,
    monthlyCost: f.monthlyCost,
    monthlySavings: f.monthlySavings,
  };
}
