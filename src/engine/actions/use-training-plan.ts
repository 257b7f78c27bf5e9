import { z } from 'zod';
import { defineAction, type PricedMove } from './types.js';
import { severityByHoursLeft } from './use-capacity-block.js';

/**
 * Put training work into a SageMaker training plan whose reserved instances sit empty. The plan was
 * paid upfront, so what the empty instances are worth (their share of the fee over the hours left)
 * is already spent and reported as such; the saving is the on-demand training it would replace.
 * mlcost does not collect SageMaker training jobs yet, so that saving is a known $0, and says so.
 */
export const useTrainingPlan = defineAction({
  resource: 'sagemaker-training-plan',
  params: z.object({}),
  price({ resource: p, signals: s }): PricedMove | undefined {
    if (!s.active || s.availableNow <= 0 || s.hoursLeft <= 0) return undefined;
    const hours = Math.round(s.hoursLeft);
    const type = s.instanceType === '' ? 'reserved' : s.instanceType;
    const how = s.forTrainingJobs
      ? `set ResourceConfig.TrainingPlanArn=${p.arn} (with InstanceType ${type}) on the queued CreateTrainingJob requests`
      : `add instance groups with TrainingPlanArn=${p.arn} to the HyperPod cluster meant to use it`;
    const paid = s.feeKnown ? `; about $${s.unusedPaidUsd.toFixed(2)} of its upfront fee, already paid, buys these empty hours` : '';
    return {
      from: `${s.availableNow} of ${s.totalInstances} instances empty`,
      to: 'queued training scheduled into it',
      description: `Schedule queued training into training plan ${p.name}: ${s.availableNow} of ${s.totalInstances} ${type} instances are empty for ${hours} more hours${paid}; ${how}`,
      monthlySavings: 0,
      severity: severityByHoursLeft(s.hoursLeft),
      pricing: {
        method:
          'the plan was paid upfront, so nothing more is saved by using it than the on-demand training it replaces; SageMaker training jobs are not collected yet, so that saving is a known $0 here. unusedPaidUsd = upfront fee x available/total instances x hours left/duration (already paid)',
        prices: [],
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
