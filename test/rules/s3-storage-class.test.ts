import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../src/snapshot/schema.js';
import { END } from '../helpers/builders.js';
import { bucket, findingsOn } from './resources.js';

const hoursAgo = (h: number) => new Date(END.getTime() - h * 3_600_000).toISOString();
/** A whole-bucket request-metrics filter counting since `sinceHours` ago that saw writes and lists, and no GET at all (S3 then publishes no GetRequests series). */
const neverRead = (b: S3Bucket, sinceHours: number): S3Bucket => ({ ...b, requests: { filterId: 'EntireBucket', observedSince: hoursAgo(sinceHours) } });

describe('s3-storage-class', () => {
  const misses: [string, S3Bucket][] = [
    ['read back heavily (request metrics)', bucket({ standardGiB: 1000, objects: 100_000, downloadedGiBPerDay: 200 })],
    ['small bucket', bucket({ standardGiB: 100, objects: 1000 })],
    ['young bucket without request metrics', bucket({ standardGiB: 1000, objects: 100_000, ageDays: 20 })],
    ['already has lifecycle rules', bucket({ standardGiB: 1000, objects: 100_000, lifecycleRules: 2 })],
    ['tiny objects: the 128 KB minimum eats the saving', bucket({ standardGiB: 1000, objects: 100_000_000, downloadedGiBPerDay: 0 })],
  ];
  it.each(misses)('does not match: %s', async (_, b) => {
    expect(await findingsOn('s3-storage-class', { s3Buckets: [b] })).toEqual([]);
  });

  it('never-read data to Glacier IR: 1000 x 0.023 - 1000 x 0.004 = $19.00', async () => {
    const [f] = await findingsOn('s3-storage-class', { s3Buckets: [bucket({ standardGiB: 1000, objects: 100_000, downloadedGiBPerDay: 0 })] });
    expect(f?.action).toMatchObject({ kind: 'change-storage-class', from: 'STANDARD', to: 'GLACIER_IR' });
    expect(f?.monthlySavings).toBe(19);
    expect(f?.confidence).toBe('high');
    expect(f?.problem).toMatch(/; 0 GETs\/day, 0 of the data read back a month$/);
    expect(f?.tradeoff.after).toMatchObject({ firstByteLatency: 'milliseconds', storageClass: 'GLACIER_IR' });
  });

  it('60 TiB, 20 days old, request metrics show no GET in 14 days: judged by the evidence, not the age -> Glacier IR', async () => {
    const b = neverRead(bucket({ standardGiB: 60 * 1024, objects: 3_000_000, ageDays: 20 }), 14 * 24);
    const [f] = await findingsOn('s3-storage-class', { s3Buckets: [b] });
    // Standard on its tiers: 51,200 GB x $0.023 + 10,240 GB x $0.022 = $1,402.88; less 61,440 GiB x $0.004 = $245.76
    expect(f?.monthlySavings).toBe(1157.12);
    expect(f?.pricing.prices.map((p) => [p.item, p.usd])).toEqual([
      ['S3 Standard GB-month, first 50 TB', 0.023],
      ['S3 Standard GB-month, next 450 TB', 0.022],
      ['S3 GLACIER_IR GB-month', 0.004],
    ]);
    expect(f?.action.to).toBe('GLACIER_IR');
    expect(f?.confidence).toBe('high');
    expect(f?.problem).toMatch(/0 GETs\/day, 0 of the data read back a month$/);
  });

  // 600 TB = 614,400 GB reaches all three Standard rungs: 51,200 x 0.023 + 460,800 x 0.022 + 102,400 x 0.021 = $13,465.60 a month.
  const bigBucket: [string, S3Bucket, string, number][] = [
    [
      'never read (request metrics) -> Glacier IR: $13,465.60 - 614,400 x $0.004',
      neverRead(bucket({ standardGiB: 600 * 1024, objects: 30_000_000, ageDays: 20 }), 14 * 24),
      'GLACIER_IR',
      11008,
    ],
    [
      'no request metrics -> Intelligent-Tiering: $13,465.60 - 614,400 x $0.0125 - 30,000 x $0.0025',
      bucket({ standardGiB: 600 * 1024, objects: 30_000_000, ageDays: 400 }),
      'INTELLIGENT_TIERING',
      5710.6,
    ],
  ];
  it.each(bigBucket)('a 600 TB Standard bucket is costed on the price tiers, to the cent: %s', async (_, b, to, saving) => {
    const [f] = await findingsOn('s3-storage-class', { s3Buckets: [b] });
    expect(f?.monthlyCost).toBe(13465.6);
    expect(f?.action.to).toBe(to);
    expect(f?.monthlySavings).toBe(saving);
  });

  it('a bucket read every day is left alone, however old and without lifecycle rules', async () => {
    const b = bucket({ standardGiB: 60 * 1024, objects: 3_000_000, ageDays: 400, downloadedGiBPerDay: 500 });
    b.requests = { ...b.requests, filterId: 'EntireBucket', observedSince: hoursAgo(14 * 24) };
    expect(await findingsOn('s3-storage-class', { s3Buckets: [b] })).toEqual([]);
  });

  it('a filter counting for 12 hours is not evidence: a young bucket is not flagged, an old one falls back to the heuristic', async () => {
    expect(await findingsOn('s3-storage-class', { s3Buckets: [neverRead(bucket({ standardGiB: 1000, objects: 100_000, ageDays: 20 }), 12)] })).toEqual([]);
    const [old] = await findingsOn('s3-storage-class', { s3Buckets: [neverRead(bucket({ standardGiB: 1000, objects: 100_000, ageDays: 200 }), 12)] });
    expect(old?.confidence).toBe('low');
  });

  it('heuristic (no request metrics) to Intelligent-Tiering: 1000 x (0.023 - 0.0125) - 100 x 0.0025 = $10.25, low confidence', async () => {
    const [f] = await findingsOn('s3-storage-class', { s3Buckets: [bucket({ standardGiB: 1000, objects: 100_000 })] });
    expect(f?.action.to).toBe('INTELLIGENT_TIERING');
    expect(f?.monthlySavings).toBe(10.25);
    expect(f?.confidence).toBe('low');
    expect(f?.problem).toMatch(/; reads not measured \(no request-metrics configuration on the bucket\)$/);
    expect(f?.pricing.unknown?.join(' ')).toMatch(/transition/);
  });
});
