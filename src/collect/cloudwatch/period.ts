/**
 * Up to 14 days the period is one hour: hour-of-week profiles (off-hours schedules) need it, and
 * a 500-query batch then spans at most two response pages. Longer lookbacks take the finest
 * period at which a full batch of 500 queries fits in one response (100,800 datapoints), never
 * finer than CloudWatch still keeps (60 s for 15 days, 300 s for 63 days, 3600 s to 455 days):
 * 30 days -> 4 h, 90 days -> 12 h; past ~200 days even daily data takes more than one page. Every tier divides a day, so no daily summary straddles midnight.
 */
export const MAX_QUERIES_PER_CALL = 500;
export const MAX_DATAPOINTS_PER_CALL = 100_800;
const PERIOD_TIERS = [3600, 7200, 10800, 14400, 21600, 28800, 43200, 86400] as const;

export function retentionFloorSeconds(lookbackDays: number): number {
  if (lookbackDays <= 15) return 60;
  if (lookbackDays <= 63) return 300;
  return 3600;
}

export const HOURLY_UP_TO_DAYS = 14;

export function choosePeriod(lookbackDays: number): number {
  if (lookbackDays <= HOURLY_UP_TO_DAYS) return 3600;
  const seconds = lookbackDays * 86400;
  const floor = retentionFloorSeconds(lookbackDays);
  for (const p of PERIOD_TIERS) {
    const points = Math.ceil(seconds / p) + 1;
    if (p >= floor && points * MAX_QUERIES_PER_CALL <= MAX_DATAPOINTS_PER_CALL) return p;
  }
  return 86400;
}

export interface MetricWindow {
  start: Date;
  end: Date;
  days: number;
  periodSeconds: number;
}

/** The lookback ends at the last whole hour, so repeated runs in one hour ask the same question. */
export function metricWindow(lookbackDays: number, now: Date): MetricWindow {
  const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const start = new Date(end.getTime() - lookbackDays * 86_400_000);
  return { start, end, days: lookbackDays, periodSeconds: choosePeriod(lookbackDays) };
}
