import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../src/snapshot/schema.js';
import { END } from '../helpers/builders.js';
import { bucket, findingsOn } from './resources.js';

const GiB = 1024 ** 3;
const daysAgo = (d: number) => new Date(END.getTime() - d * 86_400_000).toISOString();
const withUploads = (oldestDays: number, extra: Partial<S3Bucket> = {}): S3Bucket => ({
  ...bucket({ standardGiB: 100, objects: 1000, ageDays: 20 }),
  name: 'datasets',
  lifecycleRules: 0,
  lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: false },
  multipartUploads: { listed: 3, oldestInitiated: daysAgo(oldestDays), truncated: false },
  ...extra,
});

describe('s3-incomplete-multipart-uploads', () => {
  const misses: [string, S3Bucket][] = [
    ['no incomplete uploads', withUploads(30, { multipartUploads: { listed: 0, truncated: false } })],
    ['uploads started 2 days ago may still be running', withUploads(2)],
    ['an AbortIncompleteMultipartUpload rule exists', withUploads(30, { lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: true } })],
    ['uploads not listed (ListMultipartUploads failed)', { ...withUploads(30), multipartUploads: undefined }],
  ];
  it.each(misses)('does not match: %s', async (_, b) => {
    expect(await findingsOn('s3-incomplete-multipart-uploads', { s3Buckets: [b] })).toEqual([]);
  });

  it('300 GiB of abandoned parts (Storage Lens): 300 x $0.023 = $6.90 a month', async () => {
    const [f] = await findingsOn('s3-incomplete-multipart-uploads', { s3Buckets: [withUploads(30, { incompleteUploadBytes: 300 * GiB })] });
    expect(f?.action).toMatchObject({ kind: 'add-lifecycle-rule', to: 'AbortIncompleteMultipartUpload' });
    expect(f?.action.description).toContain('<DaysAfterInitiation>7</DaysAfterInitiation>');
    expect(f?.monthlySavings).toBe(6.9);
    expect(f?.problem).toBe(
      '3 incomplete multipart upload(s), the oldest started 30 days ago, 300 GiB of parts (S3 Storage Lens); no AbortIncompleteMultipartUpload lifecycle rule',
    );
  });

  it('bytes unknown: the fix is proposed, the saving unpriced with the reason', async () => {
    const [f] = await findingsOn('s3-incomplete-multipart-uploads', {
      s3Buckets: [withUploads(10, { multipartUploads: { listed: 1000, oldestInitiated: daysAgo(10), truncated: true } })],
    });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.problem).toMatch(/^1000\+ incomplete multipart upload\(s\), the oldest started 10 days ago, bytes of parts unknown/);
    expect(f?.pricing.unknown?.join(' ')).toMatch(/ListMultipartUploads gives no sizes/);
  });
});
