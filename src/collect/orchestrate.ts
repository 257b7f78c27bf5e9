import type { SnapshotInput, SnapshotWarning } from '../snapshot/schema.js';
import type { Collector, CollectorContext, SnapshotPart } from './collector.js';
import { guarded, warnFailure, WarningSink } from './context.js';

/** Each collector's result for one account (account-wide) or one account and region; a failed one has none. */
export type Results = ReadonlyMap<Collector, unknown>;

/** A region that cannot be used (not enabled, unreachable) is skipped after its probe: one warning, not one per API. */
const REGION_UNUSABLE = new Set(['opt-in-required', 'unreachable']);

/**
 * One scope's collectors running for one target. Each collector starts as soon as the collectors in
 * its `after` have settled (in this scope, or in the wider scope `outer`: the account's, for a
 * region), not when a whole wave has; a `startsEarly` collector starts at once and awaits what it
 * reads through ctx.settled. Collectors start with the probes rather than after them (the probe is
 * the slowest read of a region); their warnings are held until the probes succeed, and dropped with
 * their results when a probe finds the region unusable.
 */
export class TargetRun {
  readonly results = new Map<Collector, unknown>();
  /** Resolves once every collector has settled: the results, or none when the region is unusable. */
  readonly done: Promise<Results>;
  private readonly running = new Map<Collector, Promise<void>>();
  private readonly inScope: ReadonlySet<Collector>;
  private readonly held: HeldWarnings;
  private readonly heldCtx: CollectorContext;
  /** Set when a probe found the region unusable: collectors still waiting for their `after` do not start. */
  private unusable = false;

  constructor(
    collectors: readonly Collector[],
    private readonly base: Omit<CollectorContext, 'resultOf' | 'settled'>,
    private readonly outer?: TargetRun | Results,
  ) {
    this.inScope = new Set(collectors);
    this.held = new HeldWarnings(base.warnings);
    this.heldCtx = this.context(this.held);
    const probed = this.runProbes(collectors.filter((c) => c.probe === true));
    for (const c of collectors) void this.start(c);
    this.done = (async () => {
      await probed;
      await Promise.all(this.running.values());
      if (this.unusable) this.results.clear();
      return this.results;
    })();
  }

  private context(warnings: WarningSink): CollectorContext {
    return {
      ...this.base,
      warnings,
      resultOf: <Out>(c: Collector<Out>) => this.resultOf(c) as Out | undefined,
      settled: async <Out>(c: Collector<Out>) => {
        await this.settled(c);
        return this.resultOf(c) as Out | undefined;
      },
    };
  }

  /** Probes write their warnings straight through; the others' are released (or dropped) once every probe has answered. */
  private runProbes(probes: readonly Collector[]): Promise<void> {
    const ctx = this.context(this.base.warnings);
    const answered = Promise.all(
      probes.map((c) =>
        c.collect(ctx).then(
          (out) => {
            this.keep(c, out);
            return true;
          },
          (err: unknown) => !REGION_UNUSABLE.has(warnFailure(ctx, c.service, c.what, err).kind),
        ),
      ),
    ).then((usable) => {
      this.unusable = !usable.every(Boolean);
      this.held.release(!this.unusable);
    });
    for (const c of probes) this.running.set(c, answered);
    return answered;
  }

  /** Memoised, dependencies first, so a collector's `after` is in `running` before it is awaited. */
  private start(c: Collector): Promise<void> {
    const existing = this.running.get(c);
    if (existing) return existing;
    const run = (async () => {
      if (c.startsEarly !== true) await Promise.all((c.after ?? []).map((dep) => this.settled(dep)));
      if (this.unusable) return;
      this.keep(c, await guarded(this.heldCtx, c.service, c.what, () => c.collect(this.heldCtx)));
    })();
    this.running.set(c, run);
    return run;
  }

  private keep(c: Collector, out: unknown): void {
    if (out !== undefined) this.results.set(c, out);
  }

  private resultOf(c: Collector): unknown {
    if (this.results.has(c)) return this.results.get(c);
    return this.outer instanceof TargetRun ? this.outer.results.get(c) : this.outer?.get(c);
  }

