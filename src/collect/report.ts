import type { Snapshot, SnapshotWarning } from '../snapshot/schema.js';
import type { CollectOptions } from './types.js';
import type { CollectUsage } from './run.js';

/** Warning codes that mean something could not be read (partial data); the rest are information. */
const PARTIAL = new Set([
  'no-credentials',
  'access-denied',
  'opt-in-required',
  'throttled',
  'unreachable',
  'not-implemented',
  'error',
  'partial-metrics',
  'invalid-response',
]);

/** True when --strict should exit 3; `--prices live` makes a price fallback partial data too. */
export function isPartial(snapshot: Snapshot, prices: CollectOptions['prices']): boolean {
  return snapshot.warnings.some((w) => PARTIAL.has(w.code) || (prices === 'live' && w.code === 'prices-embedded'));
}

/** A --prices live run that fell back to embedded prices exits 3 even without --strict: live was required. */
export function livePricesMissing(snapshot: Snapshot, prices: CollectOptions['prices']): boolean {
  return prices === 'live' && snapshot.warnings.some((w) => w.code === 'prices-embedded');
}

export function formatWarning(w: SnapshotWarning): string {
  return `mlcost: warning: ${w.message}`;
}

/** One stderr line: what the audit itself asked of AWS and what that is estimated to cost. */
export function formatUsage(usage: CollectUsage): string {
  const byService = new Map<string, number>();
  let total = 0;
  for (const [key, n] of Object.entries(usage.apiCalls)) {
    const service = key.split(':')[0] ?? key;
    byService.set(service, (byService.get(service) ?? 0) + n);
    total += n;
  }
  const services = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return `mlcost: ${total} AWS API calls (${services}), ${usage.cloudwatchMetricsRequested} CloudWatch metrics requested; estimated AWS charge for this run $${usage.apiCostUsd.toFixed(4)}`;
}
