import type { CapacityReservation } from '../../../snapshot/types/capacity-reservation.js';
import { capacityReservationsCollector } from '../../capacity-reservations.js';
import type { MetricRequest, Statistic } from '../batch.js';
import { assign, type SummaryOptions } from '../ec2.js';
import { defineMetricSource } from '../source.js';
import { summarize, type Series } from '../summarize.js';

/**
 * Utilisation of capacity reservations over the window. EC2 publishes these in the
 * AWS/EC2CapacityReservations namespace with dimension CapacityReservationId (EC2 User Guide,
 * "Monitor Capacity Reservations usage with CloudWatch metrics": UsedInstanceCount,
 * AvailableInstanceCount, TotalInstanceCount, InstanceUtilization). Used is read twice: the
 * average prices the empty slots, the per-period maximum is the peak a smaller reservation must keep.
 * Reservations not started yet have nothing to read.
 */
export const capacityReservationMetrics = defineMetricSource({
  what: 'capacity reservation utilisation (AWS/EC2CapacityReservations)',
  collector: capacityReservationsCollector,
  requests: (reservations, _ctx, _client, summary) => capacityReservationRequests(reservations, summary),
});

export const CAPACITY_NAMESPACE = 'AWS/EC2CapacityReservations';

type Key = keyof CapacityReservation['metrics'];
const QUERIES: readonly { metricName: string; stat: Statistic; key: Key }[] = [
  { metricName: 'UsedInstanceCount', stat: 'Average', key: 'used' },
  { metricName: 'UsedInstanceCount', stat: 'Maximum', key: 'usedPeak' },
  { metricName: 'AvailableInstanceCount', stat: 'Average', key: 'available' },
  { metricName: 'InstanceUtilization', stat: 'Average', key: 'utilization' },
];

export function capacityReservationRequests(reservations: readonly CapacityReservation[], summary: SummaryOptions): MetricRequest[] {
  return reservations
    .filter((r) => r.state === 'active')
    .flatMap((r) =>
      QUERIES.map((q): MetricRequest => ({
        namespace: CAPACITY_NAMESPACE,
        metricName: q.metricName,
        dimensions: [{ Name: 'CapacityReservationId', Value: r.id }],
        stat: q.stat,
        onResult: (s: Series) => {
          assign(r.metrics, q.key, summarize(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
        },
      })),
    );
}
