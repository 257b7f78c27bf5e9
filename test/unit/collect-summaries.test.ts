import { describe, expect, it } from 'vitest';
import { choosePeriod, MAX_DATAPOINTS_PER_CALL, metricWindow } from '../../src/collect/cloudwatch/period.js';
import { percentile, summarize, summarizeWithProfile } from '../../src/collect/cloudwatch/summarize.js';
import { observedDays } from '../../src/snapshot/daily.js';

const H = 3_600_000;
const monday = Date.UTC(2026, 5, 1); // 2026-06-01 is a Monday

describe('metric period', () => {
  it.each([
    [1, 3600],
    [7, 3600],
    [14, 3600],
    [15, 7200],
    [30, 14400],
    [63, 28800],
    [90, 43200],
    [455, 86400],
  ])('%i-day lookback -> %i s', (days, period) => {
    expect(choosePeriod(days)).toBe(period);
  });

  it('from 15 to ~200 days a full batch of 500 queries fits one response (beyond, daily data pages); retention floors hold', () => {
    for (const days of [15, 30, 45, 63, 64, 90, 180]) {
      const p = choosePeriod(days);
      expect((Math.ceil((days * 86400) / p) + 1) * 500).toBeLessThanOrEqual(MAX_DATAPOINTS_PER_CALL);
      expect(p).toBeGreaterThanOrEqual(days > 63 ? 3600 : 300);
      expect(86400 % p).toBe(0);
    }
  });

  it('the window ends on the last whole hour', () => {
    const w = metricWindow(14, new Date('2026-06-15T10:42:00Z'));
    expect(w.end.toISOString()).toBe('2026-06-15T10:00:00.000Z');
    expect(w.start.toISOString()).toBe('2026-06-01T10:00:00.000Z');
  });
});

