/** Hours in a week: hour-of-week profiles have one entry per hour, 0 = Monday 00:00 UTC … 167. */
export const HOURS_PER_WEEK = 168;

/**
 * The mean of several hour-of-week profiles, hour by hour, over the profiles that have a value for
 * that hour (null where none has). This is how an instance's GPU profile is made from its GPUs':
 * the collector folds them as their series arrive, and the version-3 migration folds the per-GPU
 * profiles older Snapshots kept. Sums run in the order profiles are added.
 */
export class HourOfWeekMean {
  private readonly sums = new Float64Array(HOURS_PER_WEEK);
  private readonly counts = new Uint32Array(HOURS_PER_WEEK);
  private added = 0;

  add(profile: ReadonlyArray<number | null | undefined>): void {
    this.added++;
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      const v = profile[h];
      if (v === null || v === undefined) continue;
      this.sums[h]! += v;
      this.counts[h]! += 1;
    }
  }

  /** Undefined until a profile is added: no profile is not the same as a profile of unobserved hours. */
  values(round: (n: number) => number = (n) => n): (number | null)[] | undefined {
    if (this.added === 0) return undefined;
    const out = new Array<number | null>(HOURS_PER_WEEK);
    for (let h = 0; h < HOURS_PER_WEEK; h++) out[h] = this.counts[h] ? round(this.sums[h]! / this.counts[h]!) : null;
    return out;
  }
}
