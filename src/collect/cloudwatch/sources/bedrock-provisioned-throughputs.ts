import { bedrockProvisionedThroughputsCollector } from '../../bedrock-provisioned-throughputs.js';
import type { MetricRequest } from '../batch.js';
import { assign } from '../ec2.js';
import { defineMetricSource } from '../source.js';
import { summarize, type Series } from '../summarize.js';

/**
 * Invocations of each Provisioned Throughput over the window. Bedrock publishes runtime metrics in
 * the AWS/Bedrock namespace with dimension ModelId, which for a Provisioned Throughput is the ARN
 * callers invoke it by (Bedrock User Guide, "Monitor bedrock-runtime inference using CloudWatch
 * metrics": Invocations, SampleCount of successful Converse/InvokeModel requests).
 */
export const bedrockProvisionedThroughputMetrics = defineMetricSource({
  what: 'Bedrock provisioned throughput invocations (AWS/Bedrock)',
  collector: bedrockProvisionedThroughputsCollector,
  requests: (throughputs, _ctx, _client, summary) =>
    throughputs.map((p): MetricRequest => ({
      namespace: 'AWS/Bedrock',
      metricName: 'Invocations',
      dimensions: [{ Name: 'ModelId', Value: p.arn }],
      stat: 'Sum',
      onResult: (s: Series) => {
        assign(p.metrics, 'invocations', summarize(s, summary.periodSeconds, { counter: true, windowHours: summary.windowHours }));
      },
    })),
});
