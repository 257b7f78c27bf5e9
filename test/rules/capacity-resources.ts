/** Capacity reservations and the instances beside them, shaped like the collectors write them. */
import type { Ec2Instance, MetricSummary } from '../../src/snapshot/schema.js';
import type { CapacityReservation } from '../../src/snapshot/types/capacity-reservation.js';
import { END, WINDOW, instance } from '../helpers/builders.js';

const ACCOUNT = '111122223333';
const hoursFromEnd = (h: number) => new Date(END.getTime() + h * 3_600_000).toISOString();

/** A gauge over `days` of the window whose per-period average is `avg` and whose largest period value is `max`. */
function usage(avg: number, max: number, days = 14): MetricSummary {
  const perDay = 86_400 / WINDOW.periodSeconds;
  return { avg, p50: avg, p95: max, max, datapoints: perDay * days, observedHours: days * 24, periodSeconds: WINDOW.periodSeconds };
}

export interface ReservationShape extends Partial<Omit<CapacityReservation, 'metrics'>> {
  /** [average used, peak used] over the window; absent: no metrics. */
  used?: [avg: number, peak: number];
  days?: number;
}

export function reservation(shape: ReservationShape = {}): CapacityReservation {
  const { used, days, ...rest } = shape;
  const total = rest.totalInstanceCount ?? 2;
  const metrics: CapacityReservation['metrics'] = {};
  if (used) {
    metrics.used = usage(used[0], used[1], days);
    metrics.usedPeak = usage(used[1], used[1], days);
    metrics.available = usage(total - used[0], total - used[0], days);
    metrics.utilization = usage((used[0] / total) * 100, (used[1] / total) * 100, days);
  }
  return {
    id: 'cr-0test',
    accountId: ACCOUNT,
    region: 'us-east-1',
    availabilityZone: 'us-east-1a',
    instanceType: 'p5.48xlarge',
    platform: 'Linux/UNIX',
    tenancy: 'default',
    state: 'active',
    reservationType: 'default',
    instanceMatchCriteria: 'open',
    totalInstanceCount: total,
    availableInstanceCount: total - (used?.[1] ?? 0),
    startDate: hoursFromEnd(-60 * 24),
    endDateType: 'unlimited',
    ownerId: ACCOUNT,
    shared: false,
    tags: {},
    metrics,
    ...rest,
  };
}

/** A Capacity Block: started `startedHoursAgo` ago (negative: starts later), `durationHours` long. */
export function capacityBlock(shape: ReservationShape & { startedHoursAgo: number; durationHours: number }): CapacityReservation {
  const { startedHoursAgo, durationHours, ...rest } = shape;
  return reservation({
    id: 'cr-0block',
    reservationType: 'capacity-block',
    instanceMatchCriteria: 'targeted',
    state: startedHoursAgo > 0 ? 'active' : 'scheduled',
    startDate: hoursFromEnd(-startedHoursAgo),
    endDate: hoursFromEnd(durationHours - startedHoursAgo),
    endDateType: 'limited',
    ...rest,
  });
}

/** A running on-demand instance, placed in an AZ, optionally in a capacity reservation. */
export function placed(type: string, az = 'us-east-1a', extra: Partial<Ec2Instance> = {}): Ec2Instance {
  return { ...instance({ type, cpu: [60, 80, 95] }), availabilityZone: az, ...extra };
}
