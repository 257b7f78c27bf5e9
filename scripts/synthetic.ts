/**
 * Builders for realistic metric summaries, shared by the demo Snapshot and the benchmark
 * generator. Deterministic: the same seed always gives the same numbers.
 */
import { dailySeries, type DayValue } from '../src/snapshot/daily.js';
import type { GpuMetrics, MetricSummary } from '../src/snapshot/schema.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Window {
  end: Date;
  days: number;
  periodSeconds: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * What the collector keeps besides the summary: per-day columns only for the series something reads
 * per day (EC2 CPU and network, GPU utilisation, notebook CPU). Days are drawn either way, so
 * asking or not never changes the numbers that follow from the same seed.
 */
export interface Keep {
  daily?: boolean;
}

/** A gauge (percent) with the given average, p95 and max over `days` days of the window. */
export function gauge(w: Window, shape: { avg: number; p95: number; max: number; days?: number }, rand: () => number, keep: Keep = {}): MetricSummary {
  const days = shape.days ?? w.days;
  const perDay = 86_400 / w.periodSeconds;
  const daily: DayValue[] = [];
  for (let i = days; i >= 1; i--) {
    const date = new Date(w.end.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    const jitter = 1 + (rand() - 0.5) * 0.2;
    daily.push({ date, avg: r2(Math.min(100, shape.avg * jitter)), max: r2(Math.min(100, shape.max * (0.8 + rand() * 0.2))), datapoints: perDay });
  }
  return {
    avg: shape.avg,
    p50: r2(shape.avg * 0.9),
    p95: shape.p95,
    max: shape.max,
    datapoints: perDay * days,
    observedHours: days * 24,
    periodSeconds: w.periodSeconds,
    ...(keep.daily ? { daily: dailySeries(daily)! } : {}),
  };
}

/** A counter (bytes, invocations) with the given daily total over `days` days of the window. */
export function counter(w: Window, perDay: number, rand: () => number, options: Keep & { days?: number } = {}): MetricSummary {
  const days = options.days ?? w.days;
  const points = 86_400 / w.periodSeconds;
  const daily: DayValue[] = [];
  let sum = 0;
  for (let i = days; i >= 1; i--) {
    const date = new Date(w.end.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    const daySum = Math.round(perDay * (0.85 + rand() * 0.3));
    sum += daySum;
    daily.push({ date, avg: r2(daySum / points), max: r2((daySum / points) * 3), sum: daySum, datapoints: points });
  }
  const avg = r2(sum / (points * days));
  return {
    avg,
    p50: avg,
    p95: r2(avg * 2.5),
    max: r2(avg * 4),
    sum,
    datapoints: points * days,
    observedHours: days * 24,
    periodSeconds: w.periodSeconds,
    ...(options.daily ? { daily: dailySeries(daily)! } : {}),
  };
}

/** Per-GPU metrics: one entry per index with utilisation p95 (kept per day) and peak memory used (MiB). */
export function gpus(w: Window, perGpu: { utilP95: number; memMiB: number }[], memTotalMiB: number, rand: () => number, days?: number): GpuMetrics[] {
  return perGpu.map((g, index) => ({
    index,
    utilization: gauge(
      w,
      { avg: r2(g.utilP95 * 0.7), p95: g.utilP95, max: Math.min(100, r2(g.utilP95 * 1.1 + (g.utilP95 > 0 ? 3 : 0.5))), ...(days ? { days } : {}) },
      rand,
      { daily: true },
    ),
    memoryUsedMiB: gauge(w, { avg: g.memMiB * 0.9, p95: g.memMiB, max: g.memMiB, ...(days ? { days } : {}) }, rand),
    memoryTotalMiB: memTotalMiB,
  }));
}
