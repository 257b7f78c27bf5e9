import type { Point, SeriesSpec } from '../../bench/collect/seed.js';

/**
 * Metric series for the rules fleet, all relative to the audit's `now`. Series are as sparse as
 * the rule they feed allows (moto's GetMetricData cost grows with stored datapoints x queries):
 * one point a day at 12:00 UTC where rules read daily or window summaries, hourly only for the
 * hour-of-week profile the off-hours rule needs.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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

/** AWS/EC2 CPU (percent) and network (bytes a day, split evenly in and out) for 14 days. */
export function ec2Daily(now: Date, id: string, cpu: (day: number) => number, netBytesPerDay?: number): SeriesSpec[] {
  const dimensions = { InstanceId: id };
  const series: SeriesSpec[] = [{ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions, points: daily(now, 14, cpu) }];
  if (netBytesPerDay === undefined) return series;
  const half = () => netBytesPerDay / 2;
  return [
    ...series,
    { namespace: 'AWS/EC2', metricName: 'NetworkIn', dimensions, points: daily(now, 14, half) },
    { namespace: 'AWS/EC2', metricName: 'NetworkOut', dimensions, points: daily(now, 14, half) },
  ];
}

/** The CloudWatch agent's nvidia_smi series for one GPU, with whatever dimensions the agent appended. */
export function gpuDaily(now: Date, dims: Record<string, string>, index: number, model: string, utilPct: number, memUsedMiB: number): SeriesSpec[] {
  const dimensions = { ...dims, index: String(index), name: model };
  return [
    { namespace: 'CWAgent', metricName: 'nvidia_smi_utilization_gpu', dimensions, points: daily(now, 14, () => utilPct) },
    { namespace: 'CWAgent', metricName: 'nvidia_smi_memory_used', dimensions, points: daily(now, 14, () => memUsedMiB) },
  ];
}

/** Monday-Friday 08:00-20:00 UTC, the off-hours rule's default working day. */
export function workingHour(t: Date): boolean {
  const day = t.getUTCDay();
  return day >= 1 && day <= 5 && t.getUTCHours() >= 8 && t.getUTCHours() < 20;
}
