import { paginateDescribeInstances, type Instance } from '@aws-sdk/client-ec2';
import type { Ec2Instance } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { identity, membershipFromTags, tagMap } from './tags.js';

export interface CollectedInstances {
  instances: Ec2Instance[];
  /** Private DNS names, short and full, to instance id: GPU metrics may carry only `host`. */
  hosts: Map<string, string>;
}

/** Every instance of a region; it runs first there, so a region that is not enabled is one warning. */
export const ec2InstancesCollector = defineCollector({
  id: 'ec2-instances',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeInstances'],
  resourceType: 'ec2-instance',
  step: 'instances',
  what: 'EC2 instances',
  probe: true,
  collect: collectInstances,
  toSnapshot: (out) => ({ resources: { ec2Instances: out.instances } }),
  count: (out) => out.instances.length,
});

const STATES = new Set<Ec2Instance['state']>(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']);

/** Every instance in every state; pages of 1,000 (the API maximum) to keep calls few. */
export async function collectInstances(ctx: RegionContext): Promise<CollectedInstances> {
  const client = clientFor(ctx, 'ec2');
  const instances: Ec2Instance[] = [];
  const hosts = new Map<string, string>();
  for await (const page of paginateDescribeInstances({ client, pageSize: 1000 }, {})) {
    for (const reservation of page.Reservations ?? []) {
      for (const raw of reservation.Instances ?? []) {
        const inst = toInstance(raw, ctx);
        if (!inst) continue;
        instances.push(inst);
        const dns = raw.PrivateDnsName;
        if (dns) {
          hosts.set(dns, inst.id);
          hosts.set(dns.split('.')[0]!, inst.id);
        }
      }
    }
  }
  return { instances, hosts };
}

/** Instance types of the instances that are not terminated: what specs and spot prices are read for. */
export function typesInUse(found: CollectedInstances | undefined): Set<string> {
  return new Set((found?.instances ?? []).filter((i) => i.state !== 'terminated').map((i) => i.type));
}

export function toInstance(raw: Instance, ctx: RegionContext): Ec2Instance | undefined {
  const state = raw.State?.Name;
  if (!raw.InstanceId || !raw.InstanceType || !state || !STATES.has(state) || !raw.LaunchTime) {
    ctx.warnings.add({
      code: 'invalid-response',
      message: `${ctx.account.accountId}/${ctx.region}: skipped an instance DescribeInstances returned without id, type, state or launch time (${raw.InstanceId ?? 'no id'})`,
      accountId: ctx.account.accountId,
      region: ctx.region,
      service: 'ec2',
      ...(raw.InstanceId ? { resourceId: raw.InstanceId } : {}),
    });
    return undefined;
  }
  const tags = tagMap(raw.Tags);
  return {
    ...identity(raw.InstanceId, ctx, tags),
    type: raw.InstanceType,
    state,
    lifecycle: lifecycleOf(raw.InstanceLifecycle),
    platform: raw.PlatformDetails ?? (raw.Platform !== undefined ? 'Windows' : 'Linux/UNIX'),
    launchTime: new Date(raw.LaunchTime).toISOString(),
    ...(raw.Placement?.AvailabilityZone ? { availabilityZone: raw.Placement.AvailabilityZone } : {}),
    ...(raw.CapacityReservationId ? { capacityReservationId: raw.CapacityReservationId } : {}),
    ...(raw.NetworkInterfaces?.some((n) => n.InterfaceType === 'efa') ? { efaAttached: true } : {}),
    tags,
    membership: membershipFromTags(tags),
    metrics: {},
  };
}

function lifecycleOf(value: string | undefined): Ec2Instance['lifecycle'] {
  if (value === 'spot' || value === 'scheduled' || value === 'capacity-block') return value;
  return 'on-demand';
}
