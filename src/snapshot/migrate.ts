import { z } from 'zod';
import { dailySeries } from './daily.js';
import { HOURS_PER_WEEK, HourOfWeekMean, profileFromHours } from './hour-of-week.js';
import { SNAPSHOT_SCHEMA_VERSION } from './schema.js';

/** Version 1 kept each day of a metric as an object; version 2 keeps columns (see schema.ts). */
const V1DayRowSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  avg: z.number(),
  max: z.number(),
  sum: z.number().optional(),
  datapoints: z.number().int().nonnegative(),
});

/** A version-1 or -2 hour-of-week profile as the schema then accepted it: a value per hour, null where unobserved. */
const V2HourOfWeekSchema = z.array(z.number().nullable()).length(HOURS_PER_WEEK);

type Json = Record<string, unknown>;

/**
 * What each version changed, as an upgrade of one resource entry (of the named list) from that
 * version to the next. Every change so far lives inside resources, so the line-by-line reader can
 * upgrade a resource at a time and a large old file never has to be one string.
 */
const UPGRADES: readonly { from: number; upgrade: (list: string, entry: Json) => void }[] = [
  {
    from: 1,
    upgrade: (_, entry) => {
      upgradeDailyRows(entry);
    },
  },
  {
    from: 2,
    upgrade: (list, entry) => {
      if (list === 'ec2Instances') foldGpuProfiles(entry);
      upgradeHourOfWeek(entry);
    },
  },
];

/** Whether migrateResource can upgrade entries of a Snapshot of this version. */
export function isUpgradable(version: unknown): version is number {
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < SNAPSHOT_SCHEMA_VERSION;
}

/**
 * Upgrades a parsed Snapshot document in place to the current version, so snapshots saved by an
 * older mlcost keep working. Returns the version it started from. Values that are not in the
 * shape the old version wrote are left as they are, for the schema to report with their path.
 */
export function migrateSnapshot(raw: Json): number {
  const from = raw['schemaVersion'];
  if (isUpgradable(from)) {
    const resources = raw['resources'];
    if (isObject(resources)) {
      for (const [list, entries] of Object.entries(resources)) {
        if (Array.isArray(entries)) for (const entry of entries) migrateResource(list, entry, from);
      }
    }
    raw['schemaVersion'] = SNAPSHOT_SCHEMA_VERSION;
  }
  return typeof from === 'number' ? from : Number.NaN;
}

/** Upgrades one parsed entry of resources[list], written by a Snapshot of version `from`, in place. */
export function migrateResource(list: string, entry: unknown, from: number): void {
  if (!isObject(entry)) return;
  for (const step of UPGRADES) if (step.from >= from) step.upgrade(list, entry);
}

/** Version-1 day rows under any `daily` key become version-2 columns (none left: the key goes). */
function upgradeDailyRows(node: unknown): void {
  rewriteKey(node, 'daily', (value) => {
    const rows = z.array(V1DayRowSchema).safeParse(value);
    return rows.success ? dailySeries(rows.data) : UNCHANGED;
  });
}

/**
 * Version 2 kept an hour-of-week profile per GPU; version 3 keeps their mean per instance
 * (`metrics.gpuUtilHourOfWeek`), folded the way the schedule rules folded them before: hour by
 * hour over the GPUs with a value for that hour, unobserved where none had one, unrounded, so an
 * old file audits exactly as it did. A profile that is not one version 2 accepted is left in
 * place, where the version-3 schema drops it like any field it does not know.
 */
function foldGpuProfiles(instance: Json): void {
  const metrics = instance['metrics'];
  if (!isObject(metrics) || !Array.isArray(metrics['gpus'])) return;
  const mean = new HourOfWeekMean();
  for (const gpu of metrics['gpus']) {
    const utilization = isObject(gpu) ? gpu['utilization'] : undefined;
    if (!isObject(utilization)) continue;
    const profile = V2HourOfWeekSchema.safeParse(utilization['hourOfWeek']);
    if (!profile.success) continue;
    mean.add(profileFromHours(profile.data));
    delete utilization['hourOfWeek'];
  }
  const folded = mean.values();
  if (folded) metrics['gpuUtilHourOfWeek'] = folded;
}

/**
 * Versions 1 and 2 kept a profile as one value per hour, null where unobserved; version 3 keeps
 * numbers only (see HourOfWeekProfileSchema). Any metric summary may hold one in older files.
 * A value not in the old shape is left for the schema to report with its path.
 */
function upgradeHourOfWeek(node: unknown): void {
  rewriteKey(node, 'hourOfWeek', (value) => {
    const hours = V2HourOfWeekSchema.safeParse(value);
    return hours.success ? profileFromHours(hours.data) : UNCHANGED;
  });
}

const UNCHANGED = Symbol('unchanged');

/**
 * Replaces, anywhere below `node`, each array under `key` with what `rewrite` makes of it:
 * UNCHANGED leaves it (for the schema to report with its path), undefined removes the key.
 */
function rewriteKey(node: unknown, key: string, rewrite: (value: unknown[]) => unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteKey(item, key, rewrite);
    return;
  }
  if (!isObject(node)) return;
  for (const [k, value] of Object.entries(node)) {
    if (k === key && Array.isArray(value)) {
      const next = rewrite(value);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a migration removes the key it rewrites
      if (next === undefined) delete node[k];
      else if (next !== UNCHANGED) node[k] = next;
    } else if (typeof value === 'object' && value !== null) {
      rewriteKey(value, key, rewrite);
    }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
