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
 * The Linux spot price per availability zone for each type present, as its time-weighted mean over
 * the lookback window (each quote holds until the next one; the one in force at the window's start
 * counts from the start), so one odd quote does not make the saving. `timestamp` is the latest quote.
 */
export async function collectSpotPrices(ctx: RegionContext, types: Iterable<string>): Promise<SpotPrice[]> {
  const wanted = [...new Set(types)].sort();
  const client = clientFor(ctx, 'ec2');
  const start = ctx.window.start.getTime();
  const end = Math.max(ctx.now.getTime(), start + 1);
  const quotes = new Map<string, { row: SpotPrice; at: number[]; usd: number[] }>();
  for (let i = 0; i < wanted.length; i += TYPES_PER_CALL) {
    const input = {
      InstanceTypes: wanted.slice(i, i + TYPES_PER_CALL) as _InstanceType[],
      ProductDescriptions: ['Linux/UNIX'],
      StartTime: ctx.window.start,
      EndTime: ctx.now,
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
        const q = quotes.get(key) ?? { row, at: [], usd: [] };
        if (q.row.timestamp < row.timestamp) q.row = row;
        q.at.push(new Date(p.Timestamp).getTime());
        q.usd.push(usd);
        quotes.set(key, q);
      }
    }
  }
  const timeWeighted = ({ at, usd }: { at: number[]; usd: number[] }): number => {
    const order = at.map((_, k) => k).sort((a, b) => at[a]! - at[b]!);
    const from = (k: number) => Math.max(start, at[order[k]!]!);
    let weighted = 0;
    for (let k = 0; k < order.length; k++) weighted += usd[order[k]!]! * ((k + 1 < order.length ? from(k + 1) : end) - from(k));
    const span = end - from(0);
    return span > 0 ? Math.round((weighted / span) * 1e6) / 1e6 : usd[order.at(-1)!]!;
  };
  return [...quotes.values()]
    .map((q) => ({ ...q.row, usdPerHour: timeWeighted(q) }))
    .sort((a, b) => `${a.instanceType}|${a.availabilityZone}`.localeCompare(`${b.instanceType}|${b.availabilityZone}`));
}
