import { s3BucketsCollector } from '../../s3.js';
import { listRequestMetricSeries, s3RequestMetricRequests } from '../s3-request-metrics.js';
import { defineMetricSource } from '../source.js';

/** Access evidence for the buckets of this region: one ListMetrics for the region's request-metrics filters, then their sums. */
export const s3RequestMetrics = defineMetricSource({
  what: 'S3 request metrics',
  collector: s3BucketsCollector,
  requests: async (all, ctx, client, summary) => {
    const buckets = all.filter((b) => b.region === ctx.region);
    if (!buckets.length) return [];
    return s3RequestMetricRequests(buckets, await listRequestMetricSeries(client), ctx.config.cloudwatch.s3RequestMetricsFilterId, summary);
  },
});
