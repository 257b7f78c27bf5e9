import { collectMetrics } from './cloudwatch/index.js';
import { defineCollector } from './collector.js';
import { ebsVolumesCollector } from './ebs-volumes.js';
import { ec2InstancesCollector } from './ec2-instances.js';
import { s3BucketsCollector } from './s3.js';
import { sagemakerEndpointsCollector } from './sagemaker-endpoints.js';
import { sagemakerNotebooksCollector } from './sagemaker-notebooks.js';

/**
 * CloudWatch summaries for what the inventory found in this account and region, in one stream of
 * GetMetricData batches; they are written onto those resources, so it adds nothing of its own.
 */
export const metricsCollector = defineCollector({
  id: 'metrics',
  service: 'cloudwatch',
  scope: 'region',
  iamActions: ['cloudwatch:GetMetricData', 'cloudwatch:ListMetrics'],
  step: 'metrics',
  what: 'CloudWatch metrics',
  after: [ec2InstancesCollector, ebsVolumesCollector, s3BucketsCollector, sagemakerEndpointsCollector, sagemakerNotebooksCollector],
  collect: (ctx) => {
    const ec2 = ctx.resultOf(ec2InstancesCollector);
    return collectMetrics(ctx, {
      instances: ec2?.instances ?? [],
      hosts: ec2?.hosts ?? new Map(),
      volumes: ctx.resultOf(ebsVolumesCollector) ?? [],
      buckets: (ctx.resultOf(s3BucketsCollector) ?? []).filter((b) => b.region === ctx.region),
      endpoints: ctx.resultOf(sagemakerEndpointsCollector) ?? [],
      // A stopped notebook bills nothing and its agent publishes nothing new.
      notebooks: (ctx.resultOf(sagemakerNotebooksCollector) ?? []).filter((n) => n.status === 'InService'),
    });
  },
});
