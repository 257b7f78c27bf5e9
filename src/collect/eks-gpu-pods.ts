import type { EksGpuPod, EksNodeGroup } from '../snapshot/schema.js';
import { CONTAINER_INSIGHTS_NAMESPACE, POD_DIMENSIONS, POD_METRICS, type PodMetricKey } from './cloudwatch/container-insights.js';
import { dimension, listSeries, type DiscoveredMetric } from './cloudwatch/discover.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { eksNodeGroupsCollector } from './eks-node-groups.js';

export interface CollectedGpuPods {
  pods: EksGpuPod[];
  /** The series each pod's metrics are read from, as ListMetrics listed them (a query must name every dimension). */
  series: Map<EksGpuPod, Partial<Record<PodMetricKey, DiscoveredMetric>>>;
}

/**
 * Pods that requested GPUs, found with ListMetrics: one paginated call per Container Insights pod
 * metric per region, not one per pod. Runs only where EKS node groups were found. Pods inherit their
 * cluster's node groups' team tags when those agree (mlcost.config.yaml eks.namespaceTeams wins).
 */
export const eksGpuPodsCollector = defineCollector({
  id: 'eks-gpu-pods',
  service: 'cloudwatch',
  scope: 'region',
  iamActions: ['cloudwatch:ListMetrics'],
  resourceType: 'eks-gpu-pod',
  step: 'eks',
  what: 'EKS GPU pods (Container Insights)',
  after: [eksNodeGroupsCollector],
  collect: async (ctx): Promise<CollectedGpuPods> => {
    const groups = ctx.resultOf(eksNodeGroupsCollector) ?? [];
    if (!groups.length) return { pods: [], series: new Map() };
    const client = clientFor(ctx, 'cloudwatch');
    const keys = Object.keys(POD_METRICS) as PodMetricKey[];
    const listed = await Promise.all(keys.map((k) => listSeries(client, CONTAINER_INSIGHTS_NAMESPACE, POD_METRICS[k].name)));
    return podsFromSeries(ctx, groups, new Map(keys.map((k, i) => [k, listed[i]!])));
  },
  toSnapshot: (out) => ({ resources: { eksGpuPods: out.pods } }),
  count: (out) => out.pods.length,
});

/** Dimensions that make a series narrower than one pod: it is not the pod's own. */
const NARROWER = new Set(['ContainerName', 'GpuDevice', 'NeuronDevice', 'NeuronCore', 'Service']);

export function podsFromSeries(
  ctx: { account: { accountId: string }; region: string; config: Pick<RegionContext['config'], 'teamTags'> },
  groups: readonly EksNodeGroup[],
  listed: ReadonlyMap<PodMetricKey, readonly DiscoveredMetric[]>,
): CollectedGpuPods {
  const chosen = new Map<string, Partial<Record<PodMetricKey, DiscoveredMetric>>>();
  for (const [key, series] of listed) {
    for (const m of series) {
      if (!POD_DIMENSIONS.every((d) => dimension(m, d) !== undefined) || m.dimensions.some((d) => NARROWER.has(d.Name))) continue;
      const id = POD_DIMENSIONS.map((d) => dimension(m, d)).join('/');
      const entry = chosen.get(id) ?? {};
      const current = entry[key];
      // The pod-level series has the fewest dimensions (FullPodName adds one).
      if (!current || m.dimensions.length < current.dimensions.length) entry[key] = m;
      chosen.set(id, entry);
    }
  }
  const pods: EksGpuPod[] = [];
  const series = new Map<EksGpuPod, Partial<Record<PodMetricKey, DiscoveredMetric>>>();
  for (const entry of chosen.values()) {
    const request = entry.gpuRequest;
    if (!request) continue;
    const clusterName = dimension(request, 'ClusterName')!;
    const namespace = dimension(request, 'Namespace')!;
    const name = dimension(request, 'PodName')!;
    const nodeName = dimension(request, 'NodeName');
    const instanceId = dimension(request, 'InstanceId');
    const pod: EksGpuPod = {
      id: `${clusterName}/${namespace}/${name}`,
      name,
      namespace,
      clusterName,
      accountId: ctx.account.accountId,
      region: ctx.region,
      ...(nodeName !== undefined ? { nodeName } : {}),
      ...(instanceId !== undefined ? { instanceId } : {}),
      tags: teamTagsOf(
        groups.filter((g) => g.clusterName === clusterName),
        ctx.config.teamTags,
      ),
      metrics: {},
    };
    pods.push(pod);
    series.set(pod, entry);
  }
  return { pods, series };
}

/** The team tags a cluster's node groups agree on: a pod runs on one of them. */
function teamTagsOf(groups: readonly EksNodeGroup[], teamTags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of teamTags) {
    const values = new Set(groups.map((g) => g.tags[key]).filter((v) => v !== undefined && v !== ''));
    const [only] = values;
    if (values.size === 1 && only !== undefined) out[key] = only;
  }
  return out;
}
