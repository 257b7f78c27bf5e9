import { describe, expect, it } from 'vitest';
import { smallestCapacityFor } from '../../src/engine/actions/downsize-fsx-lustre.js';
import type { FsxLustreFileSystem } from '../../src/snapshot/types/fsx-lustre-file-system.js';
import { lustre } from './fsx-lustre-builders.js';
import { findingsOn } from './resources.js';

const on = (fs: FsxLustreFileSystem) => findingsOn('oversized-fsx-lustre', { fsxLustreFileSystems: [fs] });

describe('oversized-fsx-lustre', () => {
  const misses: [string, FsxLustreFileSystem][] = [
    ['half full (above 40%)', lustre({ usedGiB: 2400 })],
    ['no capacity metrics', lustre({})],
    ['two days of data', lustre({ usedGiB: 100, days: 2 })],
    ['already the smallest size', lustre({ storageCapacityGiB: 1200, usedGiB: 100 })],
  ];
  it.each(misses)('does not match: %s', async (_, fs) => {
    expect(await on(fs)).toEqual([]);
  });

  it('4,800 GiB holding at most 700 GiB -> 1,200 GiB (700 / 0.75 = 934 GiB), saving 3600 x $0.145 = $522.00', async () => {
    const [f] = await on(lustre({ usedGiB: 700 }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: '4800 GiB', to: '1200 GiB' });
    expect(f?.monthlySavings).toBe(522);
    expect(f?.action.description).toContain('cannot shrink in place');
    expect(f?.tradeoff.summary).toContain('throughput scales with capacity');
  });

  it('scratch: the trade-off says to re-import from S3', async () => {
    const [f] = await on(lustre({ deploymentType: 'SCRATCH_2', perUnitStorageThroughput: undefined, storageCapacityGiB: 9600, usedGiB: 1500 }));
    // 1500 / 0.75 = 2000 GiB -> 2400 GiB; (9600 - 2400) x $0.14 = $1,008.00
    expect(f?.action.to).toBe('2400 GiB');
    expect(f?.monthlySavings).toBe(1008);
    expect(f?.tradeoff.summary).toContain('re-import from S3');
  });

  it('valid capacities per kind (CreateFileSystem StorageCapacity)', () => {
    const ssd = { deploymentType: 'PERSISTENT_2', storageType: 'SSD' } as const;
    expect([100, 1300, 2500, 5000].map((n) => smallestCapacityFor(ssd, n))).toEqual([1200, 2400, 4800, 7200]);
    expect(smallestCapacityFor({ deploymentType: 'SCRATCH_1', storageType: 'SSD' }, 2500)).toBe(3600);
    expect(smallestCapacityFor({ deploymentType: 'PERSISTENT_1', storageType: 'HDD', perUnitStorageThroughput: 12 }, 100)).toBe(6000);
    expect(smallestCapacityFor({ deploymentType: 'PERSISTENT_1', storageType: 'HDD', perUnitStorageThroughput: 40 }, 2000)).toBe(3600);
    expect(smallestCapacityFor({ deploymentType: 'PERSISTENT_2', storageType: 'INTELLIGENT_TIERING' }, 100)).toBeUndefined();
  });
});
