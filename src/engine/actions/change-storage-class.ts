import { z } from 'zod';
import { S3_PRICE_FACTS, ladderCost, ladderSaving, type LadderLookup, type S3PriceClass } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { s3RungItem, type S3BucketSignals } from '../signals/s3-bucket.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/** Objects under 128 KB bill as 128 KB in Standard-IA and Glacier IR, and are never tiered by Intelligent-Tiering. */
const MIN_BILLABLE_KB = 128;
const KB_PER_GIB = 1024 * 1024;

/**
 * Move a bucket's Standard bytes to a colder class with millisecond first-byte latency:
 * Glacier Instant Retrieval when request metrics show nothing was downloaded (so its per-GB
 * retrieval fee is zero), else Intelligent-Tiering, which has no retrieval fee. The saving
 * counts the 128 KB minimum (from the average object size) and the monitoring fee; one-time
 * lifecycle transition requests are listed as unpriced.
 */
const changeBucketStorageClass = defineAction({
  resource: 's3-bucket',
  params: z.object({}),
  price(ctx) {
    const { resource: b, signals: s } = ctx;
    const coldConfirmed = s.hasRequestMetrics && s.monthlyReadFraction === 0;
    const target: S3PriceClass = coldConfirmed ? 'GLACIER_IR' : 'INTELLIGENT_TIERING_IA';
    const from = ctx.env.prices.s3Ladder('STANDARD', b.region);
    const to = ctx.env.prices.s3GbMonth(target, b.region);
    const standardCost = ladderCost(from, s.standardGiB);
    const unknown = [standardCost, to].flatMap((p) => (p.known ? [] : [p.reason]));
    unknown.push('one-time lifecycle transition request charges (per 1,000 objects) are not in the embedded catalog');
    const move = to.known ? saving(s, from, to.price.usd, target) : undefined;
    if (move && move.monthly <= 0) return undefined;
    const name = coldConfirmed ? 'Glacier Instant Retrieval' : 'Intelligent-Tiering';
    return {
      from: 'STANDARD',
      to: coldConfirmed ? 'GLACIER_IR' : 'INTELLIGENT_TIERING',
      description: `Add a lifecycle rule moving s3://${b.name} to ${name}${coldConfirmed ? ' after 90 days (its minimum storage duration)' : ''}`,
      monthlySavings: move ? move.monthly : null,
      pricing: {
        method: coldConfirmed
          ? 'saving = Standard GB on its price tiers - max(GB, objects x 128 KB) x Glacier IR $/GB (no reads, so no retrieval fees)'
          : 'saving = what the Standard GB in objects >= 128 KB cost on its price tiers - those GB x IT Infrequent Access $/GB - monitoring $0.0025 per 1,000 objects, assuming the data stays unread for 30 days',
        prices: [
          ...(standardCost.known
            ? standardCost.rungs.map((r) => priceEntry(s3RungItem('S3 Standard GB-month', r.label, standardCost.rungs.length), r.price))
            : []),
          ...(to.known ? [priceEntry(`S3 ${target} GB-month`, to.price)] : []),
        ],
        unknown,
      },
      confidence: s.hasRequestMetrics ? 'high' : 'low',
      evidence: {
        standardGiB: s.standardGiB,
        objectCount: s.objectCount,
        avgObjectKB: s.avgObjectKB,
        requestMetrics: s.hasRequestMetrics,
        getRequestsPerDay: s.getRequestsPerDay,
        monthlyReadFraction: s.monthlyReadFraction,
        bucketAgeDays: s.ageDays,
        ...(move ? { billableGiB: move.billableGiB } : {}),
      },
      tradeoff: {
        performanceRisk: coldConfirmed ? 'low' : 'none',
        summary: coldConfirmed
          ? 'first byte still in milliseconds; reads would add a per-GB retrieval fee and objects deleted before 90 days bill the remainder'
          : `first byte still in milliseconds and no retrieval fee; objects under 128 KB (average here ${s.avgObjectKB} KB) stay in the frequent tier`,
        before: { label: 'S3 Standard', storageClass: 'STANDARD', storageGiB: s.standardGiB, firstByteLatency: 'milliseconds' },
        after: { label: name, storageClass: coldConfirmed ? 'GLACIER_IR' : 'INTELLIGENT_TIERING', storageGiB: s.standardGiB, firstByteLatency: 'milliseconds' },
      },
    };
  },
});

export const changeStorageClass: ActionKindDefinition = { kind: 'change-storage-class', definitions: [changeBucketStorageClass] };

function saving(s: S3BucketSignals, standard: LadderLookup, targetUsd: number, target: S3PriceClass): { monthly: number; billableGiB: number } | undefined {
  if (target === 'GLACIER_IR') {
    const billableGiB = Math.max(s.standardGiB, (s.objectCount * MIN_BILLABLE_KB) / KB_PER_GIB);
    const standardCost = ladderCost(standard, s.standardGiB);
    if (!standardCost.known) return undefined;
    return { monthly: roundCents(standardCost.usd - billableGiB * targetUsd), billableGiB: Math.round(billableGiB * 100) / 100 };
  }
  // Intelligent-Tiering leaves small objects in the frequent tier: with only a mean size, count all bytes when the mean is >= 128 KB, none otherwise.
  const tierableGiB = s.avgObjectKB >= MIN_BILLABLE_KB ? s.standardGiB : 0;
  // The GB that leave Standard come off the top of its ladder, so they save the highest rungs' rates.
  const leaving = ladderSaving(standard, s.standardGiB, tierableGiB);
  if (!leaving.known) return undefined;
  const monitoring = (s.objectCount / 1000) * S3_PRICE_FACTS.intelligentTieringMonitoringPer1000Objects;
  return { monthly: roundCents(leaving.usd - tierableGiB * targetUsd - monitoring), billableGiB: s.standardGiB };
}
