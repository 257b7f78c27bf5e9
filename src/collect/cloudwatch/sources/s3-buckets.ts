import { guarded } from '../../context.js';
import { s3BucketsCollector } from '../../s3.js';
import { listSeries } from '../discover.js';
import { s3Requests } from '../resources.js';
import { defineMetricSource } from '../source.js';

/** The bucket list is account-wide; each region reads the storage metrics of the buckets that live in it. */
export const s3BucketMetrics = defineMetricSource({
  what: 'S3 storage metrics',
  collector: s3BucketsCollector,
  requests: async (all, ctx, client) => {
    const buckets = all.filter((b) => b.region === ctx.region);
    if (!buckets.length) return [];
    const listed = await guarded(ctx, 'cloudwatch', 'S3 storage metrics', async () =>
      (await Promise.all(['BucketSizeBytes', 'NumberOfObjects'].map((name) => listSeries(client, 'AWS/S3', name)))).flat(),
    );
    return s3Requests(buckets, listed ?? []);
  },
});
