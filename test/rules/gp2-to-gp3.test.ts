import { describe, expect, it } from 'vitest';
import type { EbsVolume } from '../../src/snapshot/schema.js';
import { findingsOn, volume } from './resources.js';

describe('gp2-to-gp3', () => {
  const misses: [string, EbsVolume][] = [
    ['already gp3', volume({ type: 'gp3', sizeGiB: 100 })],
    ['io2', volume({ type: 'io2', sizeGiB: 100, iops: 5000 })],
    ['gp2 outside the embedded price regions', volume({ type: 'gp2', sizeGiB: 100, region: 'eu-west-1' })],
  ];
  it.each(misses)('does not match: %s', async (_, v) => {
    expect(await findingsOn('gp2-to-gp3', { ebsVolumes: [v] })).toEqual([]);
  });

  it('prices 100 GiB gp2 -> gp3 at (0.10 - 0.08) x 100 = $2.00 with no performance risk', async () => {
    const [f] = await findingsOn('gp2-to-gp3', { ebsVolumes: [volume({ type: 'gp2', sizeGiB: 100 })] });
    expect(f?.action).toMatchObject({ kind: 'change-volume-type', from: 'gp2', to: 'gp3' });
    expect(f?.monthlySavings).toBe(2);
    expect(f?.tradeoff.performanceRisk).toBe('none');
    expect(f?.tradeoff.after).toMatchObject({ storageClass: 'gp3', storageGiB: 100 });
    expect(f?.pricing.prices.map((p) => p.usd)).toEqual([0.1, 0.08]);
  });

  it('keeps the saving unknown (null, never 0) when gp3 needs IOPS above the included 3,000', async () => {
    // 2,000 GiB of gp2 gives 6,000 IOPS baseline: gp3 would need 3,000 extra, whose price the catalog lacks.
    const [f] = await findingsOn('gp2-to-gp3', { ebsVolumes: [volume({ type: 'gp2', sizeGiB: 2000 })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/3000 IOPS above/);
  });
});
