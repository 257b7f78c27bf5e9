import { CreateClusterCommand, CreateNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS, type SeriesSpec } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectWithUsage, type CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult, Finding } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * An EKS cluster with two GPU node groups and a Trainium one, seeded through the SDK into moto_server: the node groups
 * through the EKS API, their nodes as EC2 instances carrying EKS's tags, and Container Insights
 * node and pod series. Collected live, then judged by every built-in rule.
 */
const REGION = 'us-east-1';
const CLUSTER = 'ml';
let moto: Moto;
let snapshot: Snapshot;
let usage: CollectUsage;
let result: AuditResult;
const nodes: Record<string, { id: string; dns: string }[]> = {};

const ci = (metricName: string, dimensions: Record<string, string>, value: number): SeriesSpec => ({
  namespace: 'ContainerInsights',
  metricName,
  dimensions,
  points: daily(new Date(), 14, () => value),
});

/** A node's own series (ClusterName, InstanceId, NodeName) and a per-GPU series that must not be mistaken for it. */
function nodeSeries(node: { id: string; dns: string }, s: { util: number; mem: number; requested: number }): SeriesSpec[] {
  const dims = { ClusterName: CLUSTER, InstanceId: node.id, NodeName: node.dns };
  return [
    ci('node_gpu_utilization', dims, s.util),
    ci('node_gpu_utilization', { ...dims, InstanceType: 'g5.12xlarge', GpuDevice: 'nvidia0' }, 99),
    ci('node_gpu_memory_utilization', dims, s.mem),
    ci('node_gpu_limit', dims, 4),
    ci('node_gpu_usage_total', dims, s.requested),
    { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: node.id }, points: daily(new Date(), 14, () => 5) },
  ];
}

function podSeries(namespace: string, pod: string, s: { requested: number; util: number; mem: number }): SeriesSpec[] {
  const dims = { ClusterName: CLUSTER, Namespace: namespace, PodName: pod };
  return [
    ci('pod_gpu_request', dims, s.requested),
    ci('pod_gpu_request', { ...dims, FullPodName: `${pod}-7d9f` }, s.requested),
    ci('pod_gpu_utilization', dims, s.util),
    ci('pod_gpu_memory_utilization', dims, s.mem),
  ];
}

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  moto = await startMoto();
  const { ec2, cw } = seedClients(moto.endpoint, REGION);
  const eks = new EKSClient({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
  await eks.send(new CreateClusterCommand({ name: CLUSTER, roleArn: 'arn:aws:iam::123456789012:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1'] } }));
  for (const [name, team] of [
    ['batch', 'research'],
    ['train', 'research'],
  ] as const) {
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: CLUSTER,
        nodegroupName: name,
        nodeRole: 'arn:aws:iam::123456789012:role/node',
        subnets: ['subnet-1'],
        instanceTypes: ['g5.12xlarge'],
        scalingConfig: { minSize: 2, maxSize: 4, desiredSize: 2 },
        capacityType: 'ON_DEMAND',
        amiType: 'AL2_x86_64_GPU',
        tags: { team },
      }),
    );
    const launched = await launch(ec2, 'g5.12xlarge', 2, {
      'eks:cluster-name': CLUSTER,
      'eks:nodegroup-name': name,
      [`kubernetes.io/cluster/${CLUSTER}`]: 'owned',
    });
    nodes[name] = launched.map((l) => ({ id: l.id, dns: l.privateDns }));
  }
  // neuron: one trn1.32xlarge whose NeuronCores did nothing for 14 days (Container Insights' Neuron metrics).
  await eks.send(
    new CreateNodegroupCommand({
      clusterName: CLUSTER,
      nodegroupName: 'neuron',
      nodeRole: 'arn:aws:iam::123456789012:role/node',
      subnets: ['subnet-1'],
      instanceTypes: ['trn1.32xlarge'],
      scalingConfig: { minSize: 1, maxSize: 2, desiredSize: 1 },
      capacityType: 'ON_DEMAND',
      amiType: 'AL2_x86_64_GPU',
    }),
  );
  nodes['neuron'] = (
    await launch(ec2, 'trn1.32xlarge', 1, { 'eks:cluster-name': CLUSTER, 'eks:nodegroup-name': 'neuron', [`kubernetes.io/cluster/${CLUSTER}`]: 'owned' })
  ).map((l) => ({ id: l.id, dns: l.privateDns }));
  const [n0] = nodes['neuron'];
  const neuronDims = { ClusterName: CLUSTER, InstanceId: n0!.id, NodeName: n0!.dns };
  await putSeries(cw, [
    ci('node_neuroncore_utilization', neuronDims, 0.1),
    // A per-core series (NeuronDevice, NeuronCore) must not be taken for the node's own.
    ci('node_neuroncore_utilization', { ...neuronDims, InstanceType: 'trn1.32xlarge', NeuronDevice: '0', NeuronCore: '0' }, 95),
    ci('node_neuroncore_memory_usage_total', neuronDims, 0),
    { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: n0!.id }, points: daily(new Date(), 14, () => 1) },
  ]);
  const [b0, b1] = nodes['batch']!;
  const [t0, t1] = nodes['train']!;
  await putSeries(cw, [
    // batch: nobody requested a GPU on either node.
    ...nodeSeries(b0!, { util: 0, mem: 0, requested: 0 }),
    ...nodeSeries(b1!, { util: 0, mem: 0, requested: 0 }),
    // The CloudWatch agent's NVIDIA metrics on a batch node too: idle-gpu-instance fires on it and must yield.
    ...[0, 1, 2, 3].map((index): SeriesSpec => ({
      namespace: 'CWAgent',
      metricName: 'nvidia_smi_utilization_gpu',
      dimensions: { InstanceId: b0!.id, index: String(index), name: 'NVIDIA A10G' },
      points: daily(new Date(), 14, () => 0),
    })),
    ...[0, 1, 2, 3].map((index): SeriesSpec => ({
      namespace: 'CWAgent',
      metricName: 'nvidia_smi_memory_used',
      dimensions: { InstanceId: b0!.id, index: String(index), name: 'NVIDIA A10G' },
      points: daily(new Date(), 14, () => 0),
    })),
    // train: pods ask for one GPU of four per node and use 10% of the node's GPU memory.
    ...nodeSeries(t0!, { util: 20, mem: 10, requested: 1 }),
    ...nodeSeries(t1!, { util: 20, mem: 10, requested: 1 }),
    ...podSeries('research', 'train-0', { requested: 1, util: 60, mem: 40 }),
    ...podSeries('research', 'notebook-0', { requested: 1, util: 0, mem: 0 }),
  ]);

  const config = ConfigSchema.parse({ eks: { namespaceTeams: { research: 'vision' } } });
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  ({ snapshot, usage } = await collectWithUsage({
    config,
    regions: [REGION],
    allRegions: false,
    endpointUrl: moto.endpoint,
    lookbackDays: 14,
    org: false,
    prices: 'embedded',
    maxAttempts: 2,
    cacheDir: '/nonexistent/mlcost-test-cache',
    now: new Date(),
  }));
  result = evaluate(snapshot, { rules: await loadRules(), config });
}, 180_000);

