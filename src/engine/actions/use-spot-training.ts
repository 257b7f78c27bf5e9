import { z } from 'zod';
import { spotAdvice } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { defineAction, priceEntry } from './types.js';

/** AWS's documented ceiling for managed spot training ("up to 90%" over on-demand): the estimate never exceeds it. */
export const MANAGED_SPOT_MAX_SAVING_PCT = 90;

/**
 * Managed spot training for an on-demand training job. SageMaker runs the job on EC2 Spot capacity
 * of the type's EC2 twin, so the discount and the interruption risk are the Spot Instance Advisor's
 * for that twin and region (a 30-day average, not a quote), capped at AWS's documented 90%. The
 * saving is the job's billed instance-hours x Train rate x that discount, projected to a month.
 */
export const useSpotForTrainingJob = defineAction({
  resource: 'sagemaker-training-job',
  params: z.object({}),
  price(ctx) {
    const { resource: job, signals: s, cost } = ctx;
    if (!s.onDemand) return undefined;
    const twin = job.instanceType.replace(/^ml\./, '');
    const advice = spotAdvice(twin, job.region);
    const rate = cost.prices[0]?.price;
    const unknown = [...cost.unknown, ...(advice ? [] : [`the shipped Spot Instance Advisor extract has no entry for ${twin} in ${job.region}`])];
    const pct = advice ? Math.min(advice.typicalSavingPct, MANAGED_SPOT_MAX_SAVING_PCT) : undefined;
    const savings = rate && pct !== undefined ? roundCents(s.billableInstanceHours * rate.usd * (pct / 100) * s.monthlyFactor) : null;
    if (savings !== null && savings <= 0) return undefined;
    const band = advice?.band ?? 'unknown';
    const resumes = s.hasCheckpoints
      ? `resumes from its checkpoints in ${job.checkpointS3Uri ?? ''}`
      : `restarts from the beginning (${s.trainingHours} h of work at most)`;
    return {
      from: 'on-demand',
      to: 'managed spot',
      description: `Train ${job.name} with managed spot training (EnableManagedSpotTraining, MaxWaitTimeInSeconds above MaxRuntimeInSeconds)`,
      monthlySavings: savings,
      pricing: {
        method: `saving = billed instance-hours in the window (${s.billableInstanceHours}) x training hourly rate x typical Spot saving of the EC2 twin (Spot Instance Advisor, at most AWS's documented ${MANAGED_SPOT_MAX_SAVING_PCT}%) x 30 / ${s.windowDays} days: a monthly projection from the window's jobs`,
        prices: rate ? [priceEntry(`${job.instanceType} training on-demand`, rate)] : [],
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: 'low',
      evidence: {
        billableInstanceHours: s.billableInstanceHours,
        trainingHours: s.trainingHours,
        checkpointS3Uri: job.checkpointS3Uri ?? null,
        interruptionBand: band,
        ...(advice ? { spotAdvisor: { ...advice, instanceType: twin } } : {}),
        windowDays: s.windowDays,
      },
      tradeoff: {
        performanceRisk: band === '<5%' ? 'low' : band === 'unknown' ? 'medium' : 'high',
        summary: `interruption frequency of ${twin} Spot ${band === 'unknown' ? 'unknown (no Spot Instance Advisor data shipped)' : band}; an interrupted job ${resumes}, and the job may wait for capacity up to MaxWaitTimeInSeconds`,
        before: { label: `${s.instanceCount} x ${job.instanceType} on-demand` },
        after: { label: `${s.instanceCount} x ${job.instanceType} managed spot`, interruptionBand: band },
      },
    };
  },
});
