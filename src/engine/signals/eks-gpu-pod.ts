import type { Price } from '../../catalog/index.js';
import type { EksGpuPod, EksNodeGroup, Snapshot } from '../../snapshot/schema.js';
import { memoPerObject } from '../memo.js';
import { monthlyFromHourly } from '../money.js';
import { nodeInstance } from './eks-nodes.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface EksGpuPodSignals {
  clusterName: string;
  namespace: string;
  /** Peak GPUs the pod requested (pod_gpu_request max). */
  requestedGpus: number;
  hasGpuMetrics: boolean;
  gpuUtilP95Pct: number;
  gpuUtilMaxPct: number;
  gpuMemMaxPct: number;
  observedHours: number;
  dataSufficient: boolean;
  /** Instance type of the node its GPUs are priced at ('' when unknown). */
  instanceType: string;
  /** The team it is attributed to: the namespace's in mlcost.config.yaml (eks.namespaceTeams), else its node groups' team tag. */
  team: string;
  monthlyCost: number;
  priced: boolean;
}

export const EKS_GPU_POD_SIGNAL_KEYS = {
  clusterName: { type: 'string', doc: 'The EKS cluster.' },
  namespace: { type: 'string', doc: 'Kubernetes namespace.' },
  requestedGpus: { type: 'number', doc: 'Peak GPUs the pod requested (pod_gpu_request).' },
  hasGpuMetrics: { type: 'bool', doc: 'pod_gpu_utilization has datapoints.' },
  gpuUtilP95Pct: { type: 'number', doc: "p95 utilisation of the pod's GPUs, percent." },
  gpuUtilMaxPct: { type: 'number', doc: "Peak utilisation of the pod's GPUs, percent." },
  gpuMemMaxPct: { type: 'number', doc: "Peak share of the pod's GPU memory in use, percent." },
  observedHours: { type: 'number', doc: 'Hours with GPU utilisation datapoints.' },
  dataSufficient: { type: 'bool', doc: 'observedHours reaches minObservedHours (config).' },
  instanceType: { type: 'string', doc: "Instance type of the node the pod's GPUs are priced at ('' when unknown)." },
  team: { type: 'string', doc: "Team from eks.namespaceTeams in mlcost.config.yaml, else its node groups' team tag ('' when none)." },
  monthlyCost: { type: 'number', doc: "The pod's share of its node: requested GPUs / node GPUs x node hourly x 730, USD (0 when unpriced)." },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known node price.' },
} as const satisfies SignalKeys<EksGpuPodSignals>;

interface GpuRate {
  price: Price;
  instanceType: string;
  gpus: number;
  basis: string;
}

export function eksGpuPodSignals(pod: EksGpuPod, ctx: SignalContext): { signals: EksGpuPodSignals; cost: ResourceCost; team?: string } {
  const m = pod.metrics;
  const util = m.gpuUtilization && m.gpuUtilization.datapoints > 0 ? m.gpuUtilization : undefined;
  const observedHours = util?.observedHours ?? 0;
  const requestedGpus = Math.round(m.gpuRequest?.max ?? 0);
  const rate = gpuRateOf(pod, ctx);
  const cost: ResourceCost =
    'reason' in rate
      ? { monthly: null, prices: [], unknown: [rate.reason] }
      : {
          monthly: monthlyFromHourly((rate.price.usd * requestedGpus) / rate.gpus),
          prices: [{ item: `${rate.instanceType} (${requestedGpus} of ${rate.gpus} GPUs; ${rate.basis})`, price: rate.price }],
          unknown: [],
        };
  const team = ctx.config.eks.namespaceTeams[pod.namespace] ?? teamTagOf(pod.tags, ctx.config.teamTags);
  const signals: EksGpuPodSignals = {
    clusterName: pod.clusterName,
    namespace: pod.namespace,
    requestedGpus,
    hasGpuMetrics: util !== undefined,
    gpuUtilP95Pct: round(util?.p95 ?? 0),
    gpuUtilMaxPct: round(util?.max ?? 0),
    gpuMemMaxPct: round(m.gpuMemoryUtilization?.max ?? 0),
    observedHours: round(observedHours),
    dataSufficient: observedHours >= ctx.minObservedHours,
    instanceType: 'reason' in rate ? '' : rate.instanceType,
    team: team ?? '',
    monthlyCost: cost.monthly ?? 0,
    priced: cost.monthly !== null,
  };
  return team !== undefined ? { signals, cost, team } : { signals, cost };
}

function teamTagOf(tags: Readonly<Record<string, string>>, keys: readonly string[]): string | undefined {
  for (const k of keys) if (tags[k]) return tags[k];
  return undefined;
}

/**
 * The hourly price of one GPU where the pod runs. Container Insights names no node for a pod,
 * so unless a series carried NodeName or InstanceId, the pod is priced at its cluster's GPU nodes
 * when they all cost the same per GPU; otherwise its share is unknown, never guessed.
 */
function gpuRateOf(pod: EksGpuPod, ctx: SignalContext): GpuRate | { reason: string } {
  const groups = groupsByCluster(ctx.snapshot).get(`${pod.accountId}|${pod.region}|${pod.clusterName}`) ?? [];
  const instanceId =
    pod.instanceId ?? (pod.nodeName !== undefined ? groups.flatMap((g) => g.nodes).find((n) => n.nodeName === pod.nodeName)?.instanceId : undefined);
  const candidates = instanceId !== undefined ? [instanceId] : groups.flatMap((g) => g.nodes.map((n) => n.instanceId));
  const rates: GpuRate[] = [];
  for (const id of candidates) {
    const node = nodeInstance({ accountId: pod.accountId, region: pod.region, instanceId: id }, ctx);
    const gpus = node?.spec?.gpu?.count ?? 0;
    if (!node?.running || gpus === 0) continue;
    if (!node.hourly) return { reason: node.unknown ?? `no price for node ${id}` };
    rates.push({
      price: node.hourly,
      instanceType: node.instance.type,
      gpus,
      basis: instanceId !== undefined ? `node ${id}` : `every GPU node of cluster ${pod.clusterName} costs the same per GPU`,
    });
  }
  if (!rates.length) return { reason: `no running GPU node of cluster ${pod.clusterName} in the EC2 inventory to price pod ${pod.namespace}/${pod.name}` };
  const perGpu = rates.map((r) => r.price.usd / r.gpus);
  if (perGpu.some((p) => Math.abs(p - perGpu[0]!) > 1e-9))
    return { reason: `pod ${pod.namespace}/${pod.name}: Container Insights names no node and cluster ${pod.clusterName}'s GPU nodes differ in price per GPU` };
  return rates[0]!;
}

const groupsByCluster = memoPerObject((snapshot: Snapshot) => {
  const index = new Map<string, EksNodeGroup[]>();
  for (const g of snapshot.resources.eksNodeGroups) {
    const key = `${g.accountId}|${g.region}|${g.clusterName}`;
    index.set(key, [...(index.get(key) ?? []), g]);
  }
  return index;
});
