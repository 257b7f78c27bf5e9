import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { S3Bucket } from '../../snapshot/schema.js';
import type { MetricRequest } from './batch.js';
import { dimension, listSeries, type DiscoveredMetric } from './discover.js';
import { latest } from './resources.js';
import type { Series } from './summarize.js';

/**
 * S3 Storage Lens metrics in CloudWatch (docs.aws.amazon.com/AmazonS3/latest/userguide/
 * storage-lens-cloudwatch-metrics-dimensions.html and the metrics glossary, read 2026-12-06):
 * namespace AWS/S3/Storage-Lens, published once a day (query period 86400, statistic Average)
 * only when a configuration with advanced metrics has CloudWatch publishing on, and only in that
 * configuration's home region. Bucket-level series carry configuration_id, metrics_version,
 * aws_account_number, aws_region, bucket_name, storage_class and record_type=BUCKET.
 */
export const STORAGE_LENS_NAMESPACE = 'AWS/S3/Storage-Lens';
const FIELDS = {
  NonCurrentVersionStorageBytes: 'noncurrentBytes',
  IncompleteMultipartUploadStorageBytes: 'incompleteUploadBytes',
} as const satisfies Record<string, keyof S3Bucket>;
type LensMetric = keyof typeof FIELDS;

export async function listStorageLensSeries(client: CloudWatchClient): Promise<DiscoveredMetric[]> {
  return (await Promise.all(Object.keys(FIELDS).map((name) => listSeries(client, STORAGE_LENS_NAMESPACE, name)))).flat();
}

/**
 * The latest day of each bucket's noncurrent-version and incomplete-upload bytes, summed over
 * storage classes. Buckets of any region match (the home region publishes them all); when several
 * configurations cover a bucket, the first listed is read, so no byte is counted twice.
 */
export function storageLensRequests(buckets: readonly S3Bucket[], listed: readonly DiscoveredMetric[], accountId: string): MetricRequest[] {
  const byName = new Map(buckets.map((b) => [b.name, b]));
  const configOf = new Map<string, string>();
  const requests: MetricRequest[] = [];
  for (const m of listed) {
    const bucket = byName.get(dimension(m, 'bucket_name') ?? '');
    const config = dimension(m, 'configuration_id') ?? '';
    if (!bucket || !(m.metricName in FIELDS) || dimension(m, 'record_type') !== 'BUCKET' || dimension(m, 'aws_account_number') !== accountId) continue;
    const key = `${bucket.name}|${m.metricName}`;
    if ((configOf.get(key) ?? config) !== config) continue;
    configOf.set(key, config);
    const field = FIELDS[m.metricName as LensMetric];
    requests.push({
      namespace: STORAGE_LENS_NAMESPACE,
      metricName: m.metricName,
      dimensions: m.dimensions,
      stat: 'Average',
      periodSeconds: 86400,
      onResult: (s: Series) => {
        const v = latest(s);
        if (v !== undefined) bucket[field] = (bucket[field] ?? 0) + v;
      },
    });
  }
  return requests;
}
