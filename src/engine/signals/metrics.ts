import type { MetricSummary } from '../../snapshot/schema.js';

/** Rounds for display in signals and evidence; money is rounded elsewhere (engine/money.ts). */
export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Summary fields for evidence: what a reviewer needs to trust a finding. */
export function evidenceOf(m: MetricSummary | undefined): Record<string, number> | undefined {
  if (!m) return undefined;
  return { avg: round(m.avg), p95: round(m.p95), max: round(m.max), datapoints: m.datapoints, observedHours: round(m.observedHours) };
}

export function hoursBetween(from: string, to: Date): number {
  return Math.max(0, (to.getTime() - Date.parse(from)) / 3_600_000);
}
