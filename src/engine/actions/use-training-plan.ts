import { z } from 'zod';
import { HOURS_PER_MONTH } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { SageMakerTrainingPlan } from '../../snapshot/types/sagemaker-training-plan.js';
import type { SignalContext } from '../signals/types.js';
import { defineAction, priceEntry, type PricedMove } from './types.js';
import { severityByHoursLeft } from './use-capacity-block.js';

/**
 * Put training work into a SageMaker training plan whose reserved instances sit empty. The plan was
 * paid upfront, so what the empty instances are worth (their share of the fee over the hours left)
 * is already spent and reported as such; the saving is the on-demand training it would replace:
 * on-demand (not spot, not in a training plan) training jobs of its instance type in its region since it started, up to
 * the empty instance-hours it has left.
 */
export const useTrainingPlan = defineAction({
  resource: 'sagemaker-training-plan',
  params: z.object({}),
  price({ resource: p, signals: s, env }): PricedMove | undefined {
    if (!s.active || s.availableNow <= 0 || s.hoursLeft <= 0) return undefined;
    const hours = Math.round(s.hoursLeft);
    const type = s.instanceType === '' ? 'reserved' : s.instanceType;
    const how = s.forTrainingJobs
      ? `set ResourceConfig.TrainingPlanArn=${p.arn} (with InstanceType ${type}) on the queued CreateTrainingJob requests`
      : `add instance groups with TrainingPlanArn=${p.arn} to the HyperPod cluster meant to use it`;
    const od = onDemandTraining(p, s.instanceType, env);
    const movableHours = Math.min(od.instanceHours, s.availableNow * Math.min(HOURS_PER_MONTH, s.hoursLeft));
    const rate = env.prices.sagemakerTrainingHourly(s.instanceType, p.region);
    // Nothing to move is a known $0; something to move at an unknown rate is unpriced.
    const unknown = movableHours > 0 && !rate.known ? rate.reason : undefined;
    const monthlySavings = unknown !== undefined ? null : movableHours > 0 && rate.known ? roundCents(rate.price.usd * movableHours) : 0;
    const paid = s.feeKnown ? `; about $${s.unusedPaidUsd.toFixed(2)} of its upfront fee, already paid, buys these empty hours` : '';
    return {
      from: `${s.availableNow} of ${s.totalInstances} instances empty`,
      to: 'queued training scheduled into it',
      description: `Schedule queued training into training plan ${p.name}: ${s.availableNow} of ${s.totalInstances} ${type} instances are empty for ${hours} more hours${paid}; ${how}`,
      monthlySavings,
      severity: severityByHoursLeft(s.hoursLeft),
      pricing: {
        method:
          'the plan was paid upfront, so the saving is the on-demand training it replaces: instance-hours of on-demand training jobs of its type in its region since it started, at most its empty instances x hours left (730 at most), x the SageMaker training rate; unusedPaidUsd = upfront fee x available/total instances x hours left/duration (already paid, not a saving)',
        prices: rate.known && movableHours > 0 ? [priceEntry(`${s.instanceType} training instance-hour`, rate.price)] : [],
        ...(unknown !== undefined ? { unknown: [unknown] } : {}),
      },
      confidence: 'high',
      evidence: {
        status: p.status,
        totalInstances: s.totalInstances,
        availableInstances: s.availableNow,
        inUseInstances: s.inUseNow,
        hoursLeft: s.hoursLeft,
        durationHours: s.durationHours,
        emptyInstanceHoursLeft: Math.round(s.availableNow * s.hoursLeft),
        upfrontFee: p.upfrontFee ?? null,
        currencyCode: p.currencyCode ?? null,
        unusedPaidUsd: s.feeKnown ? s.unusedPaidUsd : null,
        onDemandTrainingJobs: od.jobs,
        onDemandTrainingInstanceHours: Math.round(od.instanceHours * 100) / 100,
        targetResources: p.targetResources,
        endTime: p.endTime ?? null,
      },
      tradeoff: {
        performanceRisk: 'none',
        summary: `the plan's hours are paid whether used or not and end at ${p.endTime ?? 'its end time'}; jobs in it must finish or checkpoint before then`,
      },
    };
  },
});

/** On-demand training jobs of the plan's type and region that started after it did: work that could have run in it. */
function onDemandTraining(p: SageMakerTrainingPlan, instanceType: string, env: SignalContext): { jobs: number; instanceHours: number } {
  const since = p.startTime === undefined ? Number.NEGATIVE_INFINITY : Date.parse(p.startTime);
  let jobs = 0;
  let instanceHours = 0;
  for (const j of env.snapshot.resources.sagemakerTrainingJobs) {
    // Spot jobs and jobs already in a training plan (this one or another) are not on-demand work to move.
    if (j.accountId !== p.accountId || j.region !== p.region || j.instanceType !== instanceType || j.managedSpot || j.trainingPlanArn !== undefined) continue;
    if (j.trainingStartTime === undefined || Date.parse(j.trainingStartTime) < since) continue;
    jobs += 1;
    instanceHours += ((j.billableTimeSeconds ?? 0) * j.instanceCount) / 3600;
  }
  return { jobs, instanceHours };
}
