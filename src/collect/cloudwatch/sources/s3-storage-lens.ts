import { s3BucketsCollector } from '../../s3.js';
import { listStorageLensSeries, storageLensRequests } from '../s3-storage-lens.js';
import { defineMetricSource } from '../source.js';

/**
 * Noncurrent-version and incomplete-upload bytes from S3 Storage Lens. They are published only in
 * the configuration's home region, for buckets of every region, so every audited bucket of the
 * account is matched here, whichever region this is.
 */
export const s3StorageLensMetrics = defineMetricSource({
  what: 'S3 Storage Lens metrics',
  collector: s3BucketsCollector,
  requests: async (all, ctx, client) => (all.length ? storageLensRequests(all, await listStorageLensSeries(client), ctx.account.accountId) : []),
});
