import { describe, expect, it } from 'vitest';
import type { S3Bucket } from '../../src/snapshot/schema.js';
import { bucket, findingsOn } from './resources.js';

const GiB = 1024 ** 3;
const noLifecycle = { lifecycleRules: 0, lifecycle: { expiresNoncurrentVersions: false, abortsIncompleteUploads: false } };
const versioned = (extra: Partial<S3Bucket> = {}): S3Bucket => ({
  ...bucket({ standardGiB: 100, objects: 1000, ageDays: 20 }),
  name: 'ckpt',
  versioning: 'Enabled',
  ...noLifecycle,
  ...extra,
});

describe('s3-noncurrent-versions', () => {
  const misses: [string, S3Bucket][] = [
    ['versioning never enabled', versioned({ versioning: 'Off', noncurrentBytes: 500 * GiB })],
    ['versioning not read', { ...versioned({ noncurrentBytes: 500 * GiB }), versioning: undefined }],
    [
      'already expires noncurrent versions',
      versioned({ noncurrentBytes: 500 * GiB, lifecycle: { expiresNoncurrentVersions: true, abortsIncompleteUploads: false } }),
    ],
    ['lifecycle configuration unreadable', { ...versioned({ noncurrentBytes: 500 * GiB }), lifecycle: undefined }],
    ['Storage Lens shows under 1 GiB of noncurrent versions', versioned({ noncurrentBytes: 0.5 * GiB })],
  ];
  it.each(misses)('does not match: %s', async (_, b) => {
    expect(await findingsOn('s3-noncurrent-versions', { s3Buckets: [b] })).toEqual([]);
  });

  it('2,048 GiB of noncurrent checkpoints (Storage Lens): 2048 x $0.023 = $47.10 a month', async () => {
    const [f] = await findingsOn('s3-noncurrent-versions', { s3Buckets: [versioned({ noncurrentBytes: 2048 * GiB })] });
    expect(f?.action).toMatchObject({ kind: 'add-lifecycle-rule', to: 'NoncurrentVersionExpiration' });
    expect(f?.action.description).toContain('<NoncurrentDays>30</NoncurrentDays>');
    expect(f?.monthlySavings).toBe(47.1);
    expect(f?.confidence).toBe('high');
    expect(f?.problem).toBe('Versioned bucket with no noncurrent-version expiration: 2048 GiB in noncurrent versions (S3 Storage Lens)');
  });

  it('suspended versioning still keeps the versions written before: flagged', async () => {
    const [f] = await findingsOn('s3-noncurrent-versions', { s3Buckets: [versioned({ versioning: 'Suspended', noncurrentBytes: 100 * GiB })] });
    expect(f?.monthlySavings).toBe(2.3);
  });

  it('no Storage Lens: a lifecycle fix with the saving unknown and counted, never a guess', async () => {
    const [f] = await findingsOn('s3-noncurrent-versions', { s3Buckets: [versioned()] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.join(' ')).toMatch(/noncurrent-version bytes: S3 Storage Lens does not publish/);
    expect(f?.problem).toMatch(/noncurrent-version bytes unknown/);
    expect(f?.confidence).toBe('medium');
  });
});
