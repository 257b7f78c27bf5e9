import { roundCents } from './money.js';
import type { AuditResult, Finding } from './result.js';

type Breakdown = AuditResult['breakdowns']['byCategory'];

/** Savings by category, team, region and account; unknown savings count as findings, not dollars. */
export function breakdowns(findings: readonly Finding[]): AuditResult['breakdowns'] {
  const out: AuditResult['breakdowns'] = { byCategory: {}, byTeam: {}, byRegion: {}, byAccount: {} };
  // Whole cents while adding up (savings are already rounded to cents): exact, and one rounding per entry.
  const cents = new Map<Breakdown[string], number>();
  const add = (breakdown: Breakdown, key: string, f: Finding) => {
    const entry = (breakdown[key] ??= { monthlySavings: 0, findingCount: 0 });
    entry.findingCount += 1;
    cents.set(entry, (cents.get(entry) ?? 0) + Math.round((f.monthlySavings ?? 0) * 100));
  };
  for (const f of findings) {
    add(out.byCategory, f.category, f);
    add(out.byTeam, f.resource.team ?? '(untagged)', f);
    add(out.byRegion, f.resource.region, f);
    add(out.byAccount, f.resource.accountId, f);
  }
  for (const [entry, c] of cents) entry.monthlySavings = roundCents(c / 100);
  return out;
}

export function totalSavings(findings: readonly Finding[]): number {
  return roundCents(findings.reduce((s, f) => s + (f.monthlySavings ?? 0), 0));
}

/** Savings desc (unknown last), then rule, then resource: the same input always prints the same. */
export function compareFindings(a: Finding, b: Finding): number {
  const sa = a.monthlySavings ?? -1;
  const sb = b.monthlySavings ?? -1;
  return sb - sa || byCodePoint(a.ruleId, b.ruleId) || byCodePoint(a.resource.id, b.resource.id);
}

// Not localeCompare: the order only has to be stable, and collation is slow over 100,000 findings.
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
