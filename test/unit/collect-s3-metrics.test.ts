import { describe, expect, it } from 'vitest';
import type { DiscoveredMetric } from '../../src/collect/cloudwatch/discover.js';
import { s3RequestMetricRequests } from '../../src/collect/cloudwatch/s3-request-metrics.js';
import { storageLensRequests } from '../../src/collect/cloudwatch/s3-storage-lens.js';
import type { S3Bucket } from '../../src/snapshot/schema.js';

const GiB = 1024 ** 3;
const HOUR = 3_600_000;
const bucket = (name: string): S3Bucket => ({ name, accountId: '111111111111', region: 'us-east-1', tags: {}, bytesByStorageType: {} });
const metric = (metricName: string, dims: Record<string, string>): DiscoveredMetric => ({
  metricName,
  dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
});
const summary = { periodSeconds: 3600, windowHours: 336 };

describe('S3 request metrics: the whole-bucket filter only', () => {
  const listed = [
    metric('AllRequests', { BucketName: 'archive', FilterId: 'EntireBucket' }),
    metric('GetRequests', { BucketName: 'archive', FilterId: 'checkpoints-prefix' }),
    metric('BytesDownloaded', { BucketName: 'archive', FilterId: 'checkpoints-prefix' }),
    metric('4xxErrors', { BucketName: 'archive', FilterId: 'EntireBucket' }),
    metric('AllRequests', { BucketName: 'other-account-bucket', FilterId: 'EntireBucket' }),
  ];

  it('reads the named filter of known buckets, ignores prefix filters, other metrics and unknown buckets', () => {
    const b = bucket('archive');
    const requests = s3RequestMetricRequests([b], listed, 'EntireBucket', summary);
    expect(requests.map((r) => `${r.metricName} ${r.stat} ${r.dimensions.map((d) => d.Value).join('/')}`)).toEqual(['AllRequests Sum archive/EntireBucket']);
    expect(b.requests).toEqual({ filterId: 'EntireBucket' });
  });

  it('a filter that counted writes but no GET: sums kept, counting since its first datapoint', () => {
    const b = bucket('archive');
    const [all] = s3RequestMetricRequests([b], listed, 'EntireBucket', summary);
    const start = Date.parse('2026-11-01T00:00:00Z');
    all?.onResult({ timestamps: [start + 5 * HOUR, start + 2 * HOUR, start + 9 * HOUR], values: [3, 4, 5] });
    expect(b.requests).toMatchObject({ filterId: 'EntireBucket', observedSince: '2026-11-01T02:00:00.000Z', allRequests: { sum: 12, datapoints: 3 } });
    expect(b.requests?.getRequests).toBeUndefined();
  });

  it('a configured filter id replaces the console default', () => {
    const b = bucket('archive');
    expect(s3RequestMetricRequests([b], listed, 'checkpoints-prefix', summary).map((r) => r.metricName)).toEqual(['GetRequests', 'BytesDownloaded']);
  });
});

describe('S3 Storage Lens bytes', () => {
  const lens = (metricName: string, extra: Record<string, string>) =>
    metric(metricName, {
      configuration_id: 'lens-a',
      metrics_version: '1.0',
      aws_account_number: '111111111111',
      aws_region: 'us-east-1',
      bucket_name: 'ckpt',
      storage_class: 'STANDARD',
      record_type: 'BUCKET',
      ...extra,
    });

  it('sums storage classes of one configuration, ignores a second configuration, other accounts and account-level records', () => {
    const b = bucket('ckpt');
    const requests = storageLensRequests(
      [b],
      [
        lens('NonCurrentVersionStorageBytes', {}),
        lens('NonCurrentVersionStorageBytes', { storage_class: 'STANDARD_IA' }),
        lens('NonCurrentVersionStorageBytes', { configuration_id: 'lens-b' }),
        lens('NonCurrentVersionStorageBytes', { aws_account_number: '222222222222' }),
        lens('NonCurrentVersionStorageBytes', { record_type: 'ACCOUNT' }),
        lens('IncompleteMultipartUploadStorageBytes', {}),
        lens('StorageBytes', {}),
      ],
      '111111111111',
    );
    expect(requests).toHaveLength(3);
    expect(requests.every((r) => r.periodSeconds === 86400 && r.stat === 'Average' && r.namespace === 'AWS/S3/Storage-Lens')).toBe(true);
    const day = Date.parse('2026-11-10T00:00:00Z');
    requests[0]?.onResult({ timestamps: [day, day + 86_400_000], values: [100 * GiB, 120 * GiB] });
    requests[1]?.onResult({ timestamps: [day], values: [30 * GiB] });
    requests[2]?.onResult({ timestamps: [], values: [] });
    expect(b.noncurrentBytes).toBe(150 * GiB);
    // No datapoint: unknown, never zero.
    expect(b.incompleteUploadBytes).toBeUndefined();
  });
});
