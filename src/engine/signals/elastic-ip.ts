import type { ElasticIp } from '../../snapshot/schema.js';
import { monthlyFromHourly } from '../money.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface ElasticIpSignals {
  associated: boolean;
  monthlyCost: number;
  priced: boolean;
}

export const ELASTIC_IP_SIGNAL_KEYS = {
  associated: { type: 'bool', doc: 'Associated with an instance or a network interface.' },
  monthlyCost: { type: 'number', doc: 'Public IPv4 charge per month, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<ElasticIpSignals>;

/** Since February 2024 every public IPv4 address bills hourly, associated or not. */
export function elasticIpSignals(eip: ElasticIp, ctx: SignalContext): { signals: ElasticIpSignals; cost: ResourceCost } {
  const lookup = ctx.prices.publicIpv4Hourly(eip.region);
  const cost: ResourceCost = lookup.known
    ? { monthly: monthlyFromHourly(lookup.price.usd), prices: [{ item: 'public IPv4 address-hour', price: lookup.price }], unknown: [] }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
  const associated = eip.associationId !== undefined || eip.instanceId !== undefined || eip.networkInterfaceId !== undefined;
  return { signals: { associated, monthlyCost: cost.monthly ?? 0, priced: cost.monthly !== null }, cost };
}
