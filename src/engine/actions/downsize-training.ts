import { z } from 'zod';
import { cheapestFit, type FitNeed } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { instanceCapacity, riskFromUtil } from './capacity.js';
import { defineAction, priceEntry, type PricedMove } from './types.js';

/**
 * A training job whose GPUs sat mostly idle: fewer instances when it ran on several, else the
 * cheapest smaller size of the same family that holds the work (the one fitting function EC2
 * rightsizing uses, on the ml. type's EC2 twin; same family only, since SageMaker offers a subset
 * of EC2 types). The GPUs needed are the p95 load spread to (100 - headroomPct)% each; each GPU keeps
 * its peak memory (data-parallel replicas). The saving assumes the job takes as long on less
 * hardware (its GPUs were waiting, not computing), priced at the Train rates, projected to a month.
 */
export const downsizeTrainingJob = defineAction({
  resource: 'sagemaker-training-job',
  params: z.object({ headroomPct: z.number().min(0).lt(100) }),
  price(ctx): PricedMove | undefined {
    const { resource: job, signals: s, spec, cost } = ctx;
    if (!spec?.gpu || !s.hasGpuMetrics) return undefined;
    const target = 100 - ctx.params.headroomPct;
    const rate = cost.prices[0]?.price;
    if (s.instanceCount > 1) {
      const needed = Math.max(1, Math.ceil((s.instanceCount * s.gpuUtilP95Pct) / target));
      if (needed >= s.instanceCount) return undefined;
      const utilAfter = Math.min(100, (s.gpuUtilP95Pct * s.instanceCount) / needed);
      const saved = rate ? roundCents(((s.instanceCount - needed) / s.instanceCount) * s.billableInstanceHours * rate.usd * s.monthlyFactor) : null;
      return move(ctx, `${s.instanceCount} x ${job.instanceType}`, `${needed} x ${job.instanceType}`, saved, utilAfter, [], {
        description: `Train ${job.name} on ${needed} instance(s) instead of ${s.instanceCount} (ResourceConfig.InstanceCount)`,
        method: `saving = billed instance-hours (${s.billableInstanceHours}) x share of instances removed x training hourly rate x 30 / ${s.windowDays} days: a monthly projection from the window's jobs, assuming the job takes as long on fewer instances`,
        gpusAfter: spec.gpu.count * needed,
      });
    }
    const gpus = Math.max(1, Math.ceil((spec.gpu.count * s.gpuUtilP95Pct) / target));
    const keep = gpus / spec.gpu.count;
    const need: FitNeed = {
      gpus,
      gpuMemoryGiBEach: (spec.gpu.memoryGiBEach * s.gpuMemMaxPct) / 100,
      // Without host metrics, CPU and memory shrink with the GPUs kept (the family's own ratio).
      vcpu: s.cpuP95Pct > 0 ? (spec.vcpu * s.cpuP95Pct) / target : spec.vcpu * keep,
      memoryGiB: s.memMaxPct > 0 ? (spec.memoryGiB * s.memMaxPct) / target : spec.memoryGiB * keep,
      nvlink: false,
      // SageMaker mounts the instance store as the job's scratch volume; network is not collected for jobs,
      // and a multi-instance job changes its count above, never its type, so EFA is not at stake here.
      instanceStore: spec.instanceStoreGB !== undefined,
    };
    const fit = cheapestFit(spec, need, SAME_FAMILY, ctx.env.prices, job.region);
    if (!fit) return undefined;
    const to = `ml.${fit.spec.type}`;
    const newRate = ctx.env.prices.sagemakerTrainingHourly(to, job.region);
    const unknown = newRate.known ? [] : [newRate.reason];
    const saved = rate && newRate.known ? roundCents(s.billableInstanceHours * (rate.usd - newRate.price.usd) * s.monthlyFactor) : null;
    if (saved !== null && saved <= 0) return undefined;
    const utilAfter = Math.min(100, (s.gpuUtilP95Pct * spec.gpu.count) / (fit.spec.gpu?.count ?? 1));
    return move(ctx, job.instanceType, to, saved, utilAfter, unknown, {
      description: `Train ${job.name} on ${to} instead of ${job.instanceType} (ResourceConfig.InstanceType)`,
      method: `saving = billed instance-hours (${s.billableInstanceHours}) x (training hourly rate now - on ${to}) x 30 / ${s.windowDays} days: a monthly projection from the window's jobs, assuming the job takes as long on the smaller type`,
      gpusAfter: fit.spec.gpu?.count ?? 0,
      after: fit.spec,
      ...(newRate.known ? { newPrice: { item: `${to} training`, price: newRate.price } } : {}),
    });
  },
});

const SAME_FAMILY = { sameFamilyOnly: true } as const;

type Ctx = Parameters<typeof downsizeTrainingJob.price>[0];

function move(
  ctx: Ctx,
  from: string,
  to: string,
  saved: number | null,
  utilAfter: number,
  unknown: string[],
  m: {
    description: string;
    method: string;
    gpusAfter: number;
    after?: NonNullable<Ctx['spec']>;
    newPrice?: { item: string; price: NonNullable<Ctx['cost']['prices'][number]>['price'] };
  },
): PricedMove {
  const { signals: s, spec, cost } = ctx;
  const allUnknown = [...cost.unknown, ...unknown];
  const before = spec ? { ...instanceCapacity(spec, s.gpuUtilP95Pct), label: from, gpus: s.gpuCount * s.instanceCount } : { label: from };
  const after = m.after
    ? { ...instanceCapacity(m.after, utilAfter), label: to }
    : { label: to, gpus: m.gpusAfter, expectedUtilPct: Math.round(utilAfter * 10) / 10 };
  return {
    from,
    to,
    description: m.description,
    monthlySavings: saved,
    pricing: {
      method: m.method,
      prices: [...cost.prices.map((p) => priceEntry(p.item, p.price)), ...(m.newPrice ? [priceEntry(m.newPrice.item, m.newPrice.price)] : [])],
      ...(allUnknown.length ? { unknown: allUnknown } : {}),
    },
    confidence: 'medium',
    evidence: {
      gpuUtilP95Pct: s.gpuUtilP95Pct,
      gpuUtilMaxPct: s.gpuUtilMaxPct,
      gpuMemMaxPct: s.gpuMemMaxPct,
      cpuP95Pct: s.cpuP95Pct,
      billableInstanceHours: s.billableInstanceHours,
      windowDays: s.windowDays,
    },
    tradeoff: {
      performanceRisk: riskFromUtil(utilAfter),
      summary: `GPUs ${s.gpuCount * s.instanceCount} -> ${m.gpusAfter}, p95 GPU util ${Math.round(s.gpuUtilP95Pct)}% -> ~${Math.round(utilAfter)}%; if the job was compute-bound after all it runs longer, and a different size may need its batch size or parallelism changed`,
      before,
      after,
    },
  };
}
