import { paginateListMetrics, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { S3Bucket } from '../../snapshot/schema.js';
import type { MetricRequest } from './batch.js';
import { dimension, type DiscoveredMetric } from './discover.js';
import { assign, type SummaryOptions } from './ec2.js';
import { summarize, type Series } from './summarize.js';

/**
 * S3 request metrics (AWS/S3, docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html,
 * "Amazon S3 request metrics in CloudWatch", read 2026-12-06): GetRequests (Count, Sum),
 * BytesDownloaded (Bytes, Sum per period), AllRequests (Count, Sum), each with dimensions
 * BucketName and FilterId. They exist only for a bucket with a metrics configuration (opt-in,
 * billed as custom metrics), at 1-minute granularity (metrics-configurations.html), and a metric
 * is published only for minutes with such requests: a bucket nobody reads has no GetRequests
 * series at all, which is why the span comes from any of the three series.
 */
export const S3_REQUEST_METRICS = ['GetRequests', 'BytesDownloaded', 'AllRequests'] as const;
type RequestMetric = (typeof S3_REQUEST_METRICS)[number];
const KEY: Record<RequestMetric, 'getRequests' | 'bytesDownloaded' | 'allRequests'> = {
  GetRequests: 'getRequests',
  BytesDownloaded: 'bytesDownloaded',
  AllRequests: 'allRequests',
};

/**
 * Every request-metrics series of the region in one paginated ListMetrics (any metric in AWS/S3
 * with a FilterId dimension), not one call per bucket.
 */
export async function listRequestMetricSeries(client: CloudWatchClient): Promise<DiscoveredMetric[]> {
  const out: DiscoveredMetric[] = [];
  for await (const page of paginateListMetrics({ client }, { Namespace: 'AWS/S3', Dimensions: [{ Name: 'FilterId' }] })) {
    for (const m of page.Metrics ?? []) {
      const dimensions = (m.Dimensions ?? []).flatMap((d) => (d.Name !== undefined && d.Value !== undefined ? [{ Name: d.Name, Value: d.Value }] : []));
      if (m.MetricName) out.push({ metricName: m.MetricName, dimensions });
    }
  }
  return out;
}

/**
 * Sums per period of the whole-bucket filter's GetRequests, BytesDownloaded and AllRequests. A
 * filter on a prefix, tag or access point sees part of the traffic, so zero GETs there proves
 * nothing about the bucket: only the filter named `filterId` (the configuration without a
 * filter; the console names it EntireBucket) is read.
 */
export function s3RequestMetricRequests(
  buckets: readonly S3Bucket[],
  listed: readonly DiscoveredMetric[],
  filterId: string,
  summary: SummaryOptions,
): MetricRequest[] {
  const byName = new Map(buckets.map((b) => [b.name, b]));
  const requests: MetricRequest[] = [];
  const seen = new Set<string>();
  for (const m of listed) {
    const bucket = byName.get(dimension(m, 'BucketName') ?? '');
    if (!bucket || dimension(m, 'FilterId') !== filterId || !isRequestMetric(m.metricName) || seen.has(`${bucket.name}|${m.metricName}`)) continue;
    seen.add(`${bucket.name}|${m.metricName}`);
    const metric = m.metricName;
    const target = (bucket.requests ??= { filterId });
    requests.push({
      namespace: 'AWS/S3',
      metricName: metric,
      dimensions: m.dimensions,
      stat: 'Sum',
      onResult: (s: Series) => {
        assign(target, KEY[metric], summarize(s, summary.periodSeconds, { counter: true, windowHours: summary.windowHours }));
        const first = Math.min(...s.timestamps);
        if (Number.isFinite(first) && (target.observedSince === undefined || first < Date.parse(target.observedSince))) {
          target.observedSince = new Date(first).toISOString();
        }
      },
    });
  }
  return requests;
}

function isRequestMetric(name: string): name is RequestMetric {
  return (S3_REQUEST_METRICS as readonly string[]).includes(name);
}
