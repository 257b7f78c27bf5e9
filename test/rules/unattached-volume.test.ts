import { describe, expect, it } from 'vitest';
import type { EbsVolume } from '../../src/snapshot/schema.js';
import { END } from '../helpers/builders.js';
import { ebsSnapshot, findingsOn, volume } from './resources.js';

const created = (days: number) => new Date(END.getTime() - days * 86_400_000).toISOString();
const unattached = (v: Partial<EbsVolume> & Pick<EbsVolume, 'type' | 'sizeGiB'>) =>
  volume({ state: 'available', attachments: [], createTime: created(30), ...v });

describe('unattached-volume', () => {
  const misses: [string, EbsVolume][] = [
    ['attached', volume({ type: 'gp3', sizeGiB: 500 })],
    ['created yesterday', unattached({ type: 'gp3', sizeGiB: 500, createTime: created(1) })],
    ['being created', unattached({ type: 'gp3', sizeGiB: 500, state: 'creating' })],
  ];
  it.each(misses)('does not match: %s', async (_, v) => {
    expect(await findingsOn('unattached-volume', { ebsVolumes: [v] })).toEqual([]);
  });

  // saving = size x volume $/GB-month - size x $0.05 snapshot storage (an upper bound: snapshots bill written blocks).
  const priced: [string, EbsVolume, number, number][] = [
    ['500 GiB gp3: 500 x 0.08 - 500 x 0.05 = $15.00', unattached({ type: 'gp3', sizeGiB: 500 }), 15, 40],
    ['1,000 GiB gp2: 1000 x 0.10 - 1000 x 0.05 = $50.00', unattached({ type: 'gp2', sizeGiB: 1000 }), 50, 100],
    ['800 GiB io1 (storage only): 800 x 0.125 - 800 x 0.05 = $60.00', unattached({ type: 'io1', sizeGiB: 800, iops: 4000 }), 60, 100],
  ];
  it.each(priced)('snapshots then deletes %s', async (_, v, saving, withoutSnapshot) => {
    const [f] = await findingsOn('unattached-volume', { ebsVolumes: [v] });
    expect(f?.action.kind).toBe('snapshot-and-delete');
    expect(f?.action.description).toMatch(/create-snapshot --volume-id vol-0test/);
    expect(f?.monthlySavings).toBe(saving);
    expect(f?.confidence).toBe('high');
    expect(f?.pricing.method).toMatch(/upper bound/);
    expect(f?.pricing.prices.at(-1)).toMatchObject({ item: 'EBS snapshot (standard) GB-month', usd: 0.05 });
    expect(f?.evidence['deleteWithoutSnapshot']).toMatchObject({ monthlySavings: withoutSnapshot });
    expect(f?.tradeoff.summary).toMatch(/billed on the blocks written/);
    expect(f?.tradeoff.after).toMatchObject({ storageGiB: 0 });
  });

  it('counts no new snapshot storage when the volume already has a snapshot, and names it', async () => {
    const snap = ebsSnapshot({ id: 'snap-0old', volumeId: 'vol-0test', sizeGiB: 500, startTime: created(20) });
    const older = ebsSnapshot({ id: 'snap-0older', volumeId: 'vol-0test', sizeGiB: 500, startTime: created(25) });
    const [f] = await findingsOn('unattached-volume', { ebsVolumes: [unattached({ type: 'gp3', sizeGiB: 500 })], ebsSnapshots: [older, snap] });
    expect(f?.monthlySavings).toBe(40);
    expect(f?.confidence).toBe('medium');
    expect(f?.action.description).toMatch(/snap-0old \(20 days old\) already holds it/);
    expect(f?.evidence['existingSnapshot']).toMatchObject({ id: 'snap-0old', ageDays: 20 });
  });

  it('keeps the saving unknown (null, never 0) where the snapshot price is not known', async () => {
    const prices = [{ service: 'ebs' as const, region: 'mx-central-1', key: 'gp3', usd: 0.088, unit: 'GB-Mo', source: 'AWS Pricing API', asOf: '2026-11-19' }];
    const [f] = await findingsOn('unattached-volume', { ebsVolumes: [unattached({ type: 'gp3', sizeGiB: 500, region: 'mx-central-1' })] }, { prices });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.monthlyCost).toBe(44);
    expect(f?.pricing.unknown?.[0]).toMatch(/snapshot \(standard tier\) price covers/);
    expect(f?.evidence['deleteWithoutSnapshot']).toMatchObject({ monthlySavings: 44 });
  });
});
