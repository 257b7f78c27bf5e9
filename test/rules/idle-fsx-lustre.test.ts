import { describe, expect, it } from 'vitest';
import type { FsxDataRepository, FsxLustreFileSystem } from '../../src/snapshot/types/fsx-lustre-file-system.js';
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

  it('a scratch file system with no S3 repository: copy the data first, risk high: 1,200 GiB SCRATCH_2 x $0.14 = $168.00', async () => {
    const [f] = await on(
      lustre({
        deploymentType: 'SCRATCH_2',
        perUnitStorageThroughput: undefined,
        storageCapacityGiB: 1200,
        importPath: undefined,
        dataRepositories: [],
        readGiBPerDay: 0,
        writeGiBPerDay: 0,
      }),
    );
    expect(f?.monthlySavings).toBe(168);
    expect(f?.action.description).toBe(
      'No S3 repository: copy the data first (to S3, or an FSx backup), then delete fs-0123456789abcdef0; re-create it when a job needs it',
    );
    expect(f?.tradeoff.performanceRisk).toBe('high');
    expect(f?.tradeoff.summary).toContain('scratch');
  });

  const association = (path: string, over: Partial<FsxDataRepository> = {}): FsxDataRepository => ({
    associationId: `dra-${path.length}`,
    path,
    fileSystemPath: '/ns1/',
    lifecycle: 'AVAILABLE',
    importEvents: ['NEW', 'CHANGED', 'DELETED'],
    exportEvents: [],
    ...over,
  });

  it('a PERSISTENT_2 file system with data repository associations: export to each S3 path, then delete', async () => {
    const dataRepositories = [association('s3://ml-datasets/laion/'), association('s3://ml-checkpoints/run-7/', { exportEvents: ['NEW', 'CHANGED'] })];
    const [f] = await on(lustre({ importPath: undefined, dataRepositories, readGiBPerDay: 0, writeGiBPerDay: 0 }));
    expect(f?.action.description).toBe(
      'Export fs-0123456789abcdef0 to s3://ml-datasets/laion/, s3://ml-checkpoints/run-7/ (an EXPORT_TO_REPOSITORY data repository task), then delete it; re-create it from S3 when a job needs it',
    );
    expect(f?.tradeoff.performanceRisk).toBe('low');
    expect(f?.tradeoff.summary).toContain('exported to S3 automatically');
    expect(f?.evidence['dataRepositoryAssociations']).toBe(2);
  });

  it('an association being deleted or failed is no repository to export to', async () => {
    const dataRepositories = [association('s3://gone/', { lifecycle: 'DELETING' }), association('s3://broken/', { lifecycle: 'FAILED' })];
    const [f] = await on(lustre({ importPath: undefined, dataRepositories, readGiBPerDay: 0, writeGiBPerDay: 0 }));
    expect(f?.action.description).toMatch(/^No S3 repository: copy the data first/);
    expect(f?.tradeoff.performanceRisk).toBe('high');
  });

  it('associations that could not be read: says so, never "no repository"', async () => {
    const [f] = await on(lustre({ importPath: undefined, readGiBPerDay: 0, writeGiBPerDay: 0 }));
    expect(f?.action.description).toBe(
      'Export fs-0123456789abcdef0 to its S3 repository if it has one (its data repository associations could not be read), else copy the data first; then delete it',
    );
    expect(f?.tradeoff.performanceRisk).toBe('medium');
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
