import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  S3Client,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { TEST_CREDENTIALS, type SeriesSpec } from '../../bench/collect/seed.js';
import { daily, windowHourly } from './fleet-series.js';

/**
 * The fleet's buckets: a 60 TiB archive in Standard whose whole-bucket request-metrics filter saw
 * writes and lists but no GET for 14 days (S3 then publishes no GetRequests series), a feature
 * store read every hour, a versioned checkpoint bucket with 2 TiB of noncurrent versions that
 * S3 Storage Lens reports, and a bucket holding an abandoned multipart upload (moto stamps
 * uploads 2010-11-10) with no Storage Lens, so its bytes are unknown.
 */
export interface FleetBuckets {
  coldArchive: string;
  featureStore: string;
  versionedCheckpoints: string;
  abandonedUploads: string;
}

export const ACCOUNT = '123456789012';
const GiB = 1024 ** 3;
const TiB = 1024 * GiB;

export async function seedBuckets(endpoint: string, region: string): Promise<FleetBuckets> {
  const s3 = new S3Client({ region, endpoint, credentials: TEST_CREDENTIALS, forcePathStyle: true });
  const create = async (Bucket: string, team: string) => {
    await s3.send(
      new CreateBucketCommand({
        Bucket,
        ...(region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } } : {}),
      }),
    );
    await s3.send(new PutBucketTaggingCommand({ Bucket, Tagging: { TagSet: [{ Key: 'team', Value: team }] } }));
    return Bucket;
  };
  const buckets: FleetBuckets = {
    coldArchive: await create('ml-cold-archive', 'vision'),
    featureStore: await create('ml-feature-store', 'ranking'),
    versionedCheckpoints: await create('ml-checkpoints-versioned', 'nlp'),
    abandonedUploads: await create('ml-raw-uploads', 'data-platform'),
  };
  await s3.send(new PutBucketVersioningCommand({ Bucket: buckets.versionedCheckpoints, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new CreateMultipartUploadCommand({ Bucket: buckets.abandonedUploads, Key: 'videos/2026/batch-17.tar' }));
  s3.destroy();
  return buckets;
}

export function bucketSeries(now: Date, b: FleetBuckets, region: string): SeriesSpec[] {
  const storage = (bucket: string, bytes: number, objects: number): SeriesSpec[] => [
    {
      namespace: 'AWS/S3',
      metricName: 'BucketSizeBytes',
      dimensions: { BucketName: bucket, StorageType: 'StandardStorage' },
      points: daily(now, 3, () => bytes),
    },
    {
      namespace: 'AWS/S3',
      metricName: 'NumberOfObjects',
      dimensions: { BucketName: bucket, StorageType: 'AllStorageTypes' },
      points: daily(now, 3, () => objects),
    },
  ];
  const requests = (bucket: string, metricName: string, perHour: number): SeriesSpec => ({
    namespace: 'AWS/S3',
    metricName,
    dimensions: { BucketName: bucket, FilterId: 'EntireBucket' },
    points: windowHourly(now, () => perHour),
  });
  const lens = {
    configuration_id: 'ml-storage-lens',
    metrics_version: '1.0',
    aws_account_number: ACCOUNT,
    aws_region: region,
    bucket_name: b.versionedCheckpoints,
    storage_class: 'STANDARD',
    record_type: 'BUCKET',
  };
  return [
    ...storage(b.coldArchive, 60 * TiB, 3_000_000),
    requests(b.coldArchive, 'AllRequests', 40),
    ...storage(b.featureStore, 8 * TiB, 400_000),
    requests(b.featureStore, 'AllRequests', 2_100),
    requests(b.featureStore, 'GetRequests', 2_000),
    requests(b.featureStore, 'BytesDownloaded', 50 * GiB),
    ...storage(b.versionedCheckpoints, 2_500 * GiB, 5_000),
    { namespace: 'AWS/S3/Storage-Lens', metricName: 'NonCurrentVersionStorageBytes', dimensions: lens, points: daily(now, 3, () => 2_048 * GiB) },
  ];
}
