import { describe, expect, it } from 'vitest';
import type { EbsVolume } from '../../src/snapshot/schema.js';
import { findingsOn, volume } from './resources.js';

describe('gp2-to-gp3', () => {
  const misses: [string, EbsVolume][] = [
    ['already gp3', volume({ type: 'gp3', sizeGiB: 100 })],
    ['io2', volume({ type: 'io2', sizeGiB: 100, iops: 5000 })],
    ['gp2 outside the embedded price regions', volume({ type: 'gp2', sizeGiB: 100, region: 'mx-central-1' })],
  ];
  it.each(misses)('does not match: %s', async (_, v) => {
    expect(await findingsOn('gp2-to-gp3', { ebsVolumes: [v] })).toEqual([]);
  });

  // gp2 gives up to 128 MiB/s at <= 170 GiB and 250 MiB/s above; gp3 includes 3,000 IOPS and 125 MiB/s.
  const table: [string, number, number, number, number][] = [
    // [case, size GiB, extra IOPS, extra MiB/s, saving]
    ['100 GiB: 3 MiB/s above 125 -> 100 x 0.02 - 3 x 0.04 = $1.88', 100, 0, 3, 1.88],
    ['500 GiB: 125 MiB/s above 125 -> 500 x 0.02 - 125 x 0.04 = $5.00', 500, 0, 125, 5],
    ['2,000 GiB: 6,000 IOPS baseline -> 2000 x 0.02 - 3000 x 0.005 - 125 x 0.04 = $20.00', 2000, 3000, 125, 20],
  ];
  it.each(table)('prices %s', async (_, sizeGiB, extraIops, extraMiBps, saving) => {
    const [f] = await findingsOn('gp2-to-gp3', { ebsVolumes: [volume({ type: 'gp2', sizeGiB })] });
    expect(f?.action).toMatchObject({ kind: 'change-volume-type', from: 'gp2', to: 'gp3' });
    expect(f?.monthlySavings).toBe(saving);
    expect(f?.evidence).toMatchObject({ gp3ExtraIops: extraIops, gp3ExtraMiBps: extraMiBps });
    expect(f?.tradeoff.performanceRisk).toBe('none');
    expect(f?.tradeoff.after).toMatchObject({ storageClass: 'gp3', storageGiB: sizeGiB });
    expect(f?.pricing.unknown).toBeUndefined();
  });

  it('lists each unit price it used with its source and date', async () => {
    const [f] = await findingsOn('gp2-to-gp3', { ebsVolumes: [volume({ type: 'gp2', sizeGiB: 2000 })] });
    expect(f?.pricing.prices.map((p) => [p.usd, p.unit])).toEqual([
      [0.1, 'GB-month'],
      [0.08, 'GB-month'],
      [0.005, 'IOPS-month'],
      [0.04, 'MiBps-month'],
    ]);
    expect(f?.pricing.prices[2]?.source).toMatch(/VolumeP-IOPS\.gp3/);
    expect(f?.pricing.prices[3]?.asOf).toBe('2026-11-23');
    expect(f?.action.description).toMatch(/6000 IOPS and 250 MiB\/s/);
  });

  it('keeps the saving unknown (null, never 0) when an extra-performance price is missing for the region', async () => {
    // A collected gp2/gp3 storage price for mx-central-1 makes the volume match; the gp3 IOPS/throughput prices are embedded for us-* only.
    const prices = (['gp2', 'gp3'] as const).map((key, i) => ({
      service: 'ebs' as const,
      region: 'mx-central-1',
      key,
      usd: [0.11, 0.088][i]!,
      unit: 'GB-Mo',
      source: 'AWS Pricing API',
      asOf: '2026-11-19',
    }));
    const [f] = await findingsOn('gp2-to-gp3', { ebsVolumes: [volume({ type: 'gp2', sizeGiB: 500, region: 'mx-central-1' })] }, { prices });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/gp3 extra-throughput price covers .* only; live price collection does not fetch it/);
  });
});
