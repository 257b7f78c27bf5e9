import { compareResults, type FindingChange } from '../engine/compare.js';
import type { AuditResult, Finding } from '../engine/result.js';
import { sumSavings } from '../engine/summarize.js';
import { teamLabel } from '../group-labels.js';
import { roundCents } from '../money.js';
import type { WasteDimension } from './budget-schema.js';

/** An amount now and in the baseline; `before` and the changes are null without a baseline. */
export interface Delta {
  before: number | null;
  after: number;
  change: number | null;
  /** Change as a percent of `before`; null when there is no baseline or it was 0. */
  pct: number | null;
}

export interface Comparison {
  hasBaseline: boolean;
  /** In current, not in the baseline (all of current when there is no baseline). */
  newFindings: Finding[];
  resolvedFindings: Finding[];
  changedFindings: FindingChange[];
  cost: Delta;
  /** Open waste: savings of the findings that are not accepted. */
  waste: Delta;
  wasteBy: Record<WasteDimension, Record<string, Delta>>;
}

/** The key a finding is grouped under per dimension; the same keys the engine's breakdowns use. */
export const DIMENSION_KEY: Record<WasteDimension, (f: Finding) => string> = {
  byTeam: (f) => teamLabel(f.resource.team),
  byAccount: (f) => f.resource.accountId,
  byRegion: (f) => f.resource.region,
  byCategory: (f) => f.category,
};

/**
 * Current against baseline by stable finding `id` (compareResults). New/resolved/changed are about every
 * finding; waste sums count only the findings `isOpen` says count (accepted ones are left out on both sides).
 */
export function compareWithBaseline(current: AuditResult, baseline: AuditResult | undefined, isOpen: (f: Finding) => boolean): Comparison {
  const { newFindings, resolvedFindings, changedFindings } = compareResults(current, baseline);
  const openNow = current.findings.filter(isOpen);
  const openBefore = baseline?.findings.filter(isOpen);
  const wasteBy = {} as Record<WasteDimension, Record<string, Delta>>;
  for (const dim of Object.keys(DIMENSION_KEY) as WasteDimension[]) {
    wasteBy[dim] = deltasBy(openNow, openBefore, DIMENSION_KEY[dim]);
  }
  return {
    hasBaseline: baseline !== undefined,
    newFindings,
    resolvedFindings,
    changedFindings,
    cost: delta(baseline?.totals.monthlyCost ?? null, current.totals.monthlyCost),
    waste: delta(openBefore ? sumSavings(openBefore) : null, sumSavings(openNow)),
    wasteBy,
  };
}

export function delta(before: number | null, after: number): Delta {
  if (before === null) return { before, after, change: null, pct: null };
  const change = roundCents(after - before);
  return { before, after, change, pct: before === 0 ? null : (change / before) * 100 };
}

function deltasBy(now: readonly Finding[], then: readonly Finding[] | undefined, key: (f: Finding) => string): Record<string, Delta> {
  const group = (findings: readonly Finding[]) => {
    const out = new Map<string, Finding[]>();
    for (const f of findings) out.set(key(f), [...(out.get(key(f)) ?? []), f]);
    return out;
  };
  const a = group(now);
  const b = then ? group(then) : undefined;
  const keys = [...new Set([...a.keys(), ...(b?.keys() ?? [])])].sort();
  return Object.fromEntries(keys.map((k) => [k, delta(b ? sumSavings(b.get(k) ?? []) : null, sumSavings(a.get(k) ?? []))]));
}
