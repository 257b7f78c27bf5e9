import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/**
 * An EC2 Capacity Reservation as DescribeCapacityReservations returns it: an On-Demand Capacity
 * Reservation (`default`) bills every reserved slot at the on-demand rate whether or not an
 * instance runs in it; a Capacity Block for ML (`capacity-block`) is paid upfront and cannot be
 * cancelled. Kept in the states that bill (active) or soon will (scheduled to start in the window).
 */
export const CapacityReservationSchema = z.object({
  id: z.string(),
  arn: z.string().optional(),
  accountId: z.string(),
  region: z.string(),
  availabilityZone: z.string(),
  instanceType: z.string(),
  /** InstancePlatform, e.g. "Linux/UNIX". */
  platform: z.string(),
  tenancy: z.enum(['default', 'dedicated']),
  state: z.enum(['active', 'scheduled']),
  reservationType: z.enum(['default', 'capacity-block']),
  /** `open`: any matching instance runs in it; `targeted`: only instances launched into it by id. */
  instanceMatchCriteria: z.enum(['open', 'targeted']),
  totalInstanceCount: z.number().int().nonnegative(),
  /** Slots free when collected (DescribeCapacityReservations is a now-value; the metrics cover the window). */
  availableInstanceCount: z.number().int().nonnegative(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  endDateType: z.enum(['unlimited', 'limited']),
  createDate: isoDate.optional(),
  /** The account that owns (and pays for) it; another account's id means it is shared with this one. */
  ownerId: z.string(),
  shared: z.boolean(),
  /** UnusedReservationBillingOwnerId: the account the empty slots bill to, when the owner assigned them to another. */
  unusedBillingOwnerId: z.string().optional(),
  /** CommitmentInfo of a future-dated reservation: it cannot be cancelled or shrunk below this count until the date. */
  commitment: z.object({ committedInstanceCount: z.number().int().nonnegative(), commitmentEndDate: isoDate }).optional(),
  /** Launch templates whose latest version targets it by id (CapacityReservationTarget.CapacityReservationId). */
  launchTemplates: z.array(z.string()).optional(),
  tags: tags.default({}),
  /** AWS/EC2CapacityReservations over the window, dimension CapacityReservationId. */
  metrics: z
    .object({
      /** UsedInstanceCount, Average per period. */
      used: MetricSummarySchema.optional(),
      /** UsedInstanceCount, Maximum per period: the peak the reservation must keep. */
      usedPeak: MetricSummarySchema.optional(),
      /** AvailableInstanceCount, Average per period. */
      available: MetricSummarySchema.optional(),
      /** InstanceUtilization, percent. */
      utilization: MetricSummarySchema.optional(),
    })
    .default({}),
});

export type CapacityReservation = z.infer<typeof CapacityReservationSchema>;
