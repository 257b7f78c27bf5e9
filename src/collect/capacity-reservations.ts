import { paginateDescribeCapacityReservations, type CapacityReservation as RawReservation } from '@aws-sdk/client-ec2';
import { launchTemplatesByReservation } from './launch-template-targets.js';
import { CapacityReservationSchema, type CapacityReservation } from '../snapshot/types/capacity-reservation.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { tagMap } from './tags.js';

/**
 * EC2 Capacity Reservations (On-Demand Capacity Reservations and Capacity Blocks for ML) of a
 * region, through DescribeCapacityReservations (EC2 API reference: CapacityReservation carries
 * ReservationType default|capacity-block, InstanceMatchCriteria open|targeted, EndDateType
 * unlimited|limited, OwnerId, TotalInstanceCount, AvailableInstanceCount, CommitmentInfo,
 * UnusedReservationBillingOwnerId). Where a Capacity Block is found, the launch templates' latest
 * versions are read too, so a block a template is aimed at counts as having work queued for it.
 */
export const capacityReservationsCollector = defineCollector({
  id: 'capacity-reservations',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeCapacityReservations', 'ec2:DescribeLaunchTemplateVersions'],
  resourceType: 'capacity-reservation',
  step: 'capacity',
  what: 'EC2 capacity reservations (DescribeCapacityReservations)',
  collect: collectCapacityReservations,
  toSnapshot: (capacityReservations) => ({ resources: { capacityReservations } }),
  count: (list) => list.length,
});

const HOUR_MS = 3_600_000;

/**
 * The states that bill: active ones, and scheduled ones (future-dated reservations, Capacity Blocks
 * not yet started) that start within the lookback's length from now, so an upcoming block is seen
 * while there is still time to queue work for it. Pages of 1,000, the API maximum.
 */
export async function collectCapacityReservations(ctx: RegionContext): Promise<CapacityReservation[]> {
  const client = clientFor(ctx, 'ec2');
  const horizon = ctx.now.getTime() + ctx.window.days * 24 * HOUR_MS;
  const found: CapacityReservation[] = [];
  const filters = [{ Name: 'state', Values: ['active', 'scheduled'] }];
  for await (const page of paginateDescribeCapacityReservations({ client, pageSize: 1000 }, { Filters: filters })) {
    for (const raw of page.CapacityReservations ?? []) {
      const r = toReservation(raw, ctx);
      if (!r) continue;
      if (r.state === 'scheduled' && r.startDate !== undefined && Date.parse(r.startDate) > horizon) continue;
      found.push(r);
    }
  }
  if (!found.some((r) => r.reservationType === 'capacity-block')) return found;
  // A denied read loses only the launch-template references (one warning), not the reservations.
  const byId = await guarded(
    ctx,
    'ec2',
    'launch templates (DescribeLaunchTemplateVersions)',
    () => launchTemplatesByReservation(client),
    'Capacity Blocks are judged without them',
  );
  if (!byId) return found;
  return found.map((r) => {
    const names = byId.get(r.id);
    return names ? { ...r, launchTemplates: names } : r;
  });
}

function toReservation(raw: RawReservation, ctx: RegionContext): CapacityReservation | undefined {
  const accountId = ctx.account.accountId;
  const owner = raw.OwnerId ?? accountId;
  const candidate = {
    id: raw.CapacityReservationId,
    ...(raw.CapacityReservationArn ? { arn: raw.CapacityReservationArn } : {}),
    accountId,
    region: ctx.region,
    availabilityZone: raw.AvailabilityZone,
    instanceType: raw.InstanceType,
    platform: raw.InstancePlatform,
    tenancy: raw.Tenancy ?? 'default',
    state: raw.State,
    reservationType: raw.ReservationType ?? 'default',
    instanceMatchCriteria: raw.InstanceMatchCriteria ?? 'open',
    totalInstanceCount: raw.TotalInstanceCount,
    availableInstanceCount: raw.AvailableInstanceCount,
    ...(raw.StartDate ? { startDate: new Date(raw.StartDate).toISOString() } : {}),
    ...(raw.EndDate ? { endDate: new Date(raw.EndDate).toISOString() } : {}),
    endDateType: raw.EndDateType ?? 'unlimited',
    ...(raw.CreateDate ? { createDate: new Date(raw.CreateDate).toISOString() } : {}),
    ownerId: owner,
    shared: owner !== accountId,
    ...(raw.UnusedReservationBillingOwnerId ? { unusedBillingOwnerId: raw.UnusedReservationBillingOwnerId } : {}),
    ...(raw.CommitmentInfo?.CommitmentEndDate
      ? {
          commitment: {
            committedInstanceCount: raw.CommitmentInfo.CommittedInstanceCount ?? 0,
            commitmentEndDate: new Date(raw.CommitmentInfo.CommitmentEndDate).toISOString(),
          },
        }
      : {}),
    tags: tagMap(raw.Tags),
    metrics: {},
  };
  const parsed = CapacityReservationSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  ctx.warnings.add({
    code: 'invalid-response',
    message: `${accountId}/${ctx.region}: dropped capacity reservation ${raw.CapacityReservationId ?? '(no id)'}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    accountId,
    region: ctx.region,
    service: 'ec2',
    ...(raw.CapacityReservationId ? { resourceId: raw.CapacityReservationId } : {}),
  });
  return undefined;
}
