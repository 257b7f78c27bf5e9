import { paginateDescribeImages, paginateDescribeSnapshots, type Snapshot } from '@aws-sdk/client-ec2';
import type { EbsSnapshot } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { identity, tagMap } from './tags.js';

export const ebsSnapshotsCollector = defineCollector({
  id: 'ebs-snapshots',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeSnapshots', 'ec2:DescribeImages'],
  resourceType: 'ebs-snapshot',
  step: 'snapshots',
  what: 'EBS snapshots',
  collect: collectSnapshots,
  toSnapshot: (ebsSnapshots) => ({ resources: { ebsSnapshots } }),
  count: (list) => list.length,
});

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
