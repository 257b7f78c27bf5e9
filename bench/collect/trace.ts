import type { TracedCall } from './proxy.js';

/** The phases of a collection as the proxy saw its calls: CloudWatch is metrics, the Price List is pricing, the rest is inventory. */
const PHASES = [
  { name: 'inventory', matches: (key: string) => !key.startsWith('monitoring:') && !key.startsWith('pricing:') },
  { name: 'metrics', matches: (key: string) => key.startsWith('monitoring:') },
  { name: 'pricing', matches: (key: string) => key.startsWith('pricing:') },
] as const;

/** Per phase: calls, and the span from its first call's start to its last call's end, e.g. `inventory 22 (0.0–1.4 s)`. */
export function phaseSummary(trace: readonly TracedCall[], runStart: number): string {
  const s = (t: number) => ((t - runStart) / 1000).toFixed(1);
  return PHASES.map(({ name, matches }) => {
    const calls = trace.filter((c) => matches(c.key));
    if (calls.length === 0) return `${name} 0`;
    const first = Math.min(...calls.map((c) => c.start));
    const last = Math.max(...calls.map((c) => c.end));
    return `${name} ${String(calls.length)} (${s(first)}–${s(last)} s)`;
  }).join('; ');
}

/**
 * BENCH_TRACE=1: every call of mlcost's run with its start and end in ms from the run's start, and
 * per operation the first start and last end, to see what the run waits for (its critical path).
 */
export function printTrace(trace: readonly TracedCall[], runStart: number, runMs: number): void {
  const at = (t: number) => Math.round(t - runStart).toString();
  const lines = trace.map((c) => `${at(c.start).padStart(6)} ${at(c.end).padStart(6)}  ${String(c.status)} ${c.region} ${c.key}`);
  const spans = new Map<string, { first: number; last: number; calls: number }>();
  for (const c of trace) {
    const s = spans.get(c.key) ?? { first: c.start, last: c.end, calls: 0 };
    spans.set(c.key, { first: Math.min(s.first, c.start), last: Math.max(s.last, c.end), calls: s.calls + 1 });
  }
  const byOp = [...spans.entries()]
    .sort((a, b) => a[1].first - b[1].first)
    .map(([k, s]) => `${at(s.first).padStart(6)} ${at(s.last).padStart(6)}  ${String(s.calls).padStart(4)}x ${k}`);
  process.stderr.write(
    `  start    end  status region call (ms from the run's start; run ${String(runMs)} ms)\n${lines.join('\n')}\n\n  first   last  calls operation\n${byOp.join('\n')}\n`,
  );
}
