import type { HourOfWeekProfile } from './schema.js';

/** Hours in a week: hour-of-week profiles have one entry per hour, 0 = Monday 00:00 UTC … 167. */
export const HOURS_PER_WEEK = 168;

/** A profile's unobserved hours when it has none listed: shared, so reading one allocates nothing. */
export const NO_HOURS: readonly number[] = [];

/**
 * A profile from one value per hour, null (or missing) for an hour without a datapoint: the
 * shape older Snapshots kept, and the easiest one to write a profile in by hand.
 */
export function profileFromHours(hours: readonly (number | null | undefined)[]): HourOfWeekProfile {
  const mean: number[] = [];
  const unobserved: number[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const v = hours[h];
    if (v === null || v === undefined) unobserved.push(h);
    mean.push(v ?? 0);
  }
  return unobserved.length ? { mean, unobserved } : { mean };
}

/**
 * The mean of several hour-of-week profiles, hour by hour, over the profiles that observed that
 * hour (unobserved where none did). This is how an instance's GPU profile is made from its GPUs':
 * the collector folds them as their series arrive, and the version-3 migration folds the per-GPU
 * profiles older Snapshots kept. Sums run in the order profiles are added.
 */
export class HourOfWeekMean {
  private readonly sums = new Float64Array(HOURS_PER_WEEK);
  private readonly counts = new Uint32Array(HOURS_PER_WEEK);
  private added = 0;

  add(profile: HourOfWeekProfile): void {
    this.added++;
    const unobserved = profile.unobserved ?? NO_HOURS;
    let next = 0;
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      if (next < unobserved.length && unobserved[next] === h) {
        next++;
        continue;
      }
      this.sums[h]! += profile.mean[h]!;
      this.counts[h]! += 1;
    }
  }

  /** Undefined until a profile is added: no profile is not the same as a profile of unobserved hours. */
  values(round: (n: number) => number = (n) => n): HourOfWeekProfile | undefined {
    return this.added === 0 ? undefined : profileFromSums(this.sums, this.counts, round);
  }
}

/** A profile from per-hour sums and counts (one of each per hour): an hour counted zero times is unobserved. */
export function profileFromSums(sums: Float64Array, counts: Uint32Array, round: (n: number) => number): HourOfWeekProfile {
  const mean: number[] = [];
  const unobserved: number[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const n = counts[h]!;
    if (n === 0) unobserved.push(h);
    mean.push(n ? round(sums[h]! / n) : 0);
  }
  return unobserved.length ? { mean, unobserved } : { mean };
}
