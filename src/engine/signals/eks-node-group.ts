import type { InstanceSpec } from '../../catalog/index.js';
import type { EksNodeGroup } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { nodeInstance, type NodeInstance } from './eks-nodes.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

/** One running node of the group as rules see it. */
export interface EksNodeSignal {
  instanceId: string;
  instanceType: string;
  gpus: number;
  /** Peak GPUs requested by the pods on the node (node_gpu_usage_total max); 0 when nothing asked for a GPU. */
  gpusRequestedMax: number;
  gpuUtilP95Pct: number;
  gpuUtilMaxPct: number;
  /** Peak share of the node's GPU memory in use (node_gpu_memory_utilization max). */
  gpuMemMaxPct: number;
  /** p95 CPU of the node's instance (AWS/EC2 CPUUtilization), percent. */
  cpuP95Pct: number;
  /** Hours with GPU utilisation datapoints. */
  observedHours: number;
  dataSufficient: boolean;
  monthlyCost: number;
  priced: boolean;
}

export interface EksNodeGroupSignals {
  active: boolean;
  karpenter: boolean;
  clusterName: string;
  /** Running nodes found in the EC2 inventory. */
  nodeCount: number;
  instanceType: string;
  hasGpu: boolean;
  gpuCountPerNode: number;
  gpuModel: string;
  gpuMemoryGiBEach: number;
  nodes: EksNodeSignal[];
  /** Running nodes that reported GPU utilisation for at least minObservedHours. */
  nodesReporting: number;
  gpuDataSufficient: boolean;
  /** Peak GPUs requested on any node. */
  gpusRequestedMax: number;
  /** Peak GPU memory in use on any node, GiB (share of the node's GPU memory x its total). */
  gpuMemUsedMaxGiB: number;
  gpuUtilP95MaxPct: number;
  minSize: number;
  desiredSize: number;
  spot: boolean;
  monthlyCost: number;
  priced: boolean;
}

export const EKS_NODE_GROUP_SIGNAL_KEYS = {
  active: { type: 'bool', doc: 'The node group is ACTIVE (Karpenter pools and groups known only from EC2 tags: it has running nodes).' },
  karpenter: { type: 'bool', doc: 'The nodes were launched by a Karpenter NodePool, not a managed node group.' },
  clusterName: { type: 'string', doc: 'The EKS cluster.' },
  nodeCount: { type: 'number', doc: 'Running nodes found in the EC2 inventory.' },
  instanceType: { type: 'string', doc: 'Instance type of the first running node (else the first configured type).' },
  hasGpu: { type: 'bool', doc: 'The nodes have NVIDIA GPUs.' },
  gpuCountPerNode: { type: 'number', doc: 'GPUs per node.' },
  gpuModel: { type: 'string', doc: 'GPU model, e.g. NVIDIA A10G.' },
  gpuMemoryGiBEach: { type: 'number', doc: 'Memory of each GPU, GiB.' },
  nodes: {
    type: 'list',
    doc: 'Per running node: instanceId, instanceType, gpus, gpusRequestedMax, gpuUtilP95Pct, gpuUtilMaxPct, gpuMemMaxPct, cpuP95Pct, observedHours, dataSufficient, monthlyCost, priced.',
  },
  nodesReporting: { type: 'number', doc: 'Running nodes with Container Insights GPU utilisation for at least minObservedHours.' },
  gpuDataSufficient: { type: 'bool', doc: 'Every running node reported GPU utilisation for at least minObservedHours.' },
  gpusRequestedMax: { type: 'number', doc: 'Peak GPUs requested by pods on any node (node_gpu_usage_total).' },
  gpuMemUsedMaxGiB: { type: 'number', doc: "Peak GPU memory in use on any node, GiB (node_gpu_memory_utilization x the node's GPU memory)." },
  gpuUtilP95MaxPct: { type: 'number', doc: "The busiest node's p95 GPU utilisation, percent." },
  minSize: { type: 'number', doc: 'Scaling minimum of a managed node group (0 for Karpenter).' },
  desiredSize: { type: 'number', doc: 'Desired size of a managed node group (the node count for Karpenter).' },
  spot: { type: 'bool', doc: 'Capacity type SPOT.' },
  monthlyCost: {
    type: 'number',
    doc: "What its running nodes cost per 730-hour month, USD, from the EC2 inventory (0 when unpriced); already in the EC2 instances' cost.",
  },
  priced: { type: 'bool', doc: 'Every running node has a known price.' },
} as const satisfies SignalKeys<EksNodeGroupSignals>;

