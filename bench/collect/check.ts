import type { Snapshot } from '../../src/snapshot/schema.js';
import type { BaselineResult } from './custodian.js';

/**
 * The replay's proof: the replayed run must collect what the live-moto run (the recording) collected.
 * Counts per resource list, metric summaries and warnings must match; the whole Snapshot, less the call
 * counts (DescribeInstances is one call on moto and one per 1,000 instances in the replay), must be
 * identical too, since both runs had the same `now`.
 */
export function snapshotCounts(s: Snapshot): Record<string, number> {
  const counts: Record<string, number> = { warnings: s.warnings.length, instanceTypes: Object.keys(s.instanceTypes).length, spotPrices: s.spotPrices.length };
  let summaries = 0;
  for (const [key, list] of Object.entries(s.resources) as [string, readonly unknown[]][]) {
    counts[key] = list.length;
    for (const r of list) {
      const metrics = (r as { metrics?: Record<string, unknown> }).metrics;
      if (metrics) summaries += Object.values(metrics).filter((m) => m !== undefined).length;
    }
  }
  counts['metricSummaries'] = summaries;
  return counts;
}

/** Problems found comparing the replayed Snapshot with the recorded one; empty when they agree. */
export function snapshotMismatch(recorded: Snapshot, replayed: Snapshot): string[] {
  const a = snapshotCounts(recorded);
  const b = snapshotCounts(replayed);
  const problems = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${String(a[k] ?? 0)} recorded, ${String(b[k] ?? 0)} replayed`);
  const seen = new Set(recorded.warnings.map((w) => w.message));
  const fresh = replayed.warnings.filter((w) => !seen.has(w.message));
  for (const w of fresh.slice(0, 3)) problems.push(`warning only in the replay: ${w.message}`);
  if (problems.length === 0 && withoutCalls(recorded) !== withoutCalls(replayed)) problems.push('same counts, but the Snapshots differ in content');
  return problems;
}

export function baselineMismatch(recorded: BaselineResult, replayed: BaselineResult): string[] {
  return (Object.keys(recorded) as (keyof BaselineResult)[])
    .filter((k) => recorded[k] !== replayed[k])
    .map((k) => `baseline ${k}: ${String(recorded[k])} recorded, ${String(replayed[k])} replayed`);
}

function withoutCalls(s: Snapshot): string {
  const { apiCalls: _calls, apiCostUsd: _cost, ...scope } = s.scope;
  return JSON.stringify({ ...s, scope });
}
