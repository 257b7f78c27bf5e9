/** Builders for EKS node groups, their EC2 nodes and GPU pods, shaped like the collectors write them. */
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Ec2Instance, EksGpuPod, EksNodeGroup, MetricSummary } from '../../src/snapshot/schema.js';
import { gauge, rng } from '../../scripts/synthetic.js';
import { WINDOW, END, instance, snapshotOf } from '../helpers/builders.js';

const rand = rng(17);
const ACCOUNT = '111122223333';

const flat = (v: number, days: number): MetricSummary => gauge(WINDOW, { avg: v, p95: v, max: v, days }, rand);

export interface NodeShape {
  id?: string;
  type: string;
  /** node_gpu_utilization p95 and max, percent; no GPU metrics when absent. */
  util?: [p95: number, max: number];
  memMaxPct?: number;
  /** Peak GPUs requested by pods on the node (node_gpu_usage_total). */
  requested?: number;
  /** node_neuroncore_utilization p95 and max, percent (Trainium / Inferentia nodes). */
  neuronUtil?: [p95: number, max: number];
  /** node_neuroncore_memory_usage_total peak, bytes. */
  neuronMemBytes?: number;
  /** An EFA interface attached to the node's instance. */
  efaAttached?: boolean;
  cpuP95?: number;
  days?: number;
  state?: Ec2Instance['state'];
  lifecycle?: Ec2Instance['lifecycle'];
  nodeName?: string;
}

let seq = 0;

export function eksGroup(opts: {
  name?: string;
  cluster?: string;
  nodes: NodeShape[];
  scaling?: { minSize: number; maxSize: number; desiredSize: number };
  capacityType?: string;
  managedBy?: EksNodeGroup['managedBy'];
  tags?: Record<string, string>;
}): { group: EksNodeGroup; instances: Ec2Instance[] } {
  const name = opts.name ?? 'gpu';
  const cluster = opts.cluster ?? 'ml';
  const instances: Ec2Instance[] = [];
  const nodes: EksNodeGroup['nodes'] = opts.nodes.map((n) => {
    const days = n.days ?? WINDOW.days;
    const id = n.id ?? `i-0eks${String(++seq).padStart(13, '0')}`;
    const cpu = n.cpuP95 ?? 10;
    const inst = instance({
      id,
      type: n.type,
      cpu: [cpu / 2, cpu, cpu],
      gpu: [],
      days,
      ...(n.state ? { state: n.state } : {}),
      ...(n.lifecycle ? { lifecycle: n.lifecycle } : {}),
      tags: { 'eks:cluster-name': cluster, 'eks:nodegroup-name': name },
    });
    delete inst.metrics.gpus;
    inst.membership = { eksCluster: cluster, eksNodeGroup: name };
    if (n.efaAttached) inst.efaAttached = true;
    instances.push(inst);
    const metrics: EksNodeGroup['nodes'][number]['metrics'] = {};
    if (n.util) metrics.gpuUtilization = gauge(WINDOW, { avg: n.util[0] / 2, p95: n.util[0], max: n.util[1], days }, rand);
    if (n.memMaxPct !== undefined) metrics.gpuMemoryUtilization = gauge(WINDOW, { avg: n.memMaxPct / 2, p95: n.memMaxPct, max: n.memMaxPct, days }, rand);
    if (n.requested !== undefined) metrics.gpuRequested = flat(n.requested, days);
    if (n.neuronUtil) metrics.neuronCoreUtilization = gauge(WINDOW, { avg: n.neuronUtil[0] / 2, p95: n.neuronUtil[0], max: n.neuronUtil[1], days }, rand);
    if (n.neuronMemBytes !== undefined) metrics.neuronCoreMemoryUsedBytes = flat(n.neuronMemBytes, days);
    return { instanceId: id, ...(n.nodeName ? { nodeName: n.nodeName } : {}), metrics };
  });
  const group: EksNodeGroup = {
    id: `${cluster}/${name}`,
    name,
    clusterName: cluster,
    accountId: ACCOUNT,
    region: 'us-east-1',
    managedBy: opts.managedBy ?? 'eks-nodegroup',
    status: 'ACTIVE',
    instanceTypes: [opts.nodes[0]?.type ?? 'g5.xlarge'],
    capacityType: opts.capacityType ?? 'ON_DEMAND',
    ...(opts.managedBy === 'karpenter' ? {} : { scaling: opts.scaling ?? { minSize: 0, maxSize: 10, desiredSize: opts.nodes.length } }),
    labels: {},
    taints: [],
    tags: opts.tags ?? {},
    nodes,
  };
  return { group, instances };
}

export function gpuPod(opts: {
  name?: string;
  namespace?: string;
  cluster?: string;
  requested: number;
  util?: [p95: number, max: number];
  memMaxPct?: number;
  days?: number;
  nodeName?: string;
  tags?: Record<string, string>;
}): EksGpuPod {
  const days = opts.days ?? WINDOW.days;
  const name = opts.name ?? 'trainer-0';
  const namespace = opts.namespace ?? 'research';
  const cluster = opts.cluster ?? 'ml';
  const metrics: EksGpuPod['metrics'] = { gpuRequest: flat(opts.requested, days) };
  if (opts.util) metrics.gpuUtilization = gauge(WINDOW, { avg: opts.util[0] / 2, p95: opts.util[0], max: opts.util[1], days }, rand);
  if (opts.memMaxPct !== undefined) metrics.gpuMemoryUtilization = gauge(WINDOW, { avg: opts.memMaxPct, p95: opts.memMaxPct, max: opts.memMaxPct, days }, rand);
  return {
    id: `${cluster}/${namespace}/${name}`,
    name,
    namespace,
    clusterName: cluster,
    accountId: ACCOUNT,
    region: 'us-east-1',
    ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
    tags: opts.tags ?? {},
    metrics,
  };
}

/** Audits node groups (with their EC2 nodes), pods and extra instances with some rules, their params overridden and an optional config. */
export async function eksAudit(
  parts: { groups?: { group: EksNodeGroup; instances: Ec2Instance[] }[]; pods?: EksGpuPod[]; instances?: Ec2Instance[] },
  only: string[],
  options: { params?: Record<string, Record<string, unknown>>; config?: Record<string, unknown> } = {},
): Promise<AuditResult> {
  const groups = parts.groups ?? [];
  const snapshot = snapshotOf({
    ec2Instances: [...groups.flatMap((g) => g.instances), ...(parts.instances ?? [])],
    eksNodeGroups: groups.map((g) => g.group),
    eksGpuPods: parts.pods ?? [],
  });
  const rules = (await loadRules(options.params ? { params: options.params } : {})).filter((r) => only.includes(r.spec.id));
  return evaluate(snapshot, { rules, config: ConfigSchema.parse(options.config ?? {}), now: END });
}