export function eksNodeGroupSignals(group: EksNodeGroup, ctx: SignalContext): { signals: EksNodeGroupSignals; cost: ResourceCost; spec?: InstanceSpec } {
  const running: { node: EksNodeGroup['nodes'][number]; found: NodeInstance }[] = [];
  const cost: ResourceCost = { monthly: 0, prices: [], unknown: [] };
  for (const node of group.nodes) {
    const found = nodeInstance({ accountId: group.accountId, region: group.region, instanceId: node.instanceId }, ctx);
    if (!found?.running) continue;
    running.push({ node, found });
    if (found.hourly) {
      cost.monthly = roundCents((cost.monthly ?? 0) + monthlyFromHourly(found.hourly.usd));
      if (!cost.prices.some((p) => p.price === found.hourly))
        cost.prices.push({ item: `${found.instance.type} ${found.instance.lifecycle}`, price: found.hourly });
    } else if (found.unknown !== undefined) cost.unknown.push(found.unknown);
  }
  if (cost.unknown.length) cost.monthly = null;
  const spec = running[0]?.found.spec;
  const nodes = running.map(({ node, found }) => nodeSignal(node, found, ctx));
  const gpu = spec?.gpu;
  const signals: EksNodeGroupSignals = {
    // A group no EKS API described (Karpenter, or a denied call) counts as active while it has running nodes.
    active: group.status === 'ACTIVE' || (group.status === 'UNKNOWN' && running.length > 0),
    karpenter: group.managedBy === 'karpenter',
    clusterName: group.clusterName,
    nodeCount: running.length,
    instanceType: spec?.type ?? group.instanceTypes[0] ?? '',
    hasGpu: (gpu?.count ?? 0) > 0,
    gpuCountPerNode: gpu?.count ?? 0,
    gpuModel: gpu?.model ?? '',
    gpuMemoryGiBEach: gpu?.memoryGiBEach ?? 0,
    nodes,
    nodesReporting: nodes.filter((n) => n.dataSufficient).length,
    gpuDataSufficient: nodes.length > 0 && nodes.every((n) => n.dataSufficient),
    gpusRequestedMax: Math.max(0, ...nodes.map((n) => n.gpusRequestedMax)),
    gpuMemUsedMaxGiB: round(Math.max(0, ...nodes.map((n) => (n.gpuMemMaxPct / 100) * (gpu?.totalMemoryGiB ?? 0))), 2),
    gpuUtilP95MaxPct: Math.max(0, ...nodes.map((n) => n.gpuUtilP95Pct)),
    minSize: group.scaling?.minSize ?? 0,
    desiredSize: group.scaling?.desiredSize ?? running.length,
    spot: group.capacityType === 'SPOT',
    monthlyCost: cost.monthly ?? 0,
    priced: cost.monthly !== null,
  };
  return spec ? { signals, cost, spec } : { signals, cost };
}

function nodeSignal(node: EksNodeGroup['nodes'][number], found: NodeInstance, ctx: SignalContext): EksNodeSignal {
  const m = node.metrics;
  const util = m.gpuUtilization && m.gpuUtilization.datapoints > 0 ? m.gpuUtilization : undefined;
  const observedHours = util?.observedHours ?? 0;
  return {
    instanceId: node.instanceId,
    instanceType: found.instance.type,
    gpus: found.spec?.gpu?.count ?? 0,
    gpusRequestedMax: Math.round(m.gpuRequested?.max ?? 0),
    gpuUtilP95Pct: round(util?.p95 ?? 0),
    gpuUtilMaxPct: round(util?.max ?? 0),
    gpuMemMaxPct: round(m.gpuMemoryUtilization?.max ?? 0),
    cpuP95Pct: round(found.instance.metrics.cpu?.p95 ?? 0),
    observedHours: round(observedHours),
    // The request count must have been seen too: a node with utilisation but no request series proves nothing about requests.
    dataSufficient: observedHours >= ctx.minObservedHours && m.gpuRequested !== undefined && m.gpuRequested.datapoints > 0,
    monthlyCost: found.hourly ? monthlyFromHourly(found.hourly.usd) : 0,
    priced: found.hourly !== undefined,
  };
}