describe('summarize', () => {
  it('no datapoints is no summary, never zero', () => {
    expect(summarize({ timestamps: [], values: [] }, 3600, { counter: false, windowHours: 336 })).toBeUndefined();
  });

  it('hourly gauge: stats, nearest-rank percentiles, observed hours, daily and hour-of-week', () => {
    const values = Array.from({ length: 48 }, (_, i) => i);
    const s = summarize({ timestamps: values.map((i) => monday + i * H), values }, 3600, { counter: false, windowHours: 336, daily: true, hourOfWeek: true })!;
    expect(s).toMatchObject({ avg: 23.5, p50: 23, p95: 45, max: 47, datapoints: 48, observedHours: 48, periodSeconds: 3600 });
    expect(s.sum).toBeUndefined();
    expect(observedDays(s.daily)).toEqual([
      { date: '2026-06-01', avg: 11.5, max: 23, datapoints: 24 },
      { date: '2026-06-02', avg: 35.5, max: 47, datapoints: 24 },
    ]);
    expect(s.hourOfWeek?.mean[0]).toBe(0);
    expect(s.hourOfWeek?.mean[24 + 5]).toBe(29);
    // Only Monday and Tuesday had datapoints: every later hour is unobserved, its mean 0, not null.
    expect(s.hourOfWeek?.mean[100]).toBe(0);
    expect(s.hourOfWeek?.unobserved).toEqual(Array.from({ length: 120 }, (_, i) => 48 + i));
  });

  it('marks the hours of the week without a datapoint unobserved, and leaves the list out when every hour has one', () => {
    // Two weeks of hourly data, stopped Wednesday 02:00-04:59 both weeks; Thursday 10:00 only missing in week 1.
    const gaps = (h: number) => [50, 51, 52, 218, 219, 220, 82].includes(h);
    const hours = Array.from({ length: 336 }, (_, h) => h).filter((h) => !gaps(h));
    const s = summarize({ timestamps: hours.map((h) => monday + h * H), values: hours.map(() => 3) }, 3600, {
      counter: false,
      windowHours: 336,
      hourOfWeek: true,
    })!;
    expect(s.hourOfWeek?.unobserved).toEqual([50, 51, 52]);
    expect([49, 50, 51, 52, 53, 82].map((h) => s.hourOfWeek?.mean[h])).toEqual([3, 0, 0, 0, 3, 3]);
    expect(s.hourOfWeek?.mean.every((v) => typeof v === 'number')).toBe(true);
    const full = Array.from({ length: 168 }, (_, h) => monday + h * H);
    const complete = summarize({ timestamps: full, values: full.map(() => 1) }, 3600, { counter: false, windowHours: 168, hourOfWeek: true })!;
    expect(complete.hourOfWeek).toEqual({ mean: Array.from({ length: 168 }, () => 1) });
  });

  it('counters carry sums per day and overall; unordered input is sorted', () => {
    const s = summarize({ timestamps: [monday + 25 * H, monday, monday + H], values: [5, 1, 2] }, 3600, { counter: true, windowHours: 336, daily: true })!;
    expect(s.sum).toBe(8);
    expect(observedDays(s.daily).map((d) => [d.date, d.sum])).toEqual([
      ['2026-06-01', 3],
      ['2026-06-02', 5],
    ]);
  });

  it('a sparse daily series counts 24 observed hours per datapoint, capped at the window', () => {
    const days = Array.from({ length: 14 }, (_, d) => monday + d * 24 * H + 12 * H);
    const s = summarize({ timestamps: days, values: days.map(() => 1) }, 3600, { counter: false, windowHours: 336, daily: true })!;
    expect(s.observedHours).toBe(336);
    expect(s.daily?.datapoints).toHaveLength(14);
    expect(s.hourOfWeek).toBeUndefined(); // not asked for: only CPU and GPU utilisation keep a profile
    const coarse = summarize({ timestamps: days, values: days.map(() => 1) }, 86400, { counter: false, windowHours: 100, hourOfWeek: true })!;
    expect(coarse.observedHours).toBe(100);
    expect(coarse.hourOfWeek).toBeUndefined();
  });

  it('keeps per-day columns only when asked: most series are read as window summaries only', () => {
    const values = Array.from({ length: 48 }, (_, i) => i);
    const series = { timestamps: values.map((i) => monday + i * H), values };
    for (const counter of [false, true]) {
      const without = summarize(series, 3600, { counter, windowHours: 336 })!;
      expect(without.daily).toBeUndefined();
      expect(without).toEqual({ ...summarize(series, 3600, { counter, windowHours: 336, daily: true })!, daily: undefined });
    }
    expect(summarize(series, 3600, { counter: false, windowHours: 336, daily: false })!.daily).toBeUndefined();
  });

  it('summarizeWithProfile: the summary summarize makes and, apart, the profile summarize keeps; no profile at a period coarser than an hour or without data', () => {
    const values = Array.from({ length: 48 }, (_, i) => i);
    const series = { timestamps: values.map((i) => monday + i * H), values };
    const options = { counter: false, windowHours: 336, daily: true };
    const both = summarizeWithProfile(series, 3600, options);
    expect(both.summary).toEqual(summarize(series, 3600, options));
    expect(both.profile).toEqual(summarize(series, 3600, { counter: false, windowHours: 336, hourOfWeek: true })!.hourOfWeek);
    expect(summarizeWithProfile(series, 7200, options).profile).toBeUndefined();
    expect(summarizeWithProfile({ timestamps: [monday], values: [Number.NaN] }, 3600, options)).toEqual({});
  });

  it('an outage does not count as observed time', () => {
    const ts = [0, 1, 2, 3, 10, 11].map((h) => monday + h * H);
    expect(summarize({ timestamps: ts, values: ts.map(() => 1) }, 3600, { counter: false, windowHours: 336 })?.observedHours).toBe(6);
  });

  it('percentile is nearest-rank', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
    expect(percentile([7], 95)).toBe(7);
  });
});
