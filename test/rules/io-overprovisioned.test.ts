import { describe, expect, it } from 'vitest';
import type { EbsVolume } from '../../src/snapshot/schema.js';
import { findingsOn, ioMetrics, volume } from './resources.js';

describe('io-overprovisioned', () => {
  const misses: [string, EbsVolume][] = [
    ['peak near provisioned', volume({ type: 'io1', sizeGiB: 500, iops: 10_000, metrics: ioMetrics(8_000) })],
    ['no I/O metrics is not idle', volume({ type: 'io1', sizeGiB: 500, iops: 10_000 })],
    ['only 2 days of I/O metrics', volume({ type: 'io1', sizeGiB: 500, iops: 10_000, metrics: ioMetrics(1_000, 2) })],
    ['gp3', volume({ type: 'gp3', sizeGiB: 500, iops: 10_000, metrics: ioMetrics(1_000) })],
  ];
  it.each(misses)('does not match: %s', async (_, v) => {
    expect(await findingsOn('io-overprovisioned', { ebsVolumes: [v] })).toEqual([]);
  });

  it('moves io1 10,000 IOPS with a 1,000 IOPS peak to gp3: storage saving (0.125 - 0.08) x 500 = $22.50, IOPS part listed as unpriced', async () => {
    const [f] = await findingsOn('io-overprovisioned', { ebsVolumes: [volume({ type: 'io1', sizeGiB: 500, iops: 10_000, metrics: ioMetrics(1_000) })] });
    expect(f?.action).toMatchObject({ kind: 'change-volume-type', from: 'io1', to: 'gp3' });
    expect(f?.monthlySavings).toBe(22.5);
    expect(f?.pricing.unknown?.join(' ')).toMatch(/provisioned IOPS/);
    expect(f?.evidence).toMatchObject({ peakIops: 1000, provisionedIops: 10_000 });
  });
});
