import { DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import type { ElasticIp } from '../snapshot/schema.js';
import { clientFor, type RegionContext } from './context.js';
import { tagMap } from './tags.js';

export const IAM_ACTIONS = ['ec2:DescribeAddresses'] as const;

/** DescribeAddresses is not paginated: it returns every address of the region at once. */
export async function collectElasticIps(ctx: RegionContext): Promise<ElasticIp[]> {
  const out = await clientFor(ctx, 'ec2').send(new DescribeAddressesCommand({}));
  return (out.Addresses ?? []).flatMap((a) => {
    if (!a.AllocationId || !a.PublicIp) return [];
    return [
      {
        allocationId: a.AllocationId,
        accountId: ctx.account.accountId,
        region: ctx.region,
        publicIp: a.PublicIp,
        ...(a.AssociationId ? { associationId: a.AssociationId } : {}),
        ...(a.InstanceId ? { instanceId: a.InstanceId } : {}),
        ...(a.NetworkInterfaceId ? { networkInterfaceId: a.NetworkInterfaceId } : {}),
        tags: tagMap(a.Tags),
      },
    ];
  });
}
