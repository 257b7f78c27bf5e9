/** FSx for Lustre file systems shaped like the collector writes them, for the FSx rule tables. */
import { counter, gauge, rng } from '../../scripts/synthetic.js';
import type { FsxLustreFileSystem } from '../../src/snapshot/types/fsx-lustre-file-system.js';
import { END, WINDOW } from '../helpers/builders.js';

const rand = rng(11);
const GIB = 2 ** 30;

export function lustre(
  fs: Partial<FsxLustreFileSystem> & { readGiBPerDay?: number; writeGiBPerDay?: number; usedGiB?: number; days?: number },
): FsxLustreFileSystem {
  const { readGiBPerDay, writeGiBPerDay, usedGiB, days, ...rest } = fs;
  const metrics: FsxLustreFileSystem['metrics'] = {};
  if (readGiBPerDay !== undefined) metrics.dataReadBytes = counter(WINDOW, readGiBPerDay * GIB, rand, { days: days ?? 14 });
  if (writeGiBPerDay !== undefined) metrics.dataWriteBytes = counter(WINDOW, writeGiBPerDay * GIB, rand, { days: days ?? 14 });
  if (usedGiB !== undefined)
    metrics.usedDataStorageBytes = gauge(WINDOW, { avg: usedGiB * GIB * 0.9, p95: usedGiB * GIB, max: usedGiB * GIB, days: days ?? 14 }, rand);
  return {
    id: 'fs-0123456789abcdef0',
    accountId: '111122223333',
    region: 'us-east-1',
    lifecycle: 'AVAILABLE',
    creationTime: new Date(END.getTime() - 40 * 86_400_000).toISOString(),
    deploymentType: 'PERSISTENT_2',
    storageType: 'SSD',
    storageCapacityGiB: 4800,
    perUnitStorageThroughput: 125,
    dataCompression: 'NONE',
    importPath: 's3://ml-datasets/imagenet',
    tags: {},
    metrics,
    ...rest,
  };
}
