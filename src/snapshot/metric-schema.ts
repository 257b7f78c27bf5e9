import { z } from 'zod';
import { HOURS_PER_WEEK } from './hour-of-week.js';

/** Building blocks every resource schema shares: timestamps, tags and metric summaries. */
export const isoDate = z.iso.datetime({ offset: true });
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const tags = z.record(z.string(), z.string());

/** Unobserved hours are listed once each, in ascending order: readers walk them alongside the means. */
export function unobservedAscending(p: { unobserved?: number[] | undefined }): boolean {
  const hours = p.unobserved ?? [];
  for (let i = 1; i < hours.length; i++) if (hours[i]! <= hours[i - 1]!) return false;
  return true;
}

/**
 * A mean per hour of week (0 = Monday 00:00 UTC … 167) and the hours with no datapoint, whose
 * mean is 0. An unobserved hour is not an idle one: schedule rules never count it as off-hours idle.
 */
export const HourOfWeekProfileSchema = z
  .object({
    mean: z.array(z.number()).length(HOURS_PER_WEEK),
    /** Hours (0 … 167, ascending) without any datapoint; absent when every hour was observed. */
    unobserved: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(HOURS_PER_WEEK - 1),
      )
      .optional(),
  })
  .refine(unobservedAscending, { error: 'unobserved hours must be listed once each, in ascending order', path: ['unobserved'] })
  .meta({ id: 'HourOfWeekProfile' });

/** Every column of a per-day series has one entry per day. */
export function columnsAligned(d: { avg: unknown[]; max: unknown[]; sum?: unknown[] | undefined; datapoints: unknown[] }): boolean {
  return d.avg.length === d.datapoints.length && d.max.length === d.datapoints.length && (d.sum === undefined || d.sum.length === d.datapoints.length);
}

/**
 * Per-UTC-day values of one metric as columns: entry i is `start` plus i days, every column has
 * one entry per day, and a day with `datapoints` 0 had no data (its other values are 0).
 */
export const DailySeriesSchema = z
  .object({
    start: day,
    avg: z.array(z.number()),
    max: z.array(z.number()),
    /** Sum over each day, for counters (bytes, invocations). */
    sum: z.array(z.number()).optional(),
    datapoints: z.array(z.number().int().nonnegative()),
  })
  .refine(columnsAligned, { error: 'avg, max, sum and datapoints must have one entry per day' })
  .meta({ id: 'DailySeries' });

export const MetricSummarySchema = z
  .object({
    avg: z.number(),
    p50: z.number(),
    p95: z.number(),
    max: z.number(),
    /** Sum of all datapoints, for counters (bytes, invocations, I/O ops). */
    sum: z.number().optional(),
    datapoints: z.number().int().nonnegative(),
    /** Hours of the window with at least one datapoint (a day-resolution series counts 24 per day). */
    observedHours: z.number().nonnegative(),
    periodSeconds: z.number().int().positive(),
    /**
     * Per-day values, oldest first. Collected only for the series something reads per day (EC2 CPU
     * and network, GPU utilisation, notebook CPU); older Snapshots may have it for every metric.
     */
    daily: DailySeriesSchema.optional(),
    /**
     * Average by hour of week, and the hours with no datapoint; when collected at hourly or finer
     * period, and only for EC2 CPU (GPUs: `gpuUtilHourOfWeek`) and SageMaker endpoint Invocations.
     */
    hourOfWeek: HourOfWeekProfileSchema.optional(),
  })
  .meta({ id: 'MetricSummary' });

/** A GPU's utilisation: a metric summary without an hour-of-week profile (the instance keeps one for all its GPUs). */
const GpuUtilizationSummarySchema = MetricSummarySchema.omit({ hourOfWeek: true }).meta({ id: 'GpuUtilizationSummary' });

export const GpuMetricsSchema = z.object({
  index: z.number().int().nonnegative(),
  name: z.string().optional(),
  /** nvidia_smi_utilization_gpu, percent of time a kernel ran. */
  utilization: GpuUtilizationSummarySchema.optional(),
  /** nvidia_smi_memory_used, MiB. */
  memoryUsedMiB: MetricSummarySchema.optional(),
  /** nvidia_smi_memory_total, MiB, when reported. */
  memoryTotalMiB: z.number().positive().optional(),
});
