import type { InstanceSpec, Price, PriceBook } from '../../catalog/index.js';
import type { Config } from '../../config/schema.js';
import type { EbsVolume, Snapshot } from '../../snapshot/schema.js';

/** What every signal builder may read besides the resource itself. */
export interface SignalContext {
  snapshot: Snapshot;
  prices: PriceBook;
  minObservedHours: number;
  config: Config;
  /** The end of the metrics window: ages are measured from here, not from the wall clock. */
  asOf: Date;
  /** EBS volumes by the instance they are attached to, indexed once per audit. */
  volumesByInstance: ReadonlyMap<string, readonly EbsVolume[]>;
}

/** What a resource costs now, with the price that says so (or why it is unknown). */
export interface ResourceCost {
  monthly: number | null;
  prices: { item: string; price: Price }[];
  unknown: string[];
}

export const UNPRICED: ResourceCost = { monthly: null, prices: [], unknown: [] };

export function indexVolumesByInstance(volumes: readonly EbsVolume[]): Map<string, EbsVolume[]> {
  const index = new Map<string, EbsVolume[]>();
  for (const v of volumes) for (const a of v.attachments) index.set(a.instanceId, [...(index.get(a.instanceId) ?? []), v]);
  return index;
}

/** What a rule can compare a signal with; the signal reference and `mlcost rules explain` print it. */
export type SignalValueType = 'bool' | 'number' | 'string' | 'string list' | 'list';

/** One key of a resource type's signals: its type and a one-line description. */
export interface SignalKey {
  type: SignalValueType;
  doc: string;
}

/** Every key of a signals object documented, no more (checked by `satisfies`), so rules can be checked against it at load. */
export type SignalKeys<S> = Readonly<Record<keyof S & string, SignalKey>>;

/** What a builder derives from one resource: the signals CEL sees, its cost now, and its instance spec when it has one. */
export interface ResourceFacts<S extends object = object> {
  /** Plain data handed to CEL as `signals`. */
  signals: S;
  cost: ResourceCost;
  spec?: InstanceSpec;
  /** The team its findings are attributed to, when the resource type knows better than the team tags (an EKS pod's namespace). */
  team?: string;
}

/** A resource type's signals: the documented keys and the builder that computes them, once per resource per audit. */
export interface SignalsDefinition<R, S extends object = object> {
  keys: SignalKeys<S>;
  build: (resource: R, ctx: SignalContext) => ResourceFacts<S>;
}

/** For a resource type that rules cannot ask anything derived yet: no signals, no price (not counted as unpriced). */
export const NO_SIGNALS: SignalsDefinition<unknown, Record<string, never>> = {
  keys: {},
  build: () => ({ signals: {}, cost: { monthly: null, prices: [], unknown: [] } }),
};
