import type { EksNodeGroup } from '../../../snapshot/schema.js';
import { eksNodeGroupsCollector } from '../../eks-node-groups.js';
import type { MetricRequest } from '../batch.js';
import { CONTAINER_INSIGHTS_NAMESPACE, containerInsightsRequest, NODE_DIMENSIONS, NODE_METRICS, type NodeMetricKey } from '../container-insights.js';
import { dimension, listSeries, type DiscoveredMetric } from '../discover.js';
import type { SummaryOptions } from '../ec2.js';
import { defineMetricSource } from '../source.js';

/**
 * Container Insights node series of the node groups' nodes. The NodeName dimension is the
 * Kubernetes node name, which no EC2 API returns, so the series are listed (one ListMetrics per
 * metric per region) and matched to nodes by InstanceId.
 */
export const eksNodeMetrics = defineMetricSource({
  what: 'EKS node metrics (Container Insights)',
  collector: eksNodeGroupsCollector,
  requests: async (groups, _ctx, client, summary) => {
    if (!groups.some((g) => g.nodes.length > 0)) return [];
    const keys = Object.keys(NODE_METRICS) as NodeMetricKey[];
    const listed = await Promise.all(keys.map((k) => listSeries(client, CONTAINER_INSIGHTS_NAMESPACE, NODE_METRICS[k].name)));
    return eksNodeRequests(groups, new Map(keys.map((k, i) => [k, listed[i]!])), summary);
  },
});

export function eksNodeRequests(
  groups: readonly EksNodeGroup[],
  listed: ReadonlyMap<NodeMetricKey, readonly DiscoveredMetric[]>,
  summary: SummaryOptions,
): MetricRequest[] {
  const nodes = new Map<string, EksNodeGroup['nodes'][number]>(groups.flatMap((g) => g.nodes.map((n) => [`${g.clusterName}|${n.instanceId}`, n] as const)));
  const requests: MetricRequest[] = [];
  for (const [key, series] of listed) {
    const seen = new Set<string>();
    for (const m of series) {
      // The node's own series: exactly ClusterName, InstanceId, NodeName (per-GPU series add GpuDevice and InstanceType).
      if (m.dimensions.length !== NODE_DIMENSIONS.length || !NODE_DIMENSIONS.every((d) => dimension(m, d) !== undefined)) continue;
      const id = `${dimension(m, 'ClusterName')}|${dimension(m, 'InstanceId')}`;
      const node = nodes.get(id);
      if (!node || seen.has(id)) continue;
      seen.add(id);
      node.nodeName ??= dimension(m, 'NodeName');
      requests.push(containerInsightsRequest(m, NODE_METRICS[key].stat, node.metrics, key, summary));
    }
  }
  return requests;
}
