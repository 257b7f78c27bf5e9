import { z } from 'zod';
import type { PriceLookup } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { Finding } from '../result.js';
import { GP3_BASELINE } from '../signals/ebs-volume.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/**
 * gp2's throughput ceiling by size (EBS user guide, General Purpose SSD): 128 MiB/s up to 170 GiB,
 * 250 MiB/s above (with burst credits below 334 GiB), the same "most it could give" basis as its IOPS.
 */
const GP2_THROUGHPUT = { smallMaxGiB: 170, smallMiBps: 128, largeMiBps: 250 } as const;

/**
 * Move a volume to gp3 (Elastic Volumes, no downtime). gp3 includes 3,000 IOPS and 125 MiB/s; the
 * IOPS and throughput gp3 must give is what the old volume gave (gp2: its burst level and size-based
 * throughput ceiling) or, for io1/io2, the observed IOPS peak with headroom. Anything above the
 * included baseline is provisioned and priced per IOPS-month and MiB/s-month, and the saving is net
 * of it; where those unit prices are unknown the saving is unknown rather than guessed.
 */
const changeEbsVolumeType = defineAction({
  resource: 'ebs-volume',
  params: z.object({
    /** IOPS kept above the observed peak: sizes a provisioned-IOPS volume's gp3 IOPS; a gp2 volume keeps its burst level instead. */
    headroomPct: z.number().min(0).optional(),
  }),
  price(ctx) {
    const { resource: v, signals: s } = ctx;
    const headroom = v.type === 'gp2' ? 0 : iopsHeadroom(ctx.params.headroomPct, v.type);
    const neededIops = v.type === 'gp2' ? s.gp2BurstIops : Math.ceil(s.peakIops * (1 + headroom));
    const neededMiBps = v.type === 'gp2' ? gp2ThroughputMiBps(v.sizeGiB) : GP3_BASELINE.throughputMiBps;
    const extraIops = Math.max(0, neededIops - GP3_BASELINE.iops);
    const extraMiBps = Math.max(0, neededMiBps - GP3_BASELINE.throughputMiBps);
    const from = ctx.env.prices.ebsGbMonth(v.type, v.region);
    const to = ctx.env.prices.ebsGbMonth('gp3', v.region);
    const iopsPrice = extraIops > 0 ? ctx.env.prices.ebsGp3ExtraIops(v.region) : undefined;
    const mibpsPrice = extraMiBps > 0 ? ctx.env.prices.ebsGp3ExtraThroughput(v.region) : undefined;
    const lookups = [from, to, iopsPrice, mibpsPrice].filter((p): p is PriceLookup => p !== undefined);
    const unknown = lookups.flatMap((p) => (p.known ? [] : [p.reason]));
    // io1/io2 also bill per provisioned IOPS-month; that part of the saving is left out (unknown), so the figure is a floor.
    const provisionedIopsUnpriced = v.type === 'io1' || v.type === 'io2';
    if (provisionedIopsUnpriced)
      unknown.push(
        `the ${s.provisionedIops} provisioned IOPS of ${v.type} also stop billing; their price is not in the embedded catalog, so the saving shown is storage only`,
      );
    const extras = extraCost(extraIops, iopsPrice, extraMiBps, mibpsPrice);
    const savings = from.known && to.known && extras !== null ? roundCents((from.price.usd - to.price.usd) * v.sizeGiB - extras) : null;
    if (savings !== null && savings <= 0 && !provisionedIopsUnpriced) return undefined;
    const iopsAfter = Math.max(GP3_BASELINE.iops, neededIops);
    const mibpsAfter = Math.max(GP3_BASELINE.throughputMiBps, neededMiBps);
    const tradeoff: Finding['tradeoff'] = {
      performanceRisk: v.type === 'gp2' ? 'none' : s.peakIops * (1 + headroom) <= iopsAfter ? 'low' : 'medium',
      summary:
        v.type === 'gp2'
          ? `same size, ${iopsAfter} IOPS steady (gp2 gave ${s.gp2BaselineIops} baseline, bursting to ${s.gp2BurstIops}), ${mibpsAfter} MiB/s (gp2's ceiling at this size); online change, no downtime`
          : `provisioned IOPS ${s.provisionedIops} -> gp3 ${iopsAfter} (observed peak ${Math.round(s.peakIops)}); gp3 latency is single-digit ms, steadier on provisioned-IOPS volumes`,
      before: { label: `${v.type} ${v.sizeGiB} GiB`, storageGiB: v.sizeGiB, storageClass: v.type },
      after: { label: `gp3 ${v.sizeGiB} GiB`, storageGiB: v.sizeGiB, storageClass: 'gp3' },
    };
    const entries: [string, PriceLookup | undefined][] = [
      [`EBS ${v.type} GB-month`, from],
      ['EBS gp3 GB-month', to],
      ['gp3 IOPS-month above 3,000', iopsPrice],
      ['gp3 MiB/s-month above 125', mibpsPrice],
    ];
    return {
      from: v.type,
      to: 'gp3',
      description: `Modify ${v.id} from ${v.type} to gp3 at ${iopsAfter} IOPS and ${mibpsAfter} MiB/s (Elastic Volumes, online)`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = size x (current - gp3 GB-month price) - IOPS above 3,000 x IOPS-month price - MiB/s above 125 x MiB/s-month price',
        prices: entries.flatMap(([item, p]) => (p?.known ? [priceEntry(item, p.price)] : [])),
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: v.type === 'gp2' ? 'high' : s.ioObservedHours >= 7 * 24 ? 'medium' : 'low',
      evidence: {
        sizeGiB: v.sizeGiB,
        type: v.type,
        provisionedIops: s.provisionedIops,
        peakIops: s.peakIops,
        gp2BurstIops: s.gp2BurstIops,
        ioObservedHours: s.ioObservedHours,
        gp3ExtraIops: extraIops,
        gp3ExtraMiBps: extraMiBps,
      },
      tradeoff,
    };
  },
});

export const changeVolumeType: ActionKindDefinition = { kind: 'change-volume-type', definitions: [changeEbsVolumeType] };

/** A provisioned-IOPS volume is sized from its peak plus the rule's headroom, which such a rule must declare. */
function iopsHeadroom(headroomPct: number | undefined, type: string): number {
  if (headroomPct === undefined) throw new Error(`param headroomPct is needed to size the gp3 IOPS of a ${type} volume`);
  return headroomPct / 100;
}

function gp2ThroughputMiBps(sizeGiB: number): number {
  return sizeGiB <= GP2_THROUGHPUT.smallMaxGiB ? GP2_THROUGHPUT.smallMiBps : GP2_THROUGHPUT.largeMiBps;
}

/** Monthly cost of the provisioned performance above gp3's baseline; null when a needed unit price is unknown. */
function extraCost(iops: number, iopsPrice: PriceLookup | undefined, mibps: number, mibpsPrice: PriceLookup | undefined): number | null {
  let total = 0;
  for (const [qty, p] of [
    [iops, iopsPrice],
    [mibps, mibpsPrice],
  ] as const) {
    if (qty === 0) continue;
    if (!p?.known) return null;
    total += qty * p.price.usd;
  }
  return total;
}
