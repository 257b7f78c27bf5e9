import { roundCents } from './money.js';
import type { AuditResult, Finding } from './result.js';

type Breakdown = AuditResult['breakdowns']['byCategory'];

/** Savings by category, team, region and account; unknown savings count as findings, not dollars. */
export function breakdowns(findings: readonly Finding[]): AuditResult['breakdowns'] {
  const by = (key: (f: Finding) => string): Breakdown => {
    const out: Breakdown = {};
    for (const f of findings) {
      const k = key(f);
      const entry = (out[k] ??= { monthlySavings: 0, findingCount: 0 });
      entry.monthlySavings = roundCents(entry.monthlySavings + (f.monthlySavings ?? 0));
      entry.findingCount += 1;
    }
    return out;
  };
  return {
    byCategory: by((f) => f.category),
    byTeam: by((f) => f.resource.team ?? '(untagged)'),
    byRegion: by((f) => f.resource.region),
    byAccount: by((f) => f.resource.accountId),
  };
}

export function totalSavings(findings: readonly Finding[]): number {
  return roundCents(findings.reduce((s, f) => s + (f.monthlySavings ?? 0), 0));
}

/** Savings desc (unknown last), then rule, then resource: the same input always prints the same. */
export function compareFindings(a: Finding, b: Finding): number {
  const sa = a.monthlySavings ?? -1;
  const sb = b.monthlySavings ?? -1;
  return sb - sa || a.ruleId.localeCompare(b.ruleId) || a.resource.id.localeCompare(b.resource.id);
}
