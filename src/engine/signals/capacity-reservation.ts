import type { InstanceSpec } from '../../catalog/index.js';
import { instanceSpec } from '../../catalog/index.js';
import type { Ec2Instance, Snapshot } from '../../snapshot/schema.js';
import type { CapacityReservation } from '../../snapshot/types/capacity-reservation.js';
import { memoPerObject } from '../memo.js';
import { monthlyFromHourly } from '../money.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface CapacityReservationSignals {
  active: boolean;
  /** Not started yet (a future-dated reservation or an upcoming Capacity Block). */
  scheduled: boolean;
  capacityBlock: boolean;
  targeted: boolean;
  /** This account owns it and pays for it; a reservation shared by another account bills its owner. */
  ownedHere: boolean;
  instanceType: string;
  totalInstances: number;
  availableNow: number;
  hasMetrics: boolean;
  observedHours: number;
  dataSufficient: boolean;
  usedAvg: number;
  usedPeak: number;
  unusedAvg: number;
  utilizationPct: number;
  openEnded: boolean;
  hoursLeft: number;
  startsInHours: number;
  onDemandOutside: number;
  onDemandSameTypeInRegion: number;
  referenced: boolean;
  committedInstances: number;
  committedUntil: string;
  unusedBilledTo: string;
  unusedBilledElsewhere: boolean;
  onDemandHourly: number;
  monthlyCost: number;
  priced: boolean;
}

export const CAPACITY_RESERVATION_SIGNAL_KEYS = {
  active: { type: 'bool', doc: 'State is active: it bills (or, for a Capacity Block, its paid hours are running).' },
  scheduled: { type: 'bool', doc: 'State is scheduled: it starts later (future-dated reservation or upcoming Capacity Block).' },
  capacityBlock: { type: 'bool', doc: 'ReservationType is capacity-block (a Capacity Block for ML, paid upfront).' },
  targeted: { type: 'bool', doc: 'InstanceMatchCriteria is targeted: only instances launched into it by id use it.' },
  ownedHere: { type: 'bool', doc: 'Owned by the audited account (false: shared with it by the owner, who pays).' },
  instanceType: { type: 'string', doc: 'Instance type reserved, e.g. p5.48xlarge.' },
  totalInstances: { type: 'number', doc: 'TotalInstanceCount: slots reserved.' },
  availableNow: { type: 'number', doc: 'AvailableInstanceCount when collected: slots free now.' },
  hasMetrics: { type: 'bool', doc: 'AWS/EC2CapacityReservations UsedInstanceCount has datapoints.' },
  observedHours: { type: 'number', doc: 'Hours UsedInstanceCount covers in the window.' },
  dataSufficient: { type: 'bool', doc: 'observedHours reaches minObservedHours (config).' },
  usedAvg: { type: 'number', doc: 'Average instances running in it over the window (UsedInstanceCount, Average).' },
  usedPeak: { type: 'number', doc: 'Most instances running in it at once over the window (UsedInstanceCount, Maximum), whole instances.' },
  unusedAvg: { type: 'number', doc: 'Average empty slots over the window: totalInstances - usedAvg.' },
  utilizationPct: { type: 'number', doc: 'Average InstanceUtilization over the window, percent.' },
  openEnded: { type: 'bool', doc: 'EndDateType is unlimited: it bills until cancelled.' },
  hoursLeft: { type: 'number', doc: 'Hours from the end of the window to its end date (0 when open-ended or ended).' },
  startsInHours: { type: 'number', doc: 'Hours from the end of the window to its start date (0 once started).' },
  onDemandOutside: {
    type: 'number',
    doc: 'Running on-demand instances of the same type, platform and Availability Zone not in any capacity reservation: they could have used it.',
  },
  onDemandSameTypeInRegion: { type: 'number', doc: 'Running on-demand instances of the same type in the region not in any capacity reservation.' },
  referenced: {
    type: 'bool',
    doc: 'An instance runs in it, an instance tag names its id, or a launch template’s latest version targets it by id (work queued for it).',
  },
  committedInstances: {
    type: 'number',
    doc: 'CommitmentInfo.CommittedInstanceCount while its CommitmentEndDate is ahead: it cannot be cancelled or shrunk below this (0 without a commitment).',
  },
  committedUntil: { type: 'string', doc: 'CommitmentInfo.CommitmentEndDate while ahead, ISO date-time ("" without a commitment).' },
  unusedBilledTo: { type: 'string', doc: 'The account its empty slots bill to: UnusedReservationBillingOwnerId when set, else the owner.' },
  unusedBilledElsewhere: { type: 'bool', doc: 'Its empty slots bill to an account other than the audited one.' },
  onDemandHourly: { type: 'number', doc: 'On-demand rate of one instance of its type, USD per hour (0 when unpriced).' },
  monthlyCost: { type: 'number', doc: 'What it bills per month now, USD: slots x on-demand rate x 730 (0 for a prepaid Capacity Block; 0 when unpriced).' },
  priced: { type: 'bool', doc: 'The on-demand rate of its type is known.' },
} as const satisfies SignalKeys<CapacityReservationSignals>;

const HOUR_MS = 3_600_000;

