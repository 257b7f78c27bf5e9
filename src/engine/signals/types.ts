import type { Price, PriceBook } from '../../catalog/index.js';
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
