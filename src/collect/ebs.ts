import { paginateDescribeImages, paginateDescribeSnapshots, paginateDescribeVolumes, type Snapshot } from '@aws-sdk/client-ec2';
import type { EbsSnapshot, EbsVolume } from '../snapshot/schema.js';
import { clientFor, type RegionContext } from './context.js';
import { identity, tagMap } from './tags.js';

export const IAM_ACTIONS = ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots', 'ec2:DescribeImages'] as const;

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

/** Snapshots the account owns, each with the AMIs that still reference it (deleting those breaks launches). */
export async function collectSnapshots(ctx: RegionContext): Promise<EbsSnapshot[]> {
  const client = clientFor(ctx, 'ec2');
  const amisBySnapshot = new Map<string, string[]>();
  for await (const page of paginateDescribeImages({ client, pageSize: 1000 }, { Owners: ['self'] })) {
    for (const image of page.Images ?? []) {
      for (const bdm of image.BlockDeviceMappings ?? []) {
        const snap = bdm.Ebs?.SnapshotId;
        if (snap && image.ImageId) amisBySnapshot.set(snap, [...(amisBySnapshot.get(snap) ?? []), image.ImageId]);
      }
    }
  }
  const out: EbsSnapshot[] = [];
  for await (const page of paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] })) {
    for (const s of page.Snapshots ?? []) {
      const snap = toSnapshot(s, ctx, amisBySnapshot);
      if (snap) out.push(snap);
    }
  }
  return out;
}

/**
 * Keeps only what the account owns even when an endpoint ignores the OwnerIds filter (moto does,
 * returning every public AMI snapshot): another account's snapshot is not ours to delete, and
 * pricing it would invent waste. A snapshot without OwnerId is trusted to be the filter's answer.
 */
export function toSnapshot(
  s: Snapshot,
  ctx: { account: { accountId: string }; region: string },
  amisBySnapshot: ReadonlyMap<string, string[]>,
): EbsSnapshot | undefined {
  if (!s.SnapshotId || !s.StartTime) return undefined;
  if (s.OwnerId !== undefined && s.OwnerId !== ctx.account.accountId) return undefined;
  const tags = tagMap(s.Tags);
  return {
    ...identity(s.SnapshotId, ctx, tags),
    // vol-ffffffff is what EC2 reports for snapshots copied from another region or account.
    ...(s.VolumeId && s.VolumeId !== 'vol-ffffffff' ? { volumeId: s.VolumeId } : {}),
    sizeGiB: s.VolumeSize ?? 0,
    startTime: new Date(s.StartTime).toISOString(),
    storageTier: s.StorageTier === 'archive' ? 'archive' : 'standard',
    ...(s.Description ? { description: s.Description } : {}),
    amiIds: amisBySnapshot.get(s.SnapshotId) ?? [],
    tags,
  };
}
