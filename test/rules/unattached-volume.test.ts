import { describe, expect, it } from 'vitest';
import type { EbsVolume } from '../../src/snapshot/schema.js';
import { END } from '../helpers/builders.js';
import { findingsOn, volume } from './resources.js';

const created = (days: number) => new Date(END.getTime() - days * 86_400_000).toISOString();

describe('unattached-volume', () => {
  const misses: [string, EbsVolume][] = [
    ['attached', volume({ type: 'gp3', sizeGiB: 500 })],
    ['created yesterday', volume({ type: 'gp3', sizeGiB: 500, state: 'available', attachments: [], createTime: created(1) })],
    ['being created', volume({ type: 'gp3', sizeGiB: 500, state: 'creating', attachments: [] })],
  ];
  it.each(misses)('does not match: %s', async (_, v) => {
    expect(await findingsOn('unattached-volume', { ebsVolumes: [v] })).toEqual([]);
  });

  it('prices a 500 GiB gp3 volume at 0.08 x 500 = $40.00', async () => {
    const [f] = await findingsOn('unattached-volume', { ebsVolumes: [volume({ type: 'gp3', sizeGiB: 500, state: 'available', attachments: [], createTime: created(30) })] });
    expect(f?.action.kind).toBe('delete');
    expect(f?.monthlySavings).toBe(40);
    expect(f?.tradeoff.after).toMatchObject({ storageGiB: 0 });
    expect(f?.tradeoff.summary).toMatch(/snapshot/);
  });
});
