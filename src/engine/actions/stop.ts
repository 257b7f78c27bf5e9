import { z } from 'zod';
import type { Finding } from '../result.js';
import { evidenceOf } from '../signals/metrics.js';
import { instanceCapacity } from './capacity.js';
import { stopWarmPool } from './stop-warm-pool.js';
import { stopIdleNodes, stopIdlePod } from './stop-eks.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/** Stop an instance that does no work: saves its compute; its EBS volumes keep billing. */
export const stop: ActionKindDefinition = {
  kind: 'stop',
  definitions: [
    defineAction({
      resource: 'ec2-instance',
      params: z.object({}),
      price(ctx) {
        const { resource: inst, signals: s, cost, spec } = ctx;
        const volumes = ctx.env.volumesByInstance.get(inst.id) ?? [];
        const volumeGiB = volumes.reduce((sum, v) => sum + v.sizeGiB, 0);
        const keeps = volumes.length ? `; ${volumes.length} EBS volume(s), ${volumeGiB} GiB, keep billing while stopped` : '';
        const frees = !s.hasGpu
          ? `frees ${s.vcpu} vCPU`
          : s.acceleratorUnit === 'NeuronCore'
            ? `frees ${s.gpuCount} ${s.gpuModel} NeuronCores`
            : `frees ${s.gpuCount}x ${s.gpuModel}`;
        const tradeoff: Finding['tradeoff'] = {
          performanceRisk: 'low',
          summary: `${frees}; nothing ran in ${Math.round(s.observedHours / 24)} days; restart takes minutes${keeps}`,
        };
        if (spec) {
          tradeoff.before = instanceCapacity(spec, s.hasGpu ? s.gpuUtilP95MeanPct : s.cpuP95Pct);
          tradeoff.after = { label: 'stopped', gpus: 0, vcpu: 0, memoryGiB: 0, gpuMemoryGiB: 0 };
        }
        return {
          from: inst.type,
          description: `Stop ${inst.id} (${inst.type})${inst.membership.autoScalingGroup ? ` or scale its Auto Scaling group ${inst.membership.autoScalingGroup} down` : ''}`,
          monthlySavings: cost.monthly,
          pricing: {
            method: 'saving = hourly rate x 730 h (compute only; attached EBS keeps billing)',
            prices: cost.prices.map((p) => priceEntry(p.item, p.price)),
            ...(cost.unknown.length ? { unknown: cost.unknown } : {}),
          },
          confidence: s.observedHours >= 7 * 24 ? 'high' : 'medium',
          evidence: {
            observedHours: s.observedHours,
            cpu: evidenceOf(inst.metrics.cpu),
            ...(s.hasGpu ? { gpus: s.gpus.map(({ index, utilP95Pct, utilMaxPct, memUsedMaxGiB }) => ({ index, utilP95Pct, utilMaxPct, memUsedMaxGiB })) } : {}),
            ...(volumes.length ? { attachedVolumes: volumes.map((v) => v.id) } : {}),
          },
          tradeoff,
        };
      },
    }),
    stopWarmPool,
    stopIdleNodes,
    stopIdlePod,
  ],
};