  /** Settles when `c` has run here or in the wider scope; at once when neither runs it. */
  private async settled(c: Collector): Promise<void> {
    if (this.inScope.has(c)) return this.start(c);
    if (this.outer instanceof TargetRun) return this.outer.settled(c);
  }
}

/**
 * Warnings of collectors that started before the region's probe answered: passed through once the
 * probe succeeded, dropped (with what was held) when it found the region unusable.
 */
class HeldWarnings extends WarningSink {
  private held: SnapshotWarning[] | undefined = [];
  private dropped = false;

  constructor(private readonly sink: WarningSink) {
    super();
  }

  override add(w: SnapshotWarning): void {
    if (this.dropped) return;
    if (this.held) this.held.push(w);
    else this.sink.add(w);
  }

  release(pass: boolean): void {
    const held = this.held ?? [];
    this.held = undefined;
    this.dropped = !pass;
    if (pass) for (const w of held) this.sink.add(w);
  }
}

/** Runs one scope's collectors for one target (see TargetRun) and returns their results. */
export function runCollectors(
  collectors: readonly Collector[],
  base: Omit<CollectorContext, 'resultOf' | 'settled'>,
  outer?: TargetRun | Results,
): Promise<Results> {
  return new TargetRun(collectors, base, outer).done;
}

/**
 * The list is consistent: ids unique, every dependency listed, and an account-wide collector never
 * waits for a regional one (account-wide collectors run first). Checked by the collectors' test.
 */
export function collectorProblems(collectors: readonly Collector[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const c of collectors) {
    if (ids.has(c.id)) problems.push(`${c.id}: listed twice`);
    ids.add(c.id);
    for (const dep of c.after ?? []) {
      if (!collectors.includes(dep)) problems.push(`${c.id}: runs after ${dep.id}, which is not listed`);
      else if (c.scope === 'account' && dep.scope === 'region') problems.push(`${c.id}: account-wide, cannot run after the regional ${dep.id}`);
    }
    if (dependsOn(c, c, new Set())) problems.push(`${c.id}: depends on itself`);
  }
  return problems;
}

function dependsOn(c: Collector, target: Collector, seen: Set<Collector>): boolean {
  for (const dep of c.after ?? []) {
    if (dep === target) return true;
    if (seen.has(dep)) continue;
    seen.add(dep);
    if (dependsOn(dep, target, seen)) return true;
  }
  return false;
}

/** What the progress line shows when a target is done: per step, the sum of its collectors' counts. */
export function stepCounts(collectors: readonly Collector[], results: Results): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of collectors) {
    if (!c.count) continue;
    const out = results.get(c);
    counts[c.step] = (counts[c.step] ?? 0) + (out !== undefined ? c.count(out) : 0);
  }
  return counts;
}

/** The Snapshot's data from every target's results, in target order then collector order. */
export function mergeResults(
  collectors: readonly Collector[],
  targets: readonly Results[],
): Required<Pick<SnapshotInput, 'resources' | 'instanceTypes' | 'spotPrices'>> {
  const lists = new Map<string, unknown[]>();
  const instanceTypes: NonNullable<SnapshotPart['instanceTypes']> = {};
  const spotPrices: NonNullable<SnapshotPart['spotPrices']> = [];
  const append = <T>(into: T[], items: readonly T[]) => {
    for (const item of items) into.push(item);
  };
  for (const results of targets) {
    for (const c of collectors) {
      const out = results.get(c);
      if (out === undefined || !c.toSnapshot) continue;
      const part = c.toSnapshot(out);
      for (const [key, items] of Object.entries(part.resources ?? {}) as [string, readonly unknown[]][]) {
        let list = lists.get(key);
        if (!list) lists.set(key, (list = []));
        append(list, items);
      }
      Object.assign(instanceTypes, part.instanceTypes);
      append(spotPrices, part.spotPrices ?? []);
    }
  }
  // Entries are checked one by one when the Snapshot is validated (validate.ts).
  return { resources: Object.fromEntries(lists), instanceTypes, spotPrices };
}
