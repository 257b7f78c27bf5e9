import { z } from 'zod';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { riskFromUtil } from './capacity.js';
import { defineAction, priceEntry } from './types.js';

/**
 * Fewer instances behind an endpoint whose per-GPU utilisation is low: the fewest instances that
 * keep the p95 under 100 - headroomPct percent when the same load is spread over them. Each
 * instance still holds the whole model, so GPU memory per instance does not change.
 */
export const downsizeEndpoint = defineAction({
  resource: 'sagemaker-endpoint',
  params: z.object({ headroomPct: z.number().min(0).lt(100), minInstances: z.number().int().min(1) }),
  price(ctx) {
    const { resource: ep, signals: s } = ctx;
    const target = 100 - ctx.params.headroomPct;
    const minInstances = ctx.params.minInstances;
    const busiest = Math.max(s.gpuUtilP95Pct, s.cpuP95Pct);
    const needed = Math.max(minInstances, Math.ceil((s.instanceCount * busiest) / target));
    if (needed >= s.instanceCount) return undefined;
    const hourly = ctx.env.prices.sagemakerHourly(s.instanceType, ep.region);
    const utilAfter = Math.min(100, (busiest * s.instanceCount) / needed);
    return {
      from: `${s.instanceCount} x ${s.instanceType}`,
      to: `${needed} x ${s.instanceType}`,
      description: `Lower ${ep.name} to ${needed} instance(s) (update the endpoint's InitialInstanceCount or its auto-scaling minimum)`,
      monthlySavings: hourly.known ? roundCents(monthlyFromHourly(hourly.price.usd, s.instanceCount - needed)) : null,
      pricing: {
        method: 'saving = instances removed x SageMaker hosting hourly x 730 h',
        prices: hourly.known ? [priceEntry(`${s.instanceType} hosting`, hourly.price)] : [],
        ...(hourly.known ? {} : { unknown: [hourly.reason] }),
      },
      confidence: s.observedHours >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        gpuUtilP95Pct: s.gpuUtilP95Pct,
        gpuUtilMaxPct: s.gpuUtilMaxPct,
        gpuMemMaxPct: s.gpuMemMaxPct,
        cpuP95Pct: s.cpuP95Pct,
        invocationsPerDay: s.invocationsPerDay,
        instances: s.instanceCount,
      },
      tradeoff: {
        performanceRisk: riskFromUtil(utilAfter),
        summary: `instances ${s.instanceCount} -> ${needed}, GPUs ${s.gpuCount * s.instanceCount} -> ${s.gpuCount * needed}, p95 ${s.hasGpuMetrics ? 'GPU' : 'CPU'} util ${Math.round(busiest)}% -> ~${Math.round(utilAfter)}%; fewer replicas means less headroom for spikes and for an instance failing`,
        before: { label: `${s.instanceCount} x ${s.instanceType}`, gpus: s.gpuCount * s.instanceCount, expectedUtilPct: busiest },
        after: { label: `${needed} x ${s.instanceType}`, gpus: s.gpuCount * needed, expectedUtilPct: Math.round(utilAfter * 10) / 10 },
      },
    };
  },
});
