import { describe, expect, it } from 'vitest';
import type { FsxLustreFileSystem } from '../../src/snapshot/types/fsx-lustre-file-system.js';
import { lustre } from './fsx-lustre-builders.js';
import { findingsOn } from './resources.js';

const on = (fs: FsxLustreFileSystem) => findingsOn('idle-fsx-lustre', { fsxLustreFileSystems: [fs] });

describe('idle-fsx-lustre', () => {
  const misses: [string, FsxLustreFileSystem][] = [
    ['read every day', lustre({ readGiBPerDay: 50, writeGiBPerDay: 0 })],
    ['written every day', lustre({ readGiBPerDay: 0, writeGiBPerDay: 5 })],
    ['no metrics at all (missing is not idle)', lustre({})],
    ['two days of data', lustre({ readGiBPerDay: 0, writeGiBPerDay: 0, days: 2 })],
    ['being deleted', lustre({ readGiBPerDay: 0, writeGiBPerDay: 0, lifecycle: 'DELETING' })],
  ];
  it.each(misses)('does not match: %s', async (_, fs) => {
    expect(await on(fs)).toEqual([]);
  });

  it('4,800 GiB PERSISTENT_2 SSD 125 MB/s/TiB nobody touched: export to its S3 repository and delete, 4800 x $0.145 = $696.00', async () => {
    const [f] = await on(lustre({ readGiBPerDay: 0, writeGiBPerDay: 0 }));
    expect(f?.action.kind).toBe('delete');
    expect(f?.action.description).toContain('EXPORT_TO_REPOSITORY');
    expect(f?.action.description).toContain('s3://ml-datasets/imagenet');
    expect(f?.monthlySavings).toBe(696);
    expect(f?.monthlyCost).toBe(696);
    expect(f?.pricing.prices[0]).toMatchObject({ item: 'FSx for Lustre PERSISTENT_2/SSD/125 GB-month', unit: 'GB-month', asOf: '2026-12-06' });
    expect(f?.tradeoff.performanceRisk).toBe('low');
  });

  it('a scratch file system without a repository says its data is lost unless copied out: 1,200 GiB SCRATCH_2 x $0.14 = $168.00', async () => {
    const [f] = await on(
      lustre({
        deploymentType: 'SCRATCH_2',
        perUnitStorageThroughput: undefined,
        storageCapacityGiB: 1200,
        importPath: undefined,
        readGiBPerDay: 0,
        writeGiBPerDay: 0,
      }),
    );
    expect(f?.monthlySavings).toBe(168);
    expect(f?.action.description).toMatch(/^Back up/);
    expect(f?.tradeoff.performanceRisk).toBe('medium');
    expect(f?.tradeoff.summary).toContain('scratch');
  });

  it('a tier without a sourced price is found but unpriced, never $0', async () => {
    const [f] = await on(lustre({ perUnitStorageThroughput: 1000, readGiBPerDay: 0, writeGiBPerDay: 0 }));
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toContain('PERSISTENT_2/SSD/1000');
  });

  it('a region the catalog does not cover is unpriced', async () => {
    const [f] = await on(lustre({ region: 'eu-west-1', readGiBPerDay: 0, writeGiBPerDay: 0 }));
    expect(f?.monthlySavings).toBeNull();
  });
});
