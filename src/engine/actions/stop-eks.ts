import { z } from 'zod';
import { roundCents } from '../../money.js';
import type { EksNodeSignal } from '../signals/eks-node-group.js';
import { pricingOfCost } from './resource-cost.js';
import { defineAction, priceEntry } from './types.js';

/** When a node or pod counts as idle: the rules' thresholds (idle-gpu-node, gpu-pod-idle). */
const IdleParams = z.object({ maxGpuUtilPct: z.number().min(0).max(100), maxGpuMemoryPct: z.number().min(0).max(100) });
type Idle = z.infer<typeof IdleParams>;

/** "Requested nothing" only where a request metric exists (GPU nodes); a Neuron node is judged on utilisation and device memory alone. */
export function idleNodes(nodes: readonly EksNodeSignal[], p: Idle): EksNodeSignal[] {
  return nodes.filter(
    (n) => n.dataSufficient && (!n.requestMeasured || n.gpusRequestedMax === 0) && n.gpuUtilP95Pct <= p.maxGpuUtilPct && n.gpuMemMaxPct <= p.maxGpuMemoryPct,
  );
}

/**
 * Take the GPU nodes nobody scheduled GPU work on out of the group: lower a managed node group's
 * desired size (and its minimum, when it pins them), or let Karpenter consolidate them. The saving
 * is those nodes' EC2 cost, so their own EC2 findings yield to this one (`covers`).
 */
export const stopIdleNodes = defineAction({
  resource: 'eks-node-group',
  params: IdleParams,
  price(ctx) {
    const { resource: g, signals: s } = ctx;
    const idle = idleNodes(s.nodes, ctx.params);
    if (!idle.length) return undefined;
    const remaining = Math.max(0, s.desiredSize - idle.length);
    const unpriced = idle.filter((n) => !n.priced);
    const prices = ctx.cost.prices.map((p) => priceEntry(p.item, p.price));
    const unit = s.acceleratorUnit;
    const unmeasured = idle.filter((n) => !n.requestMeasured).length;
    const description = s.karpenter
      ? `Let Karpenter consolidate ${idle.length} idle ${unit === 'GPU' ? 'GPU' : s.gpuModel} node(s) of NodePool ${g.name} in cluster ${g.clusterName} (consolidationPolicy: WhenEmptyOrUnderutilized)`
      : `Scale node group ${g.name} in cluster ${g.clusterName} from ${s.desiredSize} to ${remaining} node(s)${s.minSize > remaining ? ` (lower its minimum size from ${s.minSize} to ${remaining})` : ''}`;
    return {
      from: `${s.nodeCount} x ${s.instanceType}`,
      to: `${s.nodeCount - idle.length} x ${s.instanceType}`,
      description,
      monthlySavings: unpriced.length ? null : roundCents(idle.reduce((sum, n) => sum + n.monthlyCost, 0)),
      pricing: {
        method: "saving = idle nodes' EC2 hourly rate x 730 h (from the EC2 inventory)",
        prices,
        ...(unpriced.length ? { unknown: ctx.cost.unknown.length ? ctx.cost.unknown : unpriced.map((n) => `no price for node ${n.instanceId}`) } : {}),
      },
      // Utilisation alone (no request metric) cannot rule out a pod that holds the devices between bursts.
      confidence: !unmeasured && Math.min(...idle.map((n) => n.observedHours)) >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        idleNodes: idle.map(({ instanceId, gpusRequestedMax, requestMeasured, gpuUtilP95Pct, gpuMemMaxPct, observedHours }) => ({
          instanceId,
          ...(requestMeasured ? { gpusRequestedMax } : { requestMetric: 'none published for NeuronCores' }),
          gpuUtilP95Pct,
          gpuMemMaxPct,
          observedHours,
        })),
        nodes: s.nodeCount,
        desiredSize: s.desiredSize,
        minSize: s.minSize,
      },
      tradeoff: {
        performanceRisk: 'low',
        summary: unmeasured
          ? `frees ${idle.length * s.gpuCountPerNode}x ${s.gpuModel} ${unit} on ${idle.length} node(s) with ~0 ${unit} utilisation and device memory; Container Insights publishes no ${unit} request metric, so this is judged on utilisation alone: check no pod holds aws.amazon.com/neuron devices it will use; pods arriving later wait for a node to start (minutes)`
          : `frees ${idle.length * s.gpuCountPerNode}x ${s.gpuModel || 'GPU'} on ${idle.length} node(s) where no pod requested a GPU; GPU pods arriving later wait for a node to start (minutes)`,
        before: { label: `${s.nodeCount} x ${s.instanceType}`, gpus: s.nodeCount * s.gpuCountPerNode },
        after: { label: `${s.nodeCount - idle.length} x ${s.instanceType}`, gpus: (s.nodeCount - idle.length) * s.gpuCountPerNode },
      },
      covers: idle.map((n) => ({ type: 'ec2-instance' as const, id: n.instanceId })),
    };
  },
});

/** Stop a pod that holds GPUs it does not use, or drop its GPU request: the saving is its share of the node. */
export const stopIdlePod = defineAction({
  resource: 'eks-gpu-pod',
  params: IdleParams,
  price(ctx) {
    const { resource: pod, signals: s } = ctx;
    return {
      from: `${s.requestedGpus} GPU(s)`,
      to: '0 GPUs',
      description: `Stop pod ${pod.namespace}/${pod.name} in cluster ${pod.clusterName}, or drop its nvidia.com/gpu request of ${s.requestedGpus}`,
      monthlySavings: ctx.cost.monthly,
      pricing: pricingOfCost(ctx.cost, "saving = the pod's share of its node: requested GPUs / node GPUs x node hourly rate x 730 h"),
      confidence: s.observedHours >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        requestedGpus: s.requestedGpus,
        gpuUtilP95Pct: s.gpuUtilP95Pct,
        gpuUtilMaxPct: s.gpuUtilMaxPct,
        gpuMemMaxPct: s.gpuMemMaxPct,
        observedHours: s.observedHours,
        namespace: pod.namespace,
        ...(s.team ? { team: s.team } : {}),
      },
      tradeoff: {
        performanceRisk: 'low',
        summary: `frees ${s.requestedGpus} GPU(s) for other pods (the node scales in once nothing else needs it); the pod's work, if any, must run without GPUs or be restarted on demand`,
        before: { label: `${pod.namespace}/${pod.name}`, gpus: s.requestedGpus },
        after: { label: 'stopped', gpus: 0 },
      },
    };
  },
});
