import { DescribeAddressesCommand } from '@aws-sdk/client-ec2';
import type { ElasticIp } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { tagMap } from './tags.js';

export const elasticIpsCollector = defineCollector({
  id: 'elastic-ips',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeAddresses'],
  resourceType: 'elastic-ip',
  step: 'eips',
  what: 'Elastic IPs',
  collect: collectElasticIps,
  toSnapshot: (elasticIps) => ({ resources: { elasticIps } }),
  count: (list) => list.length,
});

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
