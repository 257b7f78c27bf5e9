import { paginateDescribeSpotPriceHistory, type _InstanceType } from '@aws-sdk/client-ec2';
import type { SpotPrice } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { ec2InstancesCollector, typesInUse } from './ec2-instances.js';

export const spotPricesCollector = defineCollector({
  id: 'spot',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeSpotPriceHistory'],
  step: 'spot',
  what: 'spot prices',
  after: [ec2InstancesCollector],
  collect: (ctx) => collectSpotPrices(ctx, typesInUse(ctx.resultOf(ec2InstancesCollector))),
  toSnapshot: (spotPrices) => ({ spotPrices }),
  count: (prices) => prices.length,
});

const TYPES_PER_CALL = 100;

/**
 * The current Linux spot price per availability zone for each type present: StartTime = now
 * makes EC2 return just the price in force (the approach Karpenter uses), one row per zone.
 */
export async function collectSpotPrices(ctx: RegionContext, types: Iterable<string>): Promise<SpotPrice[]> {
  const wanted = [...new Set(types)].sort();
  const client = clientFor(ctx, 'ec2');
  const latest = new Map<string, SpotPrice>();
  for (let i = 0; i < wanted.length; i += TYPES_PER_CALL) {
    const input = {
      InstanceTypes: wanted.slice(i, i + TYPES_PER_CALL) as _InstanceType[],
      ProductDescriptions: ['Linux/UNIX'],
      StartTime: ctx.now,
    };
    for await (const page of paginateDescribeSpotPriceHistory({ client, pageSize: 1000 }, input)) {
      for (const p of page.SpotPriceHistory ?? []) {
        const usd = Number(p.SpotPrice);
        if (!p.InstanceType || !Number.isFinite(usd) || !p.Timestamp) continue;
        const row: SpotPrice = {
          region: ctx.region,
          instanceType: p.InstanceType,
          ...(p.AvailabilityZone ? { availabilityZone: p.AvailabilityZone } : {}),
          usdPerHour: usd,
          timestamp: new Date(p.Timestamp).toISOString(),
        };
        const key = `${row.instanceType}|${row.availabilityZone ?? ''}`;
        const prev = latest.get(key);
        if (!prev || prev.timestamp < row.timestamp) latest.set(key, row);
      }
    }
  }
  return [...latest.values()].sort((a, b) => `${a.instanceType}|${a.availabilityZone}`.localeCompare(`${b.instanceType}|${b.availabilityZone}`));
}
