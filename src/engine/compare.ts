import { formatUsd } from '../money.js';
import type { AuditResult, Finding } from './result.js';

export interface FindingChange {
  before: Finding;
  after: Finding;
  /** What moved, in words: `severity medium -> high`, `savings $120.00 -> $480.00`. */
  changes: string[];
}

/** Two audit results matched by finding `id` (stable across runs: rule, account, region, resource). */
export interface ResultComparison {
  /** In current, not in the earlier result (all of current when there is none). */
  newFindings: Finding[];
  /** In the earlier result, not in current. */
  resolvedFindings: Finding[];
  /** In both, as they are now. */
  openFindings: Finding[];
  /** In both, with what changed. */
  changedFindings: FindingChange[];
}

/** The one comparison of two audit results: the gate's baseline check and the weekly report both read it. */
export function compareResults(current: AuditResult, earlier: AuditResult | undefined): ResultComparison {
  const before = new Map((earlier?.findings ?? []).map((f) => [f.id, f]));
  const now = new Set(current.findings.map((f) => f.id));
  const newFindings: Finding[] = [];
  const openFindings: Finding[] = [];
  const changedFindings: FindingChange[] = [];
  for (const f of current.findings) {
    const old = before.get(f.id);
    if (!old) {
      newFindings.push(f);
      continue;
    }
    openFindings.push(f);
    const changes = describeChanges(old, f);
    if (changes.length) changedFindings.push({ before: old, after: f, changes });
  }
  const resolvedFindings = (earlier?.findings ?? []).filter((f) => !now.has(f.id));
  return { newFindings, resolvedFindings, openFindings, changedFindings };
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
