import type { EbsVolume } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext } from './types.js';

/** gp2 gives 3 IOPS per GiB between 100 and 16,000; volumes up to 1 TiB burst to 3,000 (EC2 user guide). */
export const GP2 = { iopsPerGiB: 3, minIops: 100, maxIops: 16_000, burstIops: 3_000, burstMaxGiB: 1_000 } as const;
/** gp3 includes 3,000 IOPS and 125 MiB/s in its storage price. */
export const GP3_BASELINE = { iops: 3_000, throughputMiBps: 125 } as const;

export interface EbsVolumeSignals {
  type: EbsVolume['type'];
  attached: boolean;
  available: boolean;
  /** Days since the volume was created: the Snapshot has no detach time, so this bounds time unattached from above. */
  ageDays: number;
  sizeGiB: number;
  provisionedIops: number;
  throughputMiBps: number;
  /** What gp2 delivers for this size: baseline, and what it may burst to. */
  gp2BaselineIops: number;
  gp2BurstIops: number;
  hasIoMetrics: boolean;
  ioObservedHours: number;
  /** Highest read + write operations per second in any metric period. */
  peakIops: number;
  monthlyCost: number;
  priced: boolean;
}

export function ebsVolumeSignals(vol: EbsVolume, ctx: SignalContext): { signals: EbsVolumeSignals; cost: ResourceCost } {
  const lookup = ctx.prices.ebsGbMonth(vol.type, vol.region);
  const cost: ResourceCost = lookup.known
    ? { monthly: roundCents(lookup.price.usd * vol.sizeGiB), prices: [{ item: `EBS ${vol.type} GB-month`, price: lookup.price }], unknown: [] }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
  const { readOps, writeOps } = vol.metrics;
  const hasIoMetrics = (readOps?.datapoints ?? 0) > 0 && (writeOps?.datapoints ?? 0) > 0;
  const peakIops = hasIoMetrics ? (readOps!.max + writeOps!.max) / readOps!.periodSeconds : 0;
  const gp2BaselineIops = Math.min(GP2.maxIops, Math.max(GP2.minIops, GP2.iopsPerGiB * vol.sizeGiB));
  return {
    signals: {
      type: vol.type,
      attached: vol.attachments.length > 0,
      available: vol.state === 'available',
      ageDays: round(hoursBetween(vol.createTime, ctx.asOf) / 24),
      sizeGiB: vol.sizeGiB,
      provisionedIops: vol.iops ?? 0,
      throughputMiBps: vol.throughputMiBps ?? 0,
      gp2BaselineIops,
      gp2BurstIops: vol.sizeGiB <= GP2.burstMaxGiB ? Math.max(gp2BaselineIops, GP2.burstIops) : gp2BaselineIops,
      hasIoMetrics,
      ioObservedHours: round(Math.min(readOps?.observedHours ?? 0, writeOps?.observedHours ?? 0)),
      peakIops: round(peakIops),
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}
