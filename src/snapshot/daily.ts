import type { DailySeries } from './schema.js';

/** One UTC day of a metric, the way collectors compute it and migrations read version-1 files. */
export interface DayValue {
  date: string;
  avg: number;
  max: number;
  sum?: number;
  datapoints: number;
}

const DAY_MS = 86_400_000;

/**
 * Columns from days in any order; dates missing between the first and last become days with no
 * datapoints. Sums are kept only when every day has one (counters), so a gauge never gains zeros.
 */
export function dailySeries(days: readonly DayValue[]): DailySeries | undefined {
  if (days.length === 0) return undefined;
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const first = dayNumber(sorted[0]!.date);
  const length = dayNumber(sorted[sorted.length - 1]!.date) - first + 1;
  const counter = sorted.every((d) => d.sum !== undefined);
  const series: DailySeries = {
    start: sorted[0]!.date,
    avg: new Array<number>(length).fill(0),
    max: new Array<number>(length).fill(0),
    datapoints: new Array<number>(length).fill(0),
    ...(counter ? { sum: new Array<number>(length).fill(0) } : {}),
  };
  for (const d of sorted) {
    const i = dayNumber(d.date) - first;
    series.avg[i] = d.avg;
    series.max[i] = d.max;
    series.datapoints[i] = d.datapoints;
    if (series.sum) series.sum[i] = d.sum!;
  }
  return series;
}

/** The days that had data, oldest first. Allocates: for code that is not run per resource per rule. */
export function observedDays(series: DailySeries | undefined): DayValue[] {
  const out: DayValue[] = [];
  if (!series) return out;
  for (let i = 0; i < series.datapoints.length; i++) {
    if (series.datapoints[i] === 0) continue;
    out.push({
      date: dateAt(series, i),
      avg: series.avg[i]!,
      max: series.max[i]!,
      ...(series.sum ? { sum: series.sum[i]! } : {}),
      datapoints: series.datapoints[i]!,
    });
  }
  return out;
}

/** The UTC date (YYYY-MM-DD) of entry i. */
export function dateAt(series: Pick<DailySeries, 'start'>, i: number): string {
  return dateOfDay(dayNumber(series.start) + i);
}

/*
 * A snapshot names the same few dozen dates in every series of every resource: converting them
 * once each and handing out the same strings keeps a large fleet from allocating millions.
 */
const dayNumbers = new Map<string, number>();
const dates = new Map<number, string>();

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    dayNumbers.set(date, n);
  }
  return n;
}

function dateOfDay(n: number): string {
  let date = dates.get(n);
  if (date === undefined) {
    date = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dates.set(n, date);
  }
  return date;
}
