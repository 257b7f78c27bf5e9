import type { ServiceName } from '../aws/services.js';
import type { ResourceType } from '../snapshot/resources.js';
import type { InstanceTypeSpec, SnapshotInput, SpotPrice } from '../snapshot/schema.js';
import type { RegionContext } from './context.js';

/** What one collector adds to the Snapshot: entries of resource lists, instance specs, spot prices. */
export interface SnapshotPart {
  resources?: Partial<SnapshotInput['resources']>;
  instanceTypes?: Record<string, InstanceTypeSpec>;
  spotPrices?: SpotPrice[];
}

/** What a collector may read: its account and region, every region audited, and what earlier collectors found. */
export interface CollectorContext extends RegionContext {
  /** Every region of the run (account-wide collectors keep what lives in them). */
  regions: ReadonlySet<string>;
  /** The result of a collector this one runs after (`after`), in this account and region or account-wide; undefined when it failed. */
  resultOf<Out>(collector: Collector<Out>): Out | undefined;
  /** The same result once that collector has finished (at once when it is not part of the run): what a `startsEarly` collector awaits. */
  settled<Out>(collector: Collector<Out>): Promise<Out | undefined>;
}

/**
 * One source of facts, as Cloud Custodian's resources declare theirs: the AWS service whose calls
 * it makes, the IAM actions those need (`mlcost permissions` prints their union), where it runs
 * (once per account, or per account and region), which collectors' results it reads, and what it
 * adds to the Snapshot. A failure loses only its own result: a warning naming `what`, never the run.
 */
export interface Collector<Out = unknown> {
  /** Unique, kebab-case, the name of its file under src/collect/. */
  id: string;
  service: ServiceName;
  scope: 'region' | 'account';
  iamActions: readonly string[];
  /** The resource type whose Snapshot list it fills, when it fills one. */
  resourceType?: ResourceType;
  /** Its step on the live progress line (calls, then a count); collectors may share a step. */
  step: string;
  /** What a failed read loses, in the warning: "could not read <what>". */
  what: string;
  /** Collectors whose results it reads; they run first. Region collectors may read account-wide ones, not the reverse. */
  after?: readonly Collector[];
  /** Starts with its target instead of after its `after`, and awaits each of those through ctx.settled as it needs it. */
  startsEarly?: boolean;
  /** When it fails because the region is not usable (not enabled, unreachable), nothing else runs there: one warning, not one per API. */
  probe?: boolean;
  collect(ctx: CollectorContext): Promise<Out>;
  /** What the result adds to the Snapshot (nothing for collectors that annotate others' resources, like metrics). */
  toSnapshot?(out: Out): SnapshotPart;
  /** How many things it found, for the progress line. */
  count?(out: Out): number;
}

/** A collector definition with its result type inferred from `collect`. */
export function defineCollector<Out>(c: Collector<Out>): Collector<Out> {
  return c;
}
