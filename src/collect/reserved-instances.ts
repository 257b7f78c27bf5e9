import { DescribeReservedInstancesCommand } from '@aws-sdk/client-ec2';
import type { ReservedInstance } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';

export const reservedInstancesCollector = defineCollector({
  id: 'reserved-instances',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeReservedInstances'],
  step: 'RIs',
  what: 'reserved instances',
  collect: collectReservedInstances,
  toSnapshot: (reservedInstances) => ({ resources: { reservedInstances } }),
  count: (list) => list.length,
});

/** Active reservations only (coverage is about what is in force now); the API is not paginated. */
export async function collectReservedInstances(ctx: RegionContext): Promise<ReservedInstance[]> {
  const out = await clientFor(ctx, 'ec2').send(new DescribeReservedInstancesCommand({ Filters: [{ Name: 'state', Values: ['active'] }] }));
  return (out.ReservedInstances ?? []).flatMap((ri) => {
    if (!ri.ReservedInstancesId || !ri.InstanceType || !ri.Start || !ri.End || !ri.InstanceCount) return [];
    return [
      {
        id: ri.ReservedInstancesId,
        accountId: ctx.account.accountId,
        region: ctx.region,
        instanceType: ri.InstanceType,
        instanceCount: ri.InstanceCount,
        ...(ri.AvailabilityZone ? { availabilityZone: ri.AvailabilityZone } : {}),
        scope: ri.Scope === 'Availability Zone' ? 'Availability Zone' : 'Region',
        start: new Date(ri.Start).toISOString(),
        end: new Date(ri.End).toISOString(),
        state: ri.State ?? 'active',
        ...(ri.OfferingClass ? { offeringClass: ri.OfferingClass } : {}),
        ...(ri.OfferingType ? { offeringType: ri.OfferingType } : {}),
        ...(ri.ProductDescription ? { productDescription: ri.ProductDescription } : {}),
      },
    ];
  });
}
