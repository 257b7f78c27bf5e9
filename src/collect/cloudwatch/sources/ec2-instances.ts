import { ec2InstancesCollector } from '../../ec2-instances.js';
import { guarded } from '../../context.js';
import { ec2AgentRequests, ec2BuiltinRequests } from '../ec2.js';
import { defineMetricSource } from '../source.js';

/** CPU and network from AWS/EC2, memory and per-GPU use from the CloudWatch agent when the team runs it. */
export const ec2InstanceMetrics = defineMetricSource({
  what: 'EC2 instance metrics',
  collector: ec2InstancesCollector,
  requests: async ({ instances, hosts }, ctx, client, summary) => {
    // Terminated instances cost nothing and publish nothing new; their metrics would be paid for and unused.
    const live = instances.filter((i) => i.state !== 'terminated');
    if (!live.length) return [];
    const namespace = ctx.config.cloudwatch.agentNamespace;
    const agent = await guarded(ctx, 'cloudwatch', `CloudWatch agent metrics in namespace ${namespace}`, () =>
      ec2AgentRequests(client, namespace, { instances: live, hosts }, summary),
    );
    return [...ec2BuiltinRequests(live, summary), ...(agent ?? [])];
  },
});
