import { guarded } from '../../context.js';
import { sagemakerNotebooksCollector } from '../../sagemaker-notebooks.js';
import { notebookAgentRequests } from '../notebooks.js';
import { defineMetricSource } from '../source.js';

export const sagemakerNotebookMetrics = defineMetricSource({
  what: 'SageMaker notebook metrics',
  collector: sagemakerNotebooksCollector,
  requests: async (all, ctx, client, summary) => {
    // A stopped notebook bills nothing and its agent publishes nothing new.
    const notebooks = all.filter((n) => n.status === 'InService');
    if (!notebooks.length) return [];
    const namespace = ctx.config.cloudwatch.agentNamespace;
    const agent = await guarded(ctx, 'cloudwatch', `notebook CPU from the CloudWatch agent in namespace ${namespace}`, () =>
      notebookAgentRequests(client, namespace, notebooks, summary),
    );
    return agent ?? [];
  },
});
