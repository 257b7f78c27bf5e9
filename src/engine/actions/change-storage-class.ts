import { z } from 'zod';
import { S3_PRICE_FACTS, type PriceLookup, type S3PriceClass } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { S3BucketSignals } from '../signals/s3-bucket.js';
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
    const from = ctx.env.prices.s3GbMonth('STANDARD', b.region);
    const to = ctx.env.prices.s3GbMonth(target, b.region);
    const unknown = [from, to].flatMap((p) => (p.known ? [] : [p.reason]));
    unknown.push('one-time lifecycle transition request charges (per 1,000 objects) are not in the embedded catalog');
    const move = known(from) && known(to) ? saving(s, from.price.usd, to.price.usd, target) : undefined;
    if (move && move.monthly <= 0) return undefined;
    const name = coldConfirmed ? 'Glacier Instant Retrieval' : 'Intelligent-Tiering';
    return {
      from: 'STANDARD',
      to: coldConfirmed ? 'GLACIER_IR' : 'INTELLIGENT_TIERING',
      description: `Add a lifecycle rule moving s3://${b.name} to ${name}${coldConfirmed ? ' after 90 days (its minimum storage duration)' : ''}`,
      monthlySavings: move ? move.monthly : null,
      pricing: {
        method: coldConfirmed
          ? 'saving = Standard GB x $/GB - max(GB, objects x 128 KB) x Glacier IR $/GB (no reads, so no retrieval fees)'
          : 'saving = Standard GB in objects >= 128 KB x (Standard - IT Infrequent Access $/GB) - monitoring $0.0025 per 1,000 objects, assuming the data stays unread for 30 days',
        prices: [from, to].flatMap((p, i) => (p.known ? [priceEntry(i === 0 ? 'S3 Standard GB-month' : `S3 ${target} GB-month`, p.price)] : [])),
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

function known(p: PriceLookup): p is Extract<PriceLookup, { known: true }> {
  return p.known;
}

function saving(s: S3BucketSignals, standardUsd: number, targetUsd: number, target: S3PriceClass): { monthly: number; billableGiB: number } {
  if (target === 'GLACIER_IR') {
    const billableGiB = Math.max(s.standardGiB, (s.objectCount * MIN_BILLABLE_KB) / KB_PER_GIB);
    return { monthly: roundCents(s.standardGiB * standardUsd - billableGiB * targetUsd), billableGiB: Math.round(billableGiB * 100) / 100 };
  }
  // Intelligent-Tiering leaves small objects in the frequent tier: with only a mean size, count all bytes when the mean is >= 128 KB, none otherwise.
  const tierableGiB = s.avgObjectKB >= MIN_BILLABLE_KB ? s.standardGiB : 0;
  const monitoring = (s.objectCount / 1000) * S3_PRICE_FACTS.intelligentTieringMonitoringPer1000Objects;
  return { monthly: roundCents(tierableGiB * (standardUsd - targetUsd) - monitoring), billableGiB: s.standardGiB };
}
