import { z } from 'zod';
import { dailySeries } from './daily.js';

/** Version 1 kept each day of a metric as an object; version 2 keeps columns (see schema.ts). */
const V1DayRowSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  avg: z.number(),
  max: z.number(),
  sum: z.number().optional(),
  datapoints: z.number().int().nonnegative(),
});

/**
 * Upgrades a parsed Snapshot document in place to the current version, so snapshots saved by an
 * older mlcost keep working. Returns the version it started from. A `daily` array that is not a
 * list of version-1 day rows is left as it is, for the schema to report with its path.
 */
export function migrateSnapshot(raw: Record<string, unknown>): number {
  const from = raw['schemaVersion'];
  if (from === 1) {
    upgradeDailyRows(raw);
    raw['schemaVersion'] = 2;
  }
  return typeof from === 'number' ? from : Number.NaN;
}

function upgradeDailyRows(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) upgradeDailyRows(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'daily' && Array.isArray(value)) {
      const rows = z.array(V1DayRowSchema).safeParse(value);
      if (rows.success) {
        const series = dailySeries(rows.data);
        if (series) obj[key] = series;
        else delete obj[key];
      }
    } else if (typeof value === 'object' && value !== null) {
      upgradeDailyRows(value);
    }
  }
}
