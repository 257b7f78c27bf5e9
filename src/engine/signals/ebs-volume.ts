import type { EbsVolume } from '../../snapshot/schema.js';
import { roundCents } from '../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext } from './types.js';

export interface EbsVolumeSignals {
  attached: boolean;
  ageDays: number;
  sizeGiB: number;
  monthlyCost: number;
  priced: boolean;
}

export function ebsVolumeSignals(vol: EbsVolume, ctx: SignalContext): { signals: EbsVolumeSignals; cost: ResourceCost } {
  const lookup = ctx.prices.ebsGbMonth(vol.type, vol.region);
  const cost: ResourceCost = lookup.known
    ? { monthly: roundCents(lookup.price.usd * vol.sizeGiB), prices: [{ item: `EBS ${vol.type} GB-month`, price: lookup.price }], unknown: [] }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
  return {
    signals: {
      attached: vol.attachments.length > 0,
      ageDays: round(hoursBetween(vol.createTime, ctx.asOf) / 24),
      sizeGiB: vol.sizeGiB,
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}
