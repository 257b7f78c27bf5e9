import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../src/collect/ebs-snapshots.js';

const ctx = { account: { accountId: '123456789012' }, region: 'us-east-1' };
const raw = { SnapshotId: 'snap-1', VolumeId: 'vol-1', VolumeSize: 200, StartTime: new Date('2026-01-01T00:00:00Z'), StorageTier: 'standard' as const };

describe('EBS snapshots the account owns', () => {
  it('keeps its own snapshot with the AMIs that use it', () => {
    expect(toSnapshot({ ...raw, OwnerId: '123456789012' }, ctx, new Map([['snap-1', ['ami-1']]]))).toMatchObject({
      id: 'snap-1',
      volumeId: 'vol-1',
      sizeGiB: 200,
      amiIds: ['ami-1'],
      accountId: '123456789012',
    });
  });

  it("drops another account's snapshot even when the endpoint ignored OwnerIds=self (moto returns every public AMI snapshot)", () => {
    expect(toSnapshot({ ...raw, OwnerId: '801119661308' }, ctx, new Map())).toBeUndefined();
  });

  it('trusts the filter when the response omits OwnerId; copied snapshots have no source volume', () => {
    expect(toSnapshot({ ...raw, VolumeId: 'vol-ffffffff' }, ctx, new Map())).toMatchObject({ id: 'snap-1', amiIds: [] });
    expect(toSnapshot({ ...raw, VolumeId: 'vol-ffffffff' }, ctx, new Map())?.volumeId).toBeUndefined();
  });
});
