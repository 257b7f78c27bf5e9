import { acceleratorsOf, type InstanceSpec } from '../../catalog/index.js';
import type { EksNodeGroup } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { nodeInstance, type NodeInstance } from './eks-nodes.js';
import { round } from './metrics.js';
import { networkPeakGbps } from './network.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

/** One running node of the group as rules see it. */
export interface EksNodeSignal {
  instanceId: string;
  instanceType: string;
  /** GPUs, or NeuronCores on a Trainium / Inferentia node. */
  gpus: number;
  /** Peak GPUs requested by the pods on the node (node_gpu_usage_total max); 0 when nothing asked for a GPU or nothing reports requests. */
  gpusRequestedMax: number;
  /** A request series exists for the node: GPU nodes have node_gpu_usage_total; Container Insights publishes no NeuronCore request metric. */
  requestMeasured: boolean;
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
  /** NVIDIA GPUs or NeuronCores (Trainium, Inferentia): the unit the gpu* signals count. */
  hasAccelerator: boolean;
  acceleratorUnit: string;
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
  /** Busiest node's peak NetworkIn + NetworkOut, Gbps (0 when no node reported network). */
  networkPeakGbps: number;
  networkMeasured: boolean;
  /** A node has an EFA interface attached (multi-node training). */
  efaAttached: boolean;
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
  hasAccelerator: { type: 'bool', doc: 'The nodes have NVIDIA GPUs or NeuronCores (Trainium, Inferentia).' },
  acceleratorUnit: { type: 'string', doc: 'GPU or NeuronCore: what gpuCountPerNode and the per-node gpu* signals count.' },
  gpuCountPerNode: { type: 'number', doc: 'GPUs (or NeuronCores) per node.' },
  gpuModel: { type: 'string', doc: 'GPU model, e.g. NVIDIA A10G, or the Neuron device, e.g. Trainium.' },
  gpuMemoryGiBEach: { type: 'number', doc: 'Memory of each GPU (or NeuronCore share of its device), GiB.' },
  nodes: {
    type: 'list',
    doc: 'Per running node: instanceId, instanceType, gpus, gpusRequestedMax, requestMeasured, gpuUtilP95Pct, gpuUtilMaxPct, gpuMemMaxPct, cpuP95Pct, observedHours, dataSufficient, monthlyCost, priced. On Neuron nodes the gpu* values are NeuronCore utilisation and Neuron device memory, and requestMeasured is false.',
  },
  nodesReporting: { type: 'number', doc: 'Running nodes with Container Insights GPU utilisation for at least minObservedHours.' },
  gpuDataSufficient: { type: 'bool', doc: 'Every running node reported GPU utilisation for at least minObservedHours.' },
  gpusRequestedMax: { type: 'number', doc: 'Peak GPUs requested by pods on any node (node_gpu_usage_total).' },
  gpuMemUsedMaxGiB: { type: 'number', doc: "Peak GPU memory in use on any node, GiB (node_gpu_memory_utilization x the node's GPU memory)." },
  gpuUtilP95MaxPct: { type: 'number', doc: "The busiest node's p95 GPU utilisation, percent." },
  minSize: { type: 'number', doc: 'Scaling minimum of a managed node group (0 for Karpenter).' },
  desiredSize: { type: 'number', doc: 'Desired size of a managed node group (the node count for Karpenter).' },
  spot: { type: 'bool', doc: 'Capacity type SPOT.' },
  networkPeakGbps: { type: 'number', doc: "Busiest node's peak NetworkIn + NetworkOut over one collection period, Gbps (0 when not measured)." },
  networkMeasured: { type: 'bool', doc: 'Some node reported AWS/EC2 NetworkIn or NetworkOut.' },
  efaAttached: { type: 'bool', doc: 'A node has an EFA network interface attached (multi-node training).' },
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
  const acc = acceleratorsOf(spec);
  const network = running.map(({ found }) => networkPeakGbps(found.instance.metrics)).filter((g) => g !== undefined);
  const signals: EksNodeGroupSignals = {
    // A group no EKS API described (Karpenter, or a denied call) counts as active while it has running nodes.
    active: group.status === 'ACTIVE' || (group.status === 'UNKNOWN' && running.length > 0),
    karpenter: group.managedBy === 'karpenter',
    clusterName: group.clusterName,
    nodeCount: running.length,
    instanceType: spec?.type ?? group.instanceTypes[0] ?? '',
    hasGpu: (spec?.gpu?.count ?? 0) > 0,
    hasAccelerator: (acc?.count ?? 0) > 0,
    acceleratorUnit: acc?.unit ?? 'GPU',
    gpuCountPerNode: acc?.count ?? 0,
    gpuModel: acc?.model ?? '',
    gpuMemoryGiBEach: acc?.memoryGiBEach ?? 0,
    nodes,
    nodesReporting: nodes.filter((n) => n.dataSufficient).length,
    gpuDataSufficient: nodes.length > 0 && nodes.every((n) => n.dataSufficient),
    gpusRequestedMax: Math.max(0, ...nodes.map((n) => n.gpusRequestedMax)),
    gpuMemUsedMaxGiB: round(Math.max(0, ...nodes.map((n) => (n.gpuMemMaxPct / 100) * (acc?.totalMemoryGiB ?? 0))), 2),
    gpuUtilP95MaxPct: Math.max(0, ...nodes.map((n) => n.gpuUtilP95Pct)),
    minSize: group.scaling?.minSize ?? 0,
    desiredSize: group.scaling?.desiredSize ?? running.length,
    spot: group.capacityType === 'SPOT',
    networkPeakGbps: Math.max(0, ...network),
    networkMeasured: network.length > 0,
    efaAttached: running.some(({ found }) => found.instance.efaAttached === true),
    monthlyCost: cost.monthly ?? 0,
    priced: cost.monthly !== null,
  };
  return spec ? { signals, cost, spec } : { signals, cost };
}

