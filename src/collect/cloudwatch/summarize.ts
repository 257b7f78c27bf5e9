import { dailySeries, type DayValue } from '../../snapshot/daily.js';
import { HOURS_PER_WEEK, profileFromSums } from '../../snapshot/hour-of-week.js';
import type { DailySeries, HourOfWeekProfile, MetricSummary } from '../../snapshot/schema.js';

export interface Series {
  /** Epoch milliseconds, any order. */
  timestamps: number[];
  values: number[];
}

const DAY_MS = 86_400_000;

/**
 * A series as the Snapshot keeps it. `counter` series (Sum statistic: bytes, operations,
 * invocations) also carry sums. No datapoints gives undefined: absent data is never "zero".
 *
 * Observed hours count the time each datapoint stands for: its period, or the series' own
 * cadence when that is coarser (a metric published daily counts 24 hours per datapoint, so a
 * sparse daily series over 14 days is 14 observed days, not 14 observed periods).
 */
export interface SummarizeOptions {
  counter: boolean;
  windowHours: number;
  /**
   * Keep per-day columns: only for the series something reads per day (EC2 CPU and network for
   * idle days, GPU utilisation for the spend report's idle share, notebook CPU for auto-stop).
   * Four columns of a few dozen days per series add up to a large part of a big fleet's Snapshot.
   */
  daily?: boolean;
  /**
   * Keep the hour-of-week profile: only for the series schedule rules read (EC2 CPU; GPUs get one
   * profile per instance, see hourOfWeekProfile). 168 numbers per series is most of a large
   * fleet's Snapshot when kept for every metric.
   */
  hourOfWeek?: boolean;
}

export function summarize(series: Series, periodSeconds: number, options: SummarizeOptions): MetricSummary | undefined {
  return summarizePoints(finitePoints(series), periodSeconds, options);
}

/**
 * summarize, plus the series' mean per hour of week kept apart from the summary: for series folded
 * into another profile before being stored (an instance's GPUs). No profile without datapoints or at
 * a period coarser than an hour, which says nothing about hours of the day.
 */
export function summarizeWithProfile(
  series: Series,
  periodSeconds: number,
  options: SummarizeOptions,
): { summary?: MetricSummary; profile?: HourOfWeekProfile } {
  const points = finitePoints(series);
  const summary = summarizePoints(points, periodSeconds, options);
  return summary ? { summary, ...(periodSeconds <= 3600 ? { profile: hourOfWeek(points) } : {}) } : {};
}

function summarizePoints(points: { t: number; v: number }[], periodSeconds: number, options: SummarizeOptions): MetricSummary | undefined {
  if (points.length === 0) return undefined;
  points.sort((a, b) => a.t - b.t);
  const values = points.map((p) => p.v);
  const sorted = [...values].sort((a, b) => a - b);
  const total = values.reduce((s, v) => s + v, 0);
  const cadenceSeconds = Math.min(Math.max(periodSeconds, medianGapSeconds(points.map((p) => p.t)) ?? periodSeconds), 86400);
  const summary: MetricSummary = {
    avg: roundValue(total / values.length),
    p50: roundValue(percentile(sorted, 50)),
    p95: roundValue(percentile(sorted, 95)),
    max: roundValue(sorted[sorted.length - 1]!),
    datapoints: values.length,
    observedHours: roundValue(Math.min((values.length * cadenceSeconds) / 3600, options.windowHours)),
    periodSeconds,
  };
  if (options.daily === true) {
    const days = daily(points, options.counter);
    if (days) summary.daily = days;
  }
  if (options.counter) summary.sum = roundValue(total);
  if (options.hourOfWeek === true && periodSeconds <= 3600) summary.hourOfWeek = hourOfWeek(points);
  return summary;
}

function finitePoints(series: Series): { t: number; v: number }[] {
  return series.timestamps.map((t, i) => ({ t, v: series.values[i] ?? Number.NaN })).filter((p) => Number.isFinite(p.v) && Number.isFinite(p.t));
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

function medianGapSeconds(ts: readonly number[]): number | undefined {
  if (ts.length < 2) return undefined;
  const gaps = ts
    .slice(1)
    .map((t, i) => t - ts[i]!)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]! / 1000;
}

function daily(points: readonly { t: number; v: number }[], counter: boolean): DailySeries | undefined {
  const days: DayValue[] = [];
  let current: { day: number; sum: number; max: number; n: number } | undefined;
  const flush = () => {
    if (!current) return;
    const d: DayValue = {
      date: new Date(current.day * DAY_MS).toISOString().slice(0, 10),
      avg: roundValue(current.sum / current.n),
      max: roundValue(current.max),
      datapoints: current.n,
    };
    if (counter) d.sum = roundValue(current.sum);
    days.push(d);
  };
  for (const { t, v } of points) {
    const day = Math.floor(t / DAY_MS);
    if (current?.day !== day) {
      flush();
      current = { day, sum: 0, max: Number.NEGATIVE_INFINITY, n: 0 };
    }
    current.sum += v;
    current.max = Math.max(current.max, v);
    current.n += 1;
  }
  flush();
  return dailySeries(days);
}

/** Mean per hour of week, 0 = Monday 00:00 UTC; an hour the window had no datapoint in is unobserved (mean 0). */
function hourOfWeek(points: readonly { t: number; v: number }[]): HourOfWeekProfile {
  const sums = new Float64Array(HOURS_PER_WEEK);
  const counts = new Uint32Array(HOURS_PER_WEEK);
  for (const { t, v } of points) {
    const d = new Date(t);
    const slot = ((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours();
    sums[slot]! += v;
    counts[slot]! += 1;
  }
  return profileFromSums(sums, counts, roundValue);
}

/** Three decimals keep a month of a large fleet small without changing any rule's decision. */
export function roundValue(n: number): number {
  return Math.round(n * 1000) / 1000;
}