afterAll(async () => {
  await stopAll(moto);
});

const findingOf = (resourceId: string): Finding | undefined => result.findings.find((f) => f.resource.id === resourceId);
const n0Id = (): string => nodes['neuron']![0]!.id;

describe('collect: an EKS cluster with GPU node groups against moto_server', () => {
  it('reads both node groups with their scaling, capacity type, AMI type and tags, and joins their EC2 nodes by tag', () => {
    const groups = snapshot.resources.eksNodeGroups.map((g) => ({
      id: g.id,
      managedBy: g.managedBy,
      scaling: g.scaling,
      capacityType: g.capacityType,
      amiType: g.amiType,
      team: g.tags['team'],
      nodes: g.nodes.map((n) => n.instanceId).sort(),
    }));
    expect(groups.filter((g) => g.id !== `${CLUSTER}/neuron`).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      ['batch', 'train'].map((name) => ({
        id: `${CLUSTER}/${name}`,
        managedBy: 'eks-nodegroup',
        scaling: { minSize: 2, maxSize: 4, desiredSize: 2 },
        capacityType: 'ON_DEMAND',
        amiType: 'AL2_x86_64_GPU',
        team: 'research',
        nodes: nodes[name]!.map((n) => n.id).sort(),
      })),
    );
  });

  it("summarises each node's own Container Insights series (not the per-GPU ones) and learns its node name", () => {
    const train = snapshot.resources.eksNodeGroups.find((g) => g.name === 'train')!;
    const node = train.nodes.find((n) => n.instanceId === nodes['train']![0]!.id)!;
    expect(node.nodeName).toBe(nodes['train']![0]!.dns);
    expect(node.metrics.gpuUtilization?.max).toBe(20);
    expect(node.metrics.gpuMemoryUtilization?.max).toBe(10);
    expect(node.metrics.gpuLimit?.max).toBe(4);
    expect(node.metrics.gpuRequested?.max).toBe(1);
    expect(node.metrics.gpuUtilization?.observedHours).toBeGreaterThanOrEqual(13 * 24);
  });

  it('discovers GPU pods with one ListMetrics call per pod metric, not one per pod', () => {
    expect(snapshot.resources.eksGpuPods.map((p) => p.id).sort()).toEqual(['ml/research/notebook-0', 'ml/research/train-0']);
    const nb = snapshot.resources.eksGpuPods.find((p) => p.name === 'notebook-0')!;
    expect(nb.metrics.gpuRequest?.max).toBe(1);
    expect(nb.metrics.gpuUtilization?.max).toBe(0);
    expect(nb.tags).toEqual({ team: 'research' });
    // 3 pod metrics + 6 node metrics + the EC2 agent's 4 (the CloudWatch agent on EC2) + neuron-monitor's 2
    // (a Neuron instance is running) listed once each.
    expect(usage.apiCalls['cloudwatch:ListMetrics']).toBe(15);
    expect(usage.apiCalls['eks:DescribeNodegroup']).toBe(3);
  });

  it('idle-gpu-node: scale batch down by its two idle nodes, their EC2 cost saved once', () => {
    const f = findingOf(`${CLUSTER}/batch`);
    expect(f?.ruleId).toBe('idle-gpu-node');
    // 2 x g5.12xlarge $5.672/h x 730 h.
    expect(f?.monthlySavings).toBe(8281.12);
    expect(f?.action.description).toBe('Scale node group batch in cluster ml from 2 to 0 node(s) (lower its minimum size from 2 to 0)');
    // The batch node's own idle-gpu-instance finding yielded to the node group's.
    expect(findingOf(nodes['batch']![0]!.id)).toBeUndefined();
    // Both nodes' EC2 findings (idle GPUs on one, idle CPU and network on both) yielded to the node group's.
    const superseded = f?.evidence['supersedes'] as { ruleId: string; resourceId: string; monthlySavings: number }[];
    expect(superseded.map((x) => `${x.resourceId} ${x.ruleId} ${x.monthlySavings}`).sort()).toEqual(
      [`${nodes['batch']![0]!.id} idle-gpu-instance 4140.56`, `${nodes['batch']![1]!.id} idle-instance 4140.56`].sort(),
    );
    expect(findingOf(nodes['batch']![1]!.id)).toBeUndefined();
  });

  it('idle-gpu-node on Trainium: the node with ~0 NeuronCore use is found on utilisation alone, priced to the cent', () => {
    const node = snapshot.resources.eksNodeGroups.find((g) => g.name === 'neuron')!.nodes[0]!;
    expect(node.metrics.neuronCoreUtilization?.max).toBe(0.1);
    expect(node.metrics.neuronCoreMemoryUsedBytes?.max).toBe(0);
    const f = findingOf(`${CLUSTER}/neuron`);
    expect(f?.ruleId).toBe('idle-gpu-node');
    // 1 x trn1.32xlarge $21.50/h x 730 h.
    expect(f?.monthlySavings).toBe(15695);
    expect(f?.action.description).toBe('Scale node group neuron in cluster ml from 1 to 0 node(s) (lower its minimum size from 1 to 0)');
    expect(f?.tradeoff.summary).toContain('frees 32x Trainium NeuronCore on 1 node(s)');
    expect(f?.tradeoff.summary).toContain('judged on utilisation alone');
    // The node's own EC2 finding yields to the node group's.
    expect(findingOf(n0Id())).toBeUndefined();
  });

  it('gpu-nodegroup-oversized: move train to the cheapest type its pods fit', () => {
    const f = findingOf(`${CLUSTER}/train`);
    expect(f?.ruleId).toBe('gpu-nodegroup-oversized');
    expect([f?.action.from, f?.action.to]).toEqual(['g5.12xlarge', 'g6.xlarge']);
    // 2 x $5.672 x 730 = $8,281.12 now; 2 x $0.8048 x 730 = $1,175.01 after.
    expect(f?.monthlySavings).toBe(7106.11);
  });

  it("gpu-pod-idle: the idle notebook's share of its node, attributed to its namespace's team", () => {
    const f = findingOf('ml/research/notebook-0');
    expect(f?.ruleId).toBe('gpu-pod-idle');
    // 1 of 4 GPUs of a g5.12xlarge: $5.672 / 4 x 730 = $1,035.14.
    expect(f?.monthlySavings).toBe(1035.14);
    expect(f?.resource.team).toBe('vision');
    expect(findingOf('ml/research/train-0')).toBeUndefined();
  });

  it('counts every saving once and the nodes once in the total cost', () => {
    expect(result.totals.monthlySavings).toBe(Math.round(result.findings.reduce((s, f) => s + (f.monthlySavings ?? 0), 0) * 100) / 100);
    // Node groups and pods cost what their EC2 nodes cost: the total is the same without them.
    const withoutEks = evaluate(
      { ...snapshot, resources: { ...snapshot.resources, eksNodeGroups: [], eksGpuPods: [] } },
      { rules: [], config: ConfigSchema.parse({}) },
    );
    expect(result.totals.monthlyCost).toBe(withoutEks.totals.monthlyCost);
    expect(result.totals.monthlyCost).toBeGreaterThanOrEqual(4 * 4140.56);
  });

  it('calls only EKS reads that `mlcost permissions` grants', () => {
    const granted = new Set(minimalPolicy().Statement.flatMap((s) => s.Action));
    const eksCalls = Object.keys(usage.apiCalls).filter((c) => c.startsWith('eks:'));
    expect(eksCalls.sort()).toEqual(['eks:DescribeNodegroup', 'eks:ListClusters', 'eks:ListNodegroups']);
    for (const call of eksCalls) expect(granted).toContain(call);
  });
});
