import type { Finding } from '../result.js';
import type { ResourceCost } from '../signals/index.js';
import { priceEntry } from './types.js';

/** The pricing block for a move whose saving is what the resource costs now (delete, stop). */
export function pricingOfCost(cost: ResourceCost, method: string): Finding['pricing'] {
  return {
    method,
    prices: cost.prices.map((p) => priceEntry(p.item, p.price)),
    ...(cost.unknown.length ? { unknown: cost.unknown } : {}),
  };
}
