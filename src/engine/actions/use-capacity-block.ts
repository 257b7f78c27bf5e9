import { z } from 'zod';
import { HOURS_PER_MONTH } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { Severity } from '../result.js';
import { defineAction, priceEntry, type ActionKindDefinition, type PricedMove } from './types.js';
import { useTrainingPlan } from './use-training-plan.js';

/**
 * Put work into a Capacity Block for ML that sits empty. The block was paid upfront and cannot be
 * cancelled, so the saving is what its free slots would avoid elsewhere: on-demand instances of the
 * same type running in the region, for the hours the block has left (at most a month). An upcoming
 * block nothing is queued for is a low-severity reminder.
 */
export const useCapacityBlock: ActionKindDefinition = {
  kind: 'use-capacity-block',
  definitions: [
    defineAction({
      resource: 'capacity-reservation',
      params: z.object({ upcomingHours: z.number().nonnegative() }),
      price({ resource: r, signals: s, env, params }): PricedMove | undefined {
        if (!s.capacityBlock || !s.ownedHere) return undefined;
        const upcoming = s.scheduled && s.startsInHours <= params.upcomingHours && !s.referenced;
        const free = s.active ? s.availableNow : upcoming ? s.totalInstances : 0;
        if (free <= 0) return undefined;
        const hours = Math.min(HOURS_PER_MONTH, s.active ? s.hoursLeft : durationHours(r.startDate, r.endDate));
        const movable = Math.min(free, s.onDemandSameTypeInRegion);
        const rate = env.prices.ec2OnDemand(r.instanceType, r.region);
        // Nothing to move is a known $0; something to move at an unknown rate is unpriced.
        const unknown = movable > 0 && !rate.known ? rate.reason : undefined;
        const monthlySavings = unknown !== undefined ? null : movable > 0 && rate.known ? roundCents(rate.price.usd * hours * movable) : 0;
        const target = `${s.totalInstances} x ${r.instanceType} in ${r.availabilityZone}`;
        const description = upcoming
          ? `Capacity Block ${r.id} (${target}) starts in ${Math.round(s.startsInHours)} h and nothing is queued for it: point the jobs that will use it at its id`
          : movable > 0
            ? `Launch the ${movable} on-demand ${r.instanceType} running in ${r.region} (or their work) into Capacity Block ${r.id}: ${free} of ${s.totalInstances} slots are empty for ${Math.round(s.hoursLeft)} more hours`
            : `Launch queued work into Capacity Block ${r.id}: ${free} of ${s.totalInstances} ${r.instanceType} slots are empty for ${Math.round(s.hoursLeft)} more hours`;
        return {
          from: `${free} of ${s.totalInstances} slots empty`,
          to: movable > 0 ? `${movable} on-demand moved in` : 'queued work launched into it',
          description,
          monthlySavings,
          severity: upcoming ? 'low' : severityByHoursLeft(s.hoursLeft),
          pricing: {
            method: `saving = on-demand ${r.instanceType} instances that could move into the empty slots (${movable}) x on-demand rate x hours the block has left (at most 730); the block itself was paid upfront`,
            prices: rate.known && movable > 0 ? [priceEntry(`${r.instanceType} on-demand instance-hour`, rate.price)] : [],
            ...(unknown !== undefined ? { unknown: [unknown] } : {}),
          },
          confidence: s.active ? 'high' : 'medium',
          evidence: {
            state: r.state,
            totalInstances: s.totalInstances,
            emptySlots: free,
            hoursLeft: s.hoursLeft,
            startsInHours: s.startsInHours,
            emptySlotHoursLeft: s.active ? Math.round(free * s.hoursLeft) : null,
            onDemandSameTypeInRegion: s.onDemandSameTypeInRegion,
            referenced: s.referenced,
            endDate: r.endDate ?? null,
          },
          tradeoff: {
            performanceRisk: 'none',
            summary: `the block's hours are paid whether used or not and end at ${r.endDate ?? 'its end date'}; instances in it must target it by id and stop before it ends`,
          },
        };
      },
    }),
    // A SageMaker training plan is Capacity Blocks bought through SageMaker: the same move.
    useTrainingPlan,
  ],
};

/** The more paid hours are left empty, the more it matters now. */
export function severityByHoursLeft(hoursLeft: number): Severity {
  if (hoursLeft >= 72) return 'high';
  if (hoursLeft >= 24) return 'medium';
  return 'low';
}

function durationHours(start: string | undefined, end: string | undefined): number {
  if (start === undefined || end === undefined) return 0;
  return Math.max(0, (Date.parse(end) - Date.parse(start)) / 3_600_000);
}
