import type { Point, SeriesSpec } from '../../bench/collect/seed.js';

/**
 * Metric series for the rules fleet, all relative to the audit's `now`: one point an hour for the
 * 14-day window, as the CloudWatch agent and AWS/EC2 publish them and the collector reads them
 * (period 3600), except S3 storage and Storage Lens metrics, which AWS publishes once a day.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WINDOW_DAYS = 14;

/** One point a day at 12:00 UTC for the `days` whole days before `now`; `day` 0 is yesterday. */
export function daily(now: Date, days: number, value: (day: number) => number): Point[] {
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  return Array.from({ length: days }, (_, d) => ({ t: new Date(midnight - (d + 1) * DAY + 12 * HOUR), v: value(d) }));
}

/** One point an hour for the `hours` whole hours before `now`. */
export function hourly(now: Date, hours: number, value: (t: Date) => number): Point[] {
  const top = Math.floor(now.getTime() / HOUR) * HOUR;
  return Array.from({ length: hours }, (_, h) => {
    const t = new Date(top - (h + 1) * HOUR);
    return { t, v: value(t) };
  });
}

/** One point an hour over the whole window; `day` counts whole days back from `now` (0 = the last 24 h). */
export function windowHourly(now: Date, value: (day: number, t: Date) => number): Point[] {
  const top = Math.floor(now.getTime() / HOUR) * HOUR;
  return hourly(now, WINDOW_DAYS * 24, (t) => value(Math.floor((top - t.getTime() - 1) / DAY), t));
}

/**
 * One point an hour over the 13 whole UTC days before today, all inside the 14-day window whatever
 * the hour now: for series a rule judges day by day (a notebook's idle days), so the count of days
 * does not depend on when the test runs. `day` 0 is yesterday.
 */
export function wholeDaysHourly(now: Date, value: (day: number) => number): Point[] {
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  return Array.from({ length: (WINDOW_DAYS - 1) * 24 }, (_, h) => {
    const t = new Date(midnight - (h + 1) * HOUR);
    return { t, v: value(Math.floor(h / 24)) };
  });
}

/** AWS/EC2 CPU (percent) and network (bytes a day, spread over its hours, split evenly in and out). */
export function ec2Hourly(now: Date, id: string, cpu: (day: number, t: Date) => number, netBytesPerDay?: number): SeriesSpec[] {
  const dimensions = { InstanceId: id };
  const series: SeriesSpec[] = [{ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions, points: windowHourly(now, cpu) }];
  if (netBytesPerDay === undefined) return series;
  const half = () => netBytesPerDay / 48;
  return [
    ...series,
    { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions, points: windowHourly(now, half) },
    { namespace: 'AWS/EC2', metricName: 'NetworkOut', dimensions, points: windowHourly(now, half) },
  ];
}

/** The CloudWatch agent's nvidia_smi series for one GPU, with whatever dimensions the agent appended. */
export function gpuHourly(now: Date, dims: Record<string, string>, index: number, model: string, utilPct: number, memUsedMiB: number): SeriesSpec[] {
  const dimensions = { ...dims, index: String(index), name: model };
  return [
    { namespace: 'CWAgent', metricName: 'nvidia_smi_utilization_gpu', dimensions, points: windowHourly(now, () => utilPct) },
    { namespace: 'CWAgent', metricName: 'nvidia_smi_memory_used', dimensions, points: windowHourly(now, () => memUsedMiB) },
  ];
}

/** Monday-Friday 08:00-20:00 UTC, the off-hours rule's default working day. */
export function workingHour(t: Date): boolean {
  const day = t.getUTCDay();
  return day >= 1 && day <= 5 && t.getUTCHours() >= 8 && t.getUTCHours() < 20;
}
