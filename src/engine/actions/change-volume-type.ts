import type { EbsVolume } from '../../snapshot/schema.js';
import { roundCents } from '../money.js';
import type { Finding } from '../result.js';
import { GP3_BASELINE, type EbsVolumeSignals } from '../signals/ebs-volume.js';
import { optionalNumber, priceEntry, type ActionContext, type ActionDefinition, type PricedMove } from './types.js';

/**
 * Move a volume to gp3 (Elastic Volumes, no downtime). gp3 includes 3,000 IOPS and 125 MiB/s;
 * the IOPS gp3 must give is what the old volume gave (gp2: its burst level) or, for io1/io2, the
 * observed peak with headroom. Anything above the included baseline is an extra charge whose
 * unit price the embedded catalog lacks, so such a move is priced as unknown rather than guessed.
 */
export const changeVolumeType: ActionDefinition = {
  kind: 'change-volume-type',
  resources: ['ebs-volume'],
  reads: [],
  precedence: 40,
  price(ctx: ActionContext): PricedMove | undefined {
    const v = ctx.resource as EbsVolume;
    const s = ctx.facts.signals as EbsVolumeSignals;
    const headroom = optionalNumber(ctx.params, 'headroomPct', 30) / 100;
    const neededIops = v.type === 'gp2' ? s.gp2BurstIops : Math.ceil(s.peakIops * (1 + headroom));
    const extraIops = Math.max(0, neededIops - GP3_BASELINE.iops);
    const from = ctx.env.prices.ebsGbMonth(v.type, v.region);
    const to = ctx.env.prices.ebsGbMonth('gp3', v.region);
    const unknown = [from, to].flatMap((p) => (p.known ? [] : [p.reason]));
    if (extraIops > 0) unknown.push(`gp3 needs ${extraIops} IOPS above the included ${GP3_BASELINE.iops}; the extra-IOPS price is not in the embedded catalog`);
    const storageSaving = from.known && to.known ? roundCents((from.price.usd - to.price.usd) * v.sizeGiB) : null;
    // io1/io2 also bill per provisioned IOPS-month; that part of the saving is left out (unknown), so the figure is a floor.
    const provisionedIopsUnpriced = v.type === 'io1' || v.type === 'io2';
    if (provisionedIopsUnpriced) unknown.push(`the ${s.provisionedIops} provisioned IOPS of ${v.type} also stop billing; their price is not in the embedded catalog, so the saving shown is storage only`);
    const savings = extraIops > 0 ? null : storageSaving;
    if (savings !== null && savings <= 0 && !provisionedIopsUnpriced) return undefined;
    const iopsAfter = Math.max(GP3_BASELINE.iops, neededIops);
    const tradeoff: Finding['tradeoff'] = {
      performanceRisk: v.type === 'gp2' ? 'none' : s.peakIops * (1 + headroom) <= iopsAfter ? 'low' : 'medium',
      summary:
        v.type === 'gp2'
          ? `same size, ${iopsAfter} IOPS steady (gp2 gave ${s.gp2BaselineIops} baseline, bursting to ${s.gp2BurstIops}), ${GP3_BASELINE.throughputMiBps} MiB/s; online change, no downtime`
          : `provisioned IOPS ${s.provisionedIops} -> gp3 ${iopsAfter} (observed peak ${Math.round(s.peakIops)}); gp3 latency is single-digit ms, steadier on provisioned-IOPS volumes`,
      before: { label: `${v.type} ${v.sizeGiB} GiB`, storageGiB: v.sizeGiB, storageClass: v.type },
      after: { label: `gp3 ${v.sizeGiB} GiB`, storageGiB: v.sizeGiB, storageClass: 'gp3' },
    };
    return {
      from: v.type,
      to: 'gp3',
      description: `Modify ${v.id} from ${v.type} to gp3 at ${iopsAfter} IOPS (Elastic Volumes, online)`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = size x (current - gp3 GB-month price); extra gp3 IOPS/throughput would be subtracted',
        prices: [from, to].flatMap((p, i) => (p.known ? [priceEntry(`EBS ${i === 0 ? v.type : 'gp3'} GB-month`, p.price)] : [])),
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: v.type === 'gp2' ? 'high' : s.ioObservedHours >= 7 * 24 ? 'medium' : 'low',
      evidence: { sizeGiB: v.sizeGiB, type: v.type, provisionedIops: s.provisionedIops, peakIops: s.peakIops, gp2BurstIops: s.gp2BurstIops, ioObservedHours: s.ioObservedHours },
      tradeoff,
    };
  },
};
