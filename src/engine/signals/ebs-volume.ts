import type { EbsVolume } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

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

export const EBS_VOLUME_SIGNAL_KEYS = {
  type: { type: 'string', doc: 'Volume type: gp2, gp3, io1, io2, st1, sc1 or standard.' },
  attached: { type: 'bool', doc: 'Attached to an instance.' },
  available: { type: 'bool', doc: 'In state available (unattached).' },
  ageDays: { type: 'number', doc: 'Days since creation: an upper bound on the time unattached.' },
  sizeGiB: { type: 'number', doc: 'Provisioned size, GiB.' },
  provisionedIops: { type: 'number', doc: 'Provisioned IOPS (0 when none).' },
  throughputMiBps: { type: 'number', doc: 'Provisioned throughput, MiB/s (0 when none).' },
  gp2BaselineIops: { type: 'number', doc: 'What gp2 delivers for this size as a baseline.' },
  gp2BurstIops: { type: 'number', doc: 'What gp2 may burst to for this size.' },
  hasIoMetrics: { type: 'bool', doc: 'VolumeReadOps and VolumeWriteOps both have datapoints.' },
  ioObservedHours: { type: 'number', doc: 'Hours of the window with I/O datapoints.' },
  peakIops: { type: 'number', doc: 'Highest read + write operations per second in any metric period.' },
  monthlyCost: { type: 'number', doc: 'Storage cost per month, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<EbsVolumeSignals>;

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
