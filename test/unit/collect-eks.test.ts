import { describe, expect, it } from 'vitest';
import { eksNodeRequests } from '../../src/collect/cloudwatch/sources/eks-nodes.js';
import { podsFromSeries } from '../../src/collect/eks-gpu-pods.js';
import { formGroups } from '../../src/collect/eks-node-groups.js';
import { membershipFromTags } from '../../src/collect/tags.js';
import { ConfigSchema } from '../../src/config/schema.js';
import type { DiscoveredMetric } from '../../src/collect/cloudwatch/discover.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { instance } from '../helpers/builders.js';

const ctx = { account: { accountId: '111122223333' }, region: 'us-east-1', config: ConfigSchema.parse({}) };
const node = (id: string, tags: Record<string, string>, state: Ec2Instance['state'] = 'running'): Ec2Instance => ({
  ...instance({ id, type: 'g5.xlarge', state, tags }),
  membership: membershipFromTags(tags),
});
const series = (metricName: string, dims: Record<string, string>): DiscoveredMetric => ({
  metricName,
  dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
});

describe('EKS node groups from the API and from tags', () => {
  const instances = [
    node('i-a', { 'eks:cluster-name': 'ml', 'eks:nodegroup-name': 'gpu' }),
    node('i-b', { 'eks:cluster-name': 'ml', 'eks:nodegroup-name': 'gpu' }, 'terminated'),
    // Karpenter v1 tags its nodes with eks:eks-cluster-name and the NodePool.
    node('i-c', { 'eks:eks-cluster-name': 'ml', 'karpenter.sh/nodepool': 'gpu-pool', team: 'vision' }),
    node('i-d', { 'kubernetes.io/cluster/ml': 'owned', 'karpenter.sh/nodepool': 'gpu-pool', team: 'vision' }),
    node('i-e', { Name: 'not a node' }),
  ];
  const groups = formGroups(
    ctx,
    [
      {
        clusterName: 'ml',
        nodegroupName: 'gpu',
        status: 'ACTIVE',
        scalingConfig: { minSize: 1, maxSize: 3, desiredSize: 1 },
        taints: [{ key: 'nvidia.com/gpu', effect: 'NO_SCHEDULE' }],
      },
      // A response without names is skipped, not a crash.
      { status: 'ACTIVE' },
    ],
    instances,
  );

  it('joins live nodes to the described node group, never terminated ones', () => {
    const gpu = groups.find((g) => g.id === 'ml/gpu')!;
    expect(gpu.nodes.map((n) => n.instanceId)).toEqual(['i-a']);
    expect(gpu).toMatchObject({ managedBy: 'eks-nodegroup', status: 'ACTIVE', scaling: { minSize: 1, maxSize: 3, desiredSize: 1 } });
    expect(gpu.taints).toEqual([{ key: 'nvidia.com/gpu', effect: 'NO_SCHEDULE' }]);
  });
  it('forms a Karpenter NodePool from its nodes, with the tags they share', () => {
    const pool = groups.find((g) => g.managedBy === 'karpenter')!;
    expect(pool).toMatchObject({ id: 'ml/gpu-pool', status: 'UNKNOWN', instanceTypes: ['g5.xlarge'], tags: { team: 'vision' } });
    expect(pool.nodes.map((n) => n.instanceId)).toEqual(['i-c', 'i-d']);
    expect(groups).toHaveLength(2);
  });
});

describe('GPU pods from listed Container Insights series', () => {
  const listed = new Map([
    [
      'gpuRequest' as const,
      [
        series('pod_gpu_request', { ClusterName: 'ml', Namespace: 'a', PodName: 'p1', FullPodName: 'p1-x' }),
        series('pod_gpu_request', { ClusterName: 'ml', Namespace: 'a', PodName: 'p1' }),
        series('pod_gpu_request', { ClusterName: 'ml', Namespace: 'a' }),
      ],
    ],
    [
      'gpuUtilization' as const,
      [
        // Per-container and per-GPU series are narrower than the pod: never its own.
        series('pod_gpu_utilization', { ClusterName: 'ml', Namespace: 'a', PodName: 'p1', ContainerName: 'c' }),
        series('pod_gpu_utilization', { ClusterName: 'ml', Namespace: 'a', PodName: 'p1', FullPodName: 'p1-x', GpuDevice: 'nvidia0' }),
        series('pod_gpu_utilization', { ClusterName: 'ml', Namespace: 'a', PodName: 'p2' }),
      ],
    ],
  ]);
  const found = podsFromSeries(ctx, [], listed);

  it('keeps pods that requested GPUs, read from their own, narrowest pod-level series', () => {
    expect(found.pods.map((p) => p.id)).toEqual(['ml/a/p1']);
    const chosen = found.series.get(found.pods[0]!)!;
    expect(chosen.gpuRequest?.dimensions.map((d) => d.Name)).toEqual(['ClusterName', 'Namespace', 'PodName']);
    expect(chosen.gpuUtilization).toBeUndefined();
  });
});

describe('EKS node series', () => {
  it("reads a node's own series by InstanceId and learns its node name; per-GPU series and unknown nodes are skipped", () => {
    const groups = formGroups(
      ctx,
      [{ clusterName: 'ml', nodegroupName: 'gpu', status: 'ACTIVE' }],
      [node('i-a', { 'eks:cluster-name': 'ml', 'eks:nodegroup-name': 'gpu' })],
    );
    const requests = eksNodeRequests(
      groups,
      new Map([
        [
          'gpuUtilization' as const,
          [
            series('node_gpu_utilization', { ClusterName: 'ml', InstanceId: 'i-a', NodeName: 'ip-10-0-0-1', InstanceType: 'g5.xlarge', GpuDevice: 'nvidia0' }),
            series('node_gpu_utilization', { ClusterName: 'ml', InstanceId: 'i-a', NodeName: 'ip-10-0-0-1' }),
            series('node_gpu_utilization', { ClusterName: 'ml', InstanceId: 'i-zzz', NodeName: 'ip-10-0-0-2' }),
            series('node_gpu_utilization', { ClusterName: 'other', InstanceId: 'i-a', NodeName: 'ip-10-0-0-1' }),
          ],
        ],
      ]),
      { periodSeconds: 3600, windowHours: 336 },
    );
    expect(requests.map((r) => [r.metricName, r.stat, r.dimensions.length])).toEqual([['node_gpu_utilization', 'Average', 3]]);
    expect(groups[0]!.nodes[0]!.nodeName).toBe('ip-10-0-0-1');
    requests[0]!.onResult({ timestamps: [0, 3_600_000], values: [10, 30] });
    expect(groups[0]!.nodes[0]!.metrics.gpuUtilization).toMatchObject({ avg: 20, max: 30, datapoints: 2 });
  });
});
