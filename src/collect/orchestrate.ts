import type { SnapshotInput } from '../snapshot/schema.js';
import type { Collector, CollectorContext, SnapshotPart } from './collector.js';
import { guarded, warnFailure } from './context.js';

/** Each collector's result for one account (account-wide) or one account and region; a failed one has none. */
export type Results = ReadonlyMap<Collector, unknown>;

/** A region that cannot be used (not enabled, unreachable) is skipped after its probe: one warning, not one per API. */
const REGION_UNUSABLE = new Set(['opt-in-required', 'unreachable']);

/**
 * Runs one scope's collectors for one target: probes first, then waves in dependency order (a
 * collector runs once everything in its `after` of the same scope has), each wave concurrently.
 * Results of the wider scope (`outer`: the account's, for a region) are readable through resultOf.
 */
export async function runCollectors(collectors: readonly Collector[], base: Omit<CollectorContext, 'resultOf'>, outer?: Results): Promise<Results> {
  const results = new Map<Collector, unknown>();
  const ctx: CollectorContext = {
    ...base,
    resultOf: <Out>(c: Collector<Out>) => (results.has(c) ? results.get(c) : outer?.get(c)) as Out | undefined,
  };
  const keep = (c: Collector) => (out: unknown) => {
    if (out !== undefined) results.set(c, out);
  };
  const unusable = await Promise.all(
    collectors
      .filter((c) => c.probe === true)
      .map((c) =>
        c.collect(ctx).then(
          (out) => {
            keep(c)(out);
            return false;
          },
          (err: unknown) => REGION_UNUSABLE.has(warnFailure(ctx, c.service, c.what, err).kind),
        ),
      ),
  );
  if (unusable.includes(true)) return new Map();
  for (const wave of waves(
    collectors.filter((c) => c.probe !== true),
    collectors,
  )) {
    await Promise.all(wave.map((c) => guarded(ctx, c.service, c.what, () => c.collect(ctx)).then(keep(c))));
  }
  return results;
}

/** Collectors grouped by depth: 0 without dependencies in `scope`, else one more than the deepest. */
function waves(pending: readonly Collector[], scope: readonly Collector[]): Collector[][] {
  const depth = new Map<Collector, number>();
  const depthOf = (c: Collector): number => {
    let d = depth.get(c);
    if (d === undefined) {
      const deps = (c.after ?? []).filter((dep) => scope.includes(dep) && dep.probe !== true);
      d = deps.length ? 1 + Math.max(...deps.map(depthOf)) : 0;
      depth.set(c, d);
    }
    return d;
  };
  const out: Collector[][] = [];
  for (const c of pending) (out[depthOf(c)] ??= []).push(c);
  return out.filter((wave) => wave.length > 0);
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