export function capacityReservationSignals(
  r: CapacityReservation,
  ctx: SignalContext,
): { signals: CapacityReservationSignals; cost: ResourceCost; spec?: InstanceSpec } {
  const spec = instanceSpec(r.instanceType, ctx.snapshot.instanceTypes);
  const rate = onDemandRate(r, ctx);
  const used = r.metrics.used;
  const hasMetrics = used !== undefined && used.datapoints > 0;
  const usedAvg = hasMetrics ? Math.min(r.totalInstanceCount, used.avg) : 0;
  const peakSeries = r.metrics.usedPeak ?? used;
  const usedPeak = hasMetrics && peakSeries ? Math.min(r.totalInstanceCount, Math.max(0, Math.ceil(peakSeries.max - 1e-9))) : 0;
  const util = r.metrics.utilization;
  const asOf = ctx.asOf.getTime();
  const index = instanceIndex(ctx.snapshot);
  const commitmentAhead = r.commitment !== undefined && Date.parse(r.commitment.commitmentEndDate) > asOf;
  const unusedBilledTo = r.unusedBillingOwnerId ?? r.ownerId;
  const outside = (i: Ec2Instance) =>
    i.state === 'running' && i.lifecycle === 'on-demand' && i.capacityReservationId === undefined && i.type === r.instanceType;
  const signals: CapacityReservationSignals = {
    active: r.state === 'active',
    scheduled: r.state === 'scheduled',
    capacityBlock: r.reservationType === 'capacity-block',
    targeted: r.instanceMatchCriteria === 'targeted',
    ownedHere: !r.shared,
    instanceType: r.instanceType,
    totalInstances: r.totalInstanceCount,
    availableNow: r.availableInstanceCount,
    hasMetrics,
    observedHours: hasMetrics ? round(used.observedHours) : 0,
    dataSufficient: hasMetrics && used.observedHours >= ctx.minObservedHours,
    usedAvg: round(usedAvg, 2),
    usedPeak,
    unusedAvg: round(r.totalInstanceCount - usedAvg, 2),
    utilizationPct: util && util.datapoints > 0 ? round(util.avg) : r.totalInstanceCount > 0 ? round((usedAvg / r.totalInstanceCount) * 100) : 0,
    openEnded: r.endDateType === 'unlimited' || r.endDate === undefined,
    hoursLeft: r.endDate === undefined ? 0 : round(Math.max(0, (Date.parse(r.endDate) - asOf) / HOUR_MS)),
    startsInHours: r.startDate === undefined ? 0 : round(Math.max(0, (Date.parse(r.startDate) - asOf) / HOUR_MS)),
    onDemandOutside: (index.byRegion.get(r.region) ?? []).filter((i) => outside(i) && i.availabilityZone === r.availabilityZone && samePlatform(i, r)).length,
    onDemandSameTypeInRegion: (index.byRegion.get(r.region) ?? []).filter(outside).length,
    referenced: index.referenced.has(r.id) || (r.launchTemplates?.length ?? 0) > 0,
    committedInstances: commitmentAhead ? Math.min(r.totalInstanceCount, r.commitment?.committedInstanceCount ?? 0) : 0,
    committedUntil: commitmentAhead ? (r.commitment?.commitmentEndDate ?? '') : '',
    unusedBilledTo,
    unusedBilledElsewhere: unusedBilledTo !== r.accountId,
    onDemandHourly: rate.known ? rate.price.usd : 0,
    monthlyCost: 0,
    priced: rate.known,
  };
  const cost = reservationCost(r, rate);
  signals.monthlyCost = cost.monthly ?? 0;
  return spec ? { signals, cost, spec } : { signals, cost };
}

type Rate = ReturnType<SignalContext['prices']['ec2OnDemand']>;

/** The catalog's on-demand rates are Linux, shared tenancy: other platforms and dedicated tenancy are unpriced, not guessed. */
function onDemandRate(r: CapacityReservation, ctx: SignalContext): Rate {
  if (!r.platform.startsWith('Linux/UNIX'))
    return { known: false, reason: `no on-demand price for ${r.instanceType} on ${r.platform} (the catalog holds Linux rates)` };
  if (r.tenancy !== 'default') return { known: false, reason: `no dedicated-tenancy price for ${r.instanceType} (the catalog holds shared-tenancy rates)` };
  return ctx.prices.ec2OnDemand(r.instanceType, r.region);
}

/**
 * An On-Demand Capacity Reservation bills every slot at the on-demand rate while active, used or
 * not (instances in it are not billed again). A Capacity Block was paid when bought: nothing more
 * bills, so its running cost is 0 and its waste is the hours nobody uses.
 */
function reservationCost(r: CapacityReservation, rate: Rate): ResourceCost {
  if (r.reservationType === 'capacity-block' || r.state !== 'active' || r.shared) return { monthly: 0, prices: [], unknown: [] };
  if (!rate.known) return { monthly: null, prices: [], unknown: [rate.reason] };
  return {
    monthly: monthlyFromHourly(rate.price.usd, r.totalInstanceCount),
    prices: [{ item: `${r.instanceType} on-demand instance-hour`, price: rate.price }],
    unknown: [],
  };
}

function samePlatform(i: Ec2Instance, r: CapacityReservation): boolean {
  return i.platform === r.platform || (i.platform.startsWith('Linux/UNIX') && r.platform.startsWith('Linux/UNIX'));
}

interface InstanceIndex {
  byRegion: Map<string, Ec2Instance[]>;
  /** Reservation ids some instance runs in, or names in a tag value. */
  referenced: Set<string>;
}

/** Built once per Snapshot: every reservation reads the same instances. */
const instanceIndex = memoPerObject((snapshot: Snapshot): InstanceIndex => {
  const byRegion = new Map<string, Ec2Instance[]>();
  const referenced = new Set<string>();
  for (const i of snapshot.resources.ec2Instances) {
    if (i.state !== 'terminated') byRegion.set(i.region, [...(byRegion.get(i.region) ?? []), i]);
    if (i.capacityReservationId !== undefined) referenced.add(i.capacityReservationId);
    for (const v of Object.values(i.tags)) if (v.startsWith('cr-')) referenced.add(v);
  }
  return { byRegion, referenced };
});
