import { paginateDescribeVolumes } from '@aws-sdk/client-ec2';
import type { EbsVolume } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { identity, tagMap } from './tags.js';

export const ebsVolumesCollector = defineCollector({
  id: 'ebs-volumes',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeVolumes'],
  resourceType: 'ebs-volume',
  step: 'volumes',
  what: 'EBS volumes',
  collect: collectVolumes,
  toSnapshot: (ebsVolumes) => ({ resources: { ebsVolumes } }),
  count: (list) => list.length,
});

const VOLUME_TYPES = new Set<EbsVolume['type']>(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']);
const VOLUME_STATES = new Set<EbsVolume['state']>(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']);

export async function collectVolumes(ctx: RegionContext): Promise<EbsVolume[]> {
  const client = clientFor(ctx, 'ec2');
  const out: EbsVolume[] = [];
  for await (const page of paginateDescribeVolumes({ client, pageSize: 500 }, {})) {
    for (const v of page.Volumes ?? []) {
      const type = v.VolumeType;
      const state = v.State;
      if (!v.VolumeId || !type || !VOLUME_TYPES.has(type) || !state || !VOLUME_STATES.has(state) || !v.Size || !v.CreateTime) {
        ctx.warnings.add({
          code: 'unsupported-resource',
          message: `${ctx.account.accountId}/${ctx.region}: skipped volume ${v.VolumeId ?? '?'} (type ${v.VolumeType ?? '?'} is not priced by mlcost, or the response lacked size or state)`,
          accountId: ctx.account.accountId,
          region: ctx.region,
          service: 'ec2',
          ...(v.VolumeId ? { resourceId: v.VolumeId } : {}),
        });
        continue;
      }
      const tags = tagMap(v.Tags);
      out.push({
        ...identity(v.VolumeId, ctx, tags),
        type,
        sizeGiB: v.Size,
        ...(v.Iops !== undefined ? { iops: v.Iops } : {}),
        ...(v.Throughput !== undefined ? { throughputMiBps: v.Throughput } : {}),
        state,
        createTime: new Date(v.CreateTime).toISOString(),
        attachments: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [{ instanceId: a.InstanceId, ...(a.Device ? { device: a.Device } : {}) }] : [])),
        tags,
        metrics: {},
      });
    }
  }
  return out;
}
