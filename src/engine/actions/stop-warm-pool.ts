import { z } from 'zod';
import { roundCents } from '../../money.js';
import { defineAction, priceEntry } from './types.js';

/**
 * Stop paying for a training warm pool nobody reuses: KeepAlivePeriodInSeconds 0 on future jobs
 * (and UpdateTrainingJob with 0 on a pool still Available). The saving is the retained instance-hours
 * billed in the window x Train rate, projected to a month.
 */
export const stopWarmPool = defineAction({
  resource: 'sagemaker-training-job',
  params: z.object({}),
  price(ctx) {
    const { resource: job, signals: s, cost } = ctx;
    if (s.warmPoolInstanceHours <= 0 || s.warmPoolReused) return undefined;
    const rate = cost.prices[0]?.price;
    return {
      from: `keep-alive ${s.keepAliveMinutes} min`,
      to: 'keep-alive 0',
      description: `Drop the warm pool of ${job.name}: set KeepAlivePeriodInSeconds to 0 for jobs of this kind${job.warmPool?.status === 'Available' ? ', and update this job to 0 to release the pool now' : ''}`,
      monthlySavings: rate ? roundCents(s.warmPoolInstanceHours * rate.usd * s.monthlyFactor) : null,
      pricing: {
        method: `saving = warm-pool instance-hours billed in the window (${s.warmPoolInstanceHours}) x training hourly rate x 30 / ${s.windowDays} days: a monthly projection from the window's jobs`,
        prices: rate ? [priceEntry(`${job.instanceType} training (warm pool)`, rate)] : [],
        ...(cost.unknown.length ? { unknown: cost.unknown } : {}),
      },
      confidence: 'medium',
      evidence: {
        warmPoolStatus: job.warmPool?.status ?? null,
        retainedInstanceHours: s.warmPoolInstanceHours,
        keepAliveMinutes: s.keepAliveMinutes,
        reusedByJob: null,
        windowDays: s.windowDays,
      },
      tradeoff: {
        performanceRisk: 'low',
        summary: `no job reused the pool, so its ${s.warmPoolInstanceHours} retained instance-hours bought nothing; without it the next job waits for instances to provision (minutes)`,
        before: { label: `${s.instanceCount} x ${job.instanceType} kept ${s.keepAliveMinutes} min after the job` },
        after: { label: 'released when the job ends' },
      },
    };
  },
});
