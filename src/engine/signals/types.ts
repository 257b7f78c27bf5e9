import type { Price, PriceBook } from '../../catalog/index.js';
import type { Config } from '../../config/schema.js';
import type { Snapshot } from '../../snapshot/schema.js';

/** What every signal builder may read besides the resource itself. */
export interface SignalContext {
  snapshot: Snapshot;
  prices: PriceBook;
  minObservedHours: number;
  config: Config;
  /** The end of the metrics window: ages are measured from here, not from the wall clock. */
  asOf: Date;
}

/** What a resource costs now, with the price that says so (or why it is unknown). */
export interface ResourceCost {
  monthly: number | null;
  prices: { item: string; price: Price }[];
  unknown: string[];
}

export const UNPRICED: ResourceCost = { monthly: null, prices: [], unknown: [] };
