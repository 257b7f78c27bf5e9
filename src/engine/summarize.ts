import { roundCents } from '../money.js';
import { teamLabel } from '../group-labels.js';
import type { AuditResult, Finding } from './result.js';

type Breakdown = AuditResult['breakdowns']['byCategory'];

/** Savings by category, team, region and account; unknown savings count as findings, not dollars. */
export function breakdowns(findings: readonly Finding[]): AuditResult['breakdowns'] {
  const out: AuditResult['breakdowns'] = { byCategory: {}, byTeam: {}, byRegion: {}, byAccount: {} };
  // Whole cents while adding up (savings are already rounded to cents), dollars at the end: exact.
  const add = (breakdown: Breakdown, key: string, cents: number) => {
    const entry = (breakdown[key] ??= { monthlySavings: 0, findingCount: 0 });
    entry.monthlySavings += cents;
    entry.findingCount += 1;
  };
  for (const f of findings) {
    const cents = Math.round((f.monthlySavings ?? 0) * 100);
    add(out.byCategory, f.category, cents);
    add(out.byTeam, teamLabel(f.resource.team), cents);
    add(out.byRegion, f.resource.region, cents);
    add(out.byAccount, f.resource.accountId, cents);
  }
  for (const breakdown of Object.values(out)) for (const entry of Object.values(breakdown)) entry.monthlySavings = roundCents(entry.monthlySavings / 100);
  return out;
}

/** The savings of some findings, to the cent; an unknown saving (null) adds nothing. */
export function sumSavings(findings: readonly Finding[]): number {
  return roundCents(findings.reduce((s, f) => s + (f.monthlySavings ?? 0), 0));
}

export interface NotPriced {
  /** Findings whose saving is unknown (monthlySavings null). */
  count: number;
  /** Why, most frequent first: each reason with the number of those findings that give it. */
  reasons: { reason: string; count: number }[];
}

/** The findings whose saving could not be priced, and why: what every output shows as "N findings not priced". */
export function notPriced(findings: readonly Finding[]): NotPriced {
  const reasons = new Map<string, number>();
  let count = 0;
  for (const f of findings) {
    if (f.monthlySavings !== null) continue;
    count += 1;
    for (const reason of new Set(f.pricing.unknown ?? ['no reason recorded'])) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return {
    count,
    reasons: [...reasons].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
  };
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
