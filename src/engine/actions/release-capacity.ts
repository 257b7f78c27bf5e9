import { z } from 'zod';
import { roundCents } from '../../money.js';
import type { Finding } from '../result.js';
import { pricingOfCost } from './resource-cost.js';
import { defineAction, type ActionKindDefinition } from './types.js';

/**
 * Cancel an On-Demand Capacity Reservation nobody used, or shrink it to the most instances that ran
 * in it at once: every empty slot bills at the on-demand rate. Only the owner can, and a Capacity
 * Block cannot be cancelled at all (use-capacity-block covers those). A future-dated reservation
 * under commitment can only shrink to its committed count until the commitment ends, so the move
 * and its saving stop there.
 */
export const releaseCapacity: ActionKindDefinition = {
  kind: 'release-capacity',
  definitions: [
    defineAction({
      resource: 'capacity-reservation',
      params: z.object({}),
      price({ resource: r, signals: s, cost, spec }) {
        if (!s.active || !s.ownedHere || s.capacityBlock) return undefined;
        const committed = s.committedInstances > s.usedPeak;
        const keep = Math.max(s.usedPeak, s.committedInstances);
        const release = s.totalInstances - keep;
        if (release <= 0) return undefined;
        const rate = cost.prices[0]?.price.usd;
        const monthlySavings = rate === undefined ? null : roundCents(rate * 730 * release);
        const where = `${r.instanceType} in ${r.availabilityZone}`;
        const commitment = committed ? ` (committed until ${s.committedUntil.slice(0, 10)}: cannot cancel below ${s.committedInstances} instances)` : '';
        const payer = s.unusedBilledElsewhere
          ? `; its empty slots bill to account ${s.unusedBilledTo} (UnusedReservationBillingOwnerId), which pays for them`
          : '';
        const move =
          (keep === 0
            ? `Cancel capacity reservation ${r.id} (${s.totalInstances} x ${where})`
            : `Modify ${r.id} from ${s.totalInstances} to ${keep} x ${where}`) +
          commitment +
          payer;
        const outside = outsideNote(s.onDemandOutside, s.targeted, r.instanceType, r.availabilityZone);
        const tradeoff: Finding['tradeoff'] = {
          performanceRisk: spec?.gpu ? 'medium' : 'low',
          summary:
            `${keep === 0 ? 'no instance ran in it' : `at most ${keep} of ${s.totalInstances} slots were used at once`} in ${Math.round(s.observedHours / 24)} days` +
            `${spec?.gpu ? `; released ${r.instanceType} capacity may not be there when wanted again (accelerated types are scarce)` : ''}${outside}`,
          before: { label: `${s.totalInstances} x ${r.instanceType} reserved` },
          after: { label: keep === 0 ? 'cancelled' : `${keep} x ${r.instanceType} reserved` },
        };
        if (spec?.gpu) {
          tradeoff.before!.gpus = spec.gpu.count * s.totalInstances;
          tradeoff.after!.gpus = spec.gpu.count * keep;
        }
        return {
          from: `${s.totalInstances} x ${r.instanceType}`,
          to: keep === 0 ? 'cancelled' : `${keep} x ${r.instanceType}`,
          description: move,
          monthlySavings,
          pricing: pricingOfCost(
            cost,
            'saving = (reserved slots - max(peak used, committed count)) x on-demand hourly rate x 730 h (an empty slot bills as a running instance)',
          ),
          confidence: s.observedHours >= 7 * 24 ? 'high' : 'medium',
          evidence: {
            totalInstances: s.totalInstances,
            usedAvg: s.usedAvg,
            usedPeak: s.usedPeak,
            unusedAvg: s.unusedAvg,
            utilizationPct: s.utilizationPct,
            observedHours: s.observedHours,
            unusedMonthlyCost: rate === undefined ? null : roundCents(rate * 730 * s.unusedAvg),
            instanceMatchCriteria: r.instanceMatchCriteria,
            onDemandOutside: s.onDemandOutside,
            endDate: r.endDate ?? null,
            committedInstances: s.committedInstances,
            commitmentEndDate: s.committedUntil === '' ? null : s.committedUntil,
            unusedBilledTo: s.unusedBilledTo,
          },
          tradeoff,
        };
      },
    }),
  ],
};

/** On-demand instances that ran beside an empty reservation could have run in it instead: how, depends on its match criteria. */
function outsideNote(count: number, targeted: boolean, type: string, az: string): string {
  if (count === 0) return '';
  const how = targeted
    ? 'it is targeted, so launch them with this reservation as their capacity reservation target'
    : 'it is open, so they must have opted out (capacity reservation preference none) or differ in platform or tenancy: let them use it';
  return `; ${count} on-demand ${type} ran outside it in ${az} at the same time and could have used it instead (${how}), which saves as much`;
}