/**
 * A GPU node reads node_gpu_*; a Trainium / Inferentia node reads node_neuroncore_utilization and
 * node_neuroncore_memory_usage_total (taken as the node's total over its cores, against the devices'
 * memory). No Neuron request metric exists, so a Neuron node's data is sufficient on utilisation alone.
 */
function nodeSignal(node: EksNodeGroup['nodes'][number], found: NodeInstance, ctx: SignalContext): EksNodeSignal {
  const m = node.metrics;
  const acc = acceleratorsOf(found.spec);
  const neuron = acc?.unit === 'NeuronCore';
  const series = neuron ? m.neuronCoreUtilization : m.gpuUtilization;
  const util = series && series.datapoints > 0 ? series : undefined;
  const observedHours = util?.observedHours ?? 0;
  const requestMeasured = !neuron && m.gpuRequested !== undefined && m.gpuRequested.datapoints > 0;
  const memPct = neuron
    ? acc.totalMemoryGiB > 0
      ? ((m.neuronCoreMemoryUsedBytes?.max ?? 0) / (acc.totalMemoryGiB * 2 ** 30)) * 100
      : 0
    : (m.gpuMemoryUtilization?.max ?? 0);
  return {
    instanceId: node.instanceId,
    instanceType: found.instance.type,
    gpus: acc?.count ?? 0,
    gpusRequestedMax: requestMeasured ? Math.round(m.gpuRequested?.max ?? 0) : 0,
    requestMeasured,
    gpuUtilP95Pct: round(util?.p95 ?? 0),
    gpuUtilMaxPct: round(util?.max ?? 0),
    gpuMemMaxPct: round(memPct),
    cpuP95Pct: round(found.instance.metrics.cpu?.p95 ?? 0),
    observedHours: round(observedHours),
    // A GPU node's request count must have been seen too: utilisation without a request series proves nothing about requests.
    dataSufficient: observedHours >= ctx.minObservedHours && (neuron || requestMeasured),
    monthlyCost: found.hourly ? monthlyFromHourly(found.hourly.usd) : 0,
    priced: found.hourly !== undefined,
  };
}
