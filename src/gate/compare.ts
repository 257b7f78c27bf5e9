import { roundCents } from '../engine/money.js';
import type { AuditResult, Finding } from '../engine/result.js';
import { formatUsd } from '../render/money.js';
import type { WasteDimension } from './budget-schema.js';

/** An amount now and in the baseline; `before` and the changes are null without a baseline. */
export interface Delta {
  before: number | null;
  after: number;
  change: number | null;
  /** Change as a percent of `before`; null when there is no baseline or it was 0. */
  pct: number | null;
}

export interface FindingChange {
  before: Finding;
  after: Finding;
  /** What moved, in words: `severity medium -> high`, `savings $120.00 -> $480.00`. */
  changes: string[];
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
  byTeam: (f) => f.resource.team ?? '(untagged)',
  byAccount: (f) => f.resource.accountId,
  byRegion: (f) => f.resource.region,
  byCategory: (f) => f.category,
};

/**
 * Current against baseline by stable finding `id`. New/resolved/changed are about every finding;
 * waste sums count only the findings `isOpen` says count (accepted ones are left out on both sides).
 */
export function compareResults(current: AuditResult, baseline: AuditResult | undefined, isOpen: (f: Finding) => boolean): Comparison {
  const before = new Map((baseline?.findings ?? []).map((f) => [f.id, f]));
  const after = new Map(current.findings.map((f) => [f.id, f]));
  const changedFindings: FindingChange[] = [];
  for (const f of current.findings) {
    const old = before.get(f.id);
    const changes = old ? describeChanges(old, f) : [];
    if (old && changes.length) changedFindings.push({ before: old, after: f, changes });
  }
  const openNow = current.findings.filter(isOpen);
  const openBefore = baseline?.findings.filter(isOpen);
  const wasteBy = {} as Record<WasteDimension, Record<string, Delta>>;
  for (const dim of Object.keys(DIMENSION_KEY) as WasteDimension[]) {
    wasteBy[dim] = deltasBy(openNow, openBefore, DIMENSION_KEY[dim]);
  }
  return {
    hasBaseline: baseline !== undefined,
    newFindings: current.findings.filter((f) => !before.has(f.id)),
    resolvedFindings: (baseline?.findings ?? []).filter((f) => !after.has(f.id)),
    changedFindings,
    cost: delta(baseline?.totals.monthlyCost ?? null, current.totals.monthlyCost),
    waste: delta(openBefore ? wasteOf(openBefore) : null, wasteOf(openNow)),
    wasteBy,
  };
}

export function wasteOf(findings: readonly Finding[]): number {
  return roundCents(findings.reduce((sum, f) => sum + (f.monthlySavings ?? 0), 0));
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
  return Object.fromEntries(keys.map((k) => [k, delta(b ? wasteOf(b.get(k) ?? []) : null, wasteOf(a.get(k) ?? []))]));
}

function describeChanges(before: Finding, after: Finding): string[] {
  const changes: string[] = [];
  if (before.severity !== after.severity) changes.push(`severity ${before.severity} -> ${after.severity}`);
  if (before.monthlySavings !== after.monthlySavings) changes.push(`savings ${formatUsd(before.monthlySavings)} -> ${formatUsd(after.monthlySavings)}`);
  if (before.monthlyCost !== after.monthlyCost) changes.push(`cost ${formatUsd(before.monthlyCost)} -> ${formatUsd(after.monthlyCost)}`);
  const move = (f: Finding) => [f.action.kind, f.action.from, f.action.to].filter(Boolean).join(' ');
  if (move(before) !== move(after)) changes.push(`action ${move(before)} -> ${move(after)}`);
  return changes;
}
