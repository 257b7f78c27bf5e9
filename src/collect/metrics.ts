import { collectMetrics } from './cloudwatch/index.js';
import { METRIC_SOURCES } from './cloudwatch/sources.js';
import { defineCollector } from './collector.js';

/**
 * CloudWatch summaries for what the inventory found in this account and region (every source in
 * METRIC_SOURCES), in one stream of GetMetricData batches; they are written onto those resources,
 * so it adds nothing of its own. It starts with the region and reads each source's inventory as it
 * lands.
 */
export const metricsCollector = defineCollector({
  id: 'metrics',
  service: 'cloudwatch',
  scope: 'region',
  iamActions: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  step: 'metrics',
  what: 'CloudWatch metrics',
  after: METRIC_SOURCES.map((s) => s.collector),
  startsEarly: true,
  collect: collectMetrics,
});
