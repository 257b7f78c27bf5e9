/**
 * The demo's EKS part: a research cluster whose GPU node groups show each EKS rule (a batch node
 * group nobody schedules on, a training group larger than its pods need, a notebook pod holding a
 * GPU it never uses) beside the production serving cluster's busy node group.
 */
import type { Ec2Instance, EksGpuPod, EksNodeGroup, MetricSummary } from '../../src/snapshot/schema.js';
import { counter, gauge, rng, type Window } from '../synthetic.js';

interface Accounts {
  research: string;
  prod: string;
}

interface NodeLoad {
  util: number;
  memPct: number;
  requested: number;
}

export function demoEks(w: Window, a: Accounts): { ec2Instances: Ec2Instance[]; eksNodeGroups: EksNodeGroup[]; eksGpuPods: EksGpuPod[] } {
  // Its own random stream, so the rest of the demo's figures do not move.
  const rand = rng(1717);
  const flat = (v: number): MetricSummary => gauge(w, { avg: v, p95: v, max: v }, rand);
  const load = (l: NodeLoad): EksNodeGroup['nodes'][number]['metrics'] => ({
    gpuUtilization: gauge(w, { avg: l.util / 2, p95: l.util, max: Math.min(100, l.util * 1.3 + 0.5) }, rand),
    gpuMemoryUtilization: gauge(w, { avg: l.memPct / 2, p95: l.memPct, max: l.memPct }, rand),
    gpuLimit: flat(4),
    gpuRequested: flat(l.requested),
  });
  const ec2Instances: Ec2Instance[] = [];
  const node = (id: string, type: string, cluster: string, group: string, l: NodeLoad, account: string, region: string): EksNodeGroup['nodes'][number] => {
    const tags = { Name: `${cluster}-${group}`, team: 'research', 'eks:cluster-name': cluster, 'eks:nodegroup-name': group };
    ec2Instances.push({
      id,
      accountId: account,
      region,
      name: tags.Name,
      type,
      state: 'running',
      lifecycle: 'on-demand',
      platform: 'Linux/UNIX',
      launchTime: new Date(w.end.getTime() - 45 * 86_400_000).toISOString(),
      tags,
      membership: { eksCluster: cluster, eksNodeGroup: group },
      metrics: {
        cpu: gauge(w, { avg: 2, p95: 4, max: 9 }, rand, { daily: true }),
        networkInBytes: counter(w, 30e6, rand, { daily: true }),
        networkOutBytes: counter(w, 20e6, rand, { daily: true }),
      },
    });
    return { instanceId: id, nodeName: `ip-10-1-0-${id.slice(-2)}.ec2.internal`, metrics: load(l) };
  };
  const group = (cluster: string, name: string, type: string, nodes: EksNodeGroup['nodes'], account: string, region: string): EksNodeGroup => ({
    id: `${cluster}/${name}`,
    name,
    clusterName: cluster,
    accountId: account,
    region,
    arn: `arn:aws:eks:${region}:${account}:nodegroup/${cluster}/${name}/demo`,
    managedBy: 'eks-nodegroup',
    status: 'ACTIVE',
    instanceTypes: [type],
    capacityType: 'ON_DEMAND',
    amiType: 'AL2023_x86_64_NVIDIA',
    scaling: { minSize: nodes.length, maxSize: nodes.length * 2, desiredSize: nodes.length },
    labels: { workload: name },
    taints: [{ key: 'nvidia.com/gpu', effect: 'NO_SCHEDULE' }],
    tags: { team: 'research' },
    nodes,
  });
  const r = (id: string, l: NodeLoad, groupName: string) => node(id, 'g5.12xlarge', 'research-k8s', groupName, l, a.research, 'us-east-1');
  const eksNodeGroups = [
    // Nobody scheduled GPU work here for two weeks: its minimum size keeps two nodes up.
    group(
      'research-k8s',
      'gpu-batch',
      'g5.12xlarge',
      [
        r('i-0e4b000000000b01', { util: 0, memPct: 0.2, requested: 0 }, 'gpu-batch'),
        r('i-0e4b000000000b02', { util: 0.3, memPct: 0.2, requested: 0 }, 'gpu-batch'),
      ],
      a.research,
      'us-east-1',
    ),
    // Pods ask for one GPU of four per node (15% of the node's GPU time: 60% of that one GPU) and use a tenth of the GPU memory.
    group(
      'research-k8s',
      'gpu-train',
      'g5.12xlarge',
      [1, 2, 3].map((i) => r(`i-0e4b000000000c0${i}`, { util: 15, memPct: 8, requested: 1 }, 'gpu-train')),
      a.research,
      'us-east-1',
    ),
    // Production serving: the four busy g5.2xlarge nodes of the EC2 part of the demo (make-demo-snapshot.ts).
    {
      ...group(
        'serving',
        'gpu-a10g',
        'g5.2xlarge',
        [0, 1, 2, 3].map((i) => ({ instanceId: `i-29bb00000000000${i}`, metrics: load({ util: 75, memPct: 70, requested: 1 }) })),
        a.prod,
        'us-west-2',
      ),
      tags: { team: 'serving' },
    },
  ];
  const pod = (namespace: string, name: string, requested: number, util: number, memPct: number): EksGpuPod => ({
    id: `research-k8s/${namespace}/${name}`,
    name,
    namespace,
    clusterName: 'research-k8s',
    accountId: a.research,
    region: 'us-east-1',
    tags: { team: 'research' },
    metrics: {
      gpuRequest: flat(requested),
      gpuUtilization: gauge(w, { avg: util / 2, p95: util, max: Math.min(100, util * 1.3 + 0.5) }, rand),
      gpuMemoryUtilization: gauge(w, { avg: memPct, p95: memPct, max: memPct }, rand),
    },
  });
  const eksGpuPods = [pod('notebooks', 'jupyter-alice', 1, 0.4, 1), pod('training', 'resnet-sweep-4', 1, 35, 32), pod('training', 'resnet-sweep-5', 1, 38, 30)];
  return { ec2Instances, eksNodeGroups, eksGpuPods };
}
