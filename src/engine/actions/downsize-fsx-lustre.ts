import { z } from 'zod';
import { roundCents } from '../../money.js';
import { fsxMonthly } from '../signals/fsx-lustre-file-system.js';
import { evidenceOf } from '../signals/metrics.js';
import { defineAction, priceEntry } from './types.js';
import type { FsxLustreFileSystem } from '../../snapshot/types/fsx-lustre-file-system.js';

/**
 * The storage capacities FSx for Lustre accepts (CreateFileSystem StorageCapacity, FSx API
 * Reference): SSD scratch-2 and persistent: 1,200, 2,400, then multiples of 2,400 GiB; scratch-1:
 * 1,200, 2,400, then multiples of 3,600; persistent-1 HDD: multiples of 6,000 (12 MB/s/TiB) or
 * 1,800 GiB (40 MB/s/TiB). Undefined when the kind is not listed: no move is proposed.
 */
export function smallestCapacityFor(
  fs: Pick<FsxLustreFileSystem, 'deploymentType' | 'storageType' | 'perUnitStorageThroughput'>,
  needGiB: number,
): number | undefined {
  const step = (first: number[], every: number) => {
    for (const c of first) if (c >= needGiB) return c;
    return Math.max(every, Math.ceil(needGiB / every) * every);
  };
  if (fs.storageType === 'HDD') {
    if (fs.perUnitStorageThroughput === 12) return step([], 6000);
    if (fs.perUnitStorageThroughput === 40) return step([], 1800);
    return undefined;
  }
  if (fs.storageType !== 'SSD') return undefined;
  return fs.deploymentType === 'SCRATCH_1' ? step([1200, 2400], 3600) : step([1200, 2400], 2400);
}

/**
 * A smaller FSx for Lustre file system for the data it holds. Capacity cannot shrink in place, so
 * the move is a new file system at the target size, filled from the S3 repository (or a copy),
 * with clients moved over; the saving is the capacity given back at the same GB-month price.
 */
export const downsizeFsxLustre = defineAction({
  resource: 'fsx-lustre-file-system',
  params: z.object({ headroomPct: z.number().min(0).lt(100) }),
  price(ctx) {
    const { resource: fs, signals: s, params } = ctx;
    const target = smallestCapacityFor(fs, s.usedGiBMax / (1 - params.headroomPct / 100));
    if (target === undefined || target >= fs.storageCapacityGiB) return undefined;
    const now = fsxMonthly(fs, fs.storageCapacityGiB, ctx.env);
    const after = fsxMonthly(fs, target, ctx.env);
    const savings = now.monthly !== null && after.monthly !== null ? roundCents(now.monthly - after.monthly) : null;
    const how = s.scratch
      ? 'scratch keeps no replica: create the smaller one, re-import from S3, move the jobs'
      : `create a ${target} GiB ${s.deploymentType} file system${s.hasRepository ? ' linked to the same S3 repository' : ''}, copy or re-import the data, move the clients`;
    return {
      from: `${fs.storageCapacityGiB} GiB`,
      to: `${target} GiB`,
      description: `Replace ${fs.id} (${fs.storageCapacityGiB} GiB ${s.deploymentType}) with a ${target} GiB file system: FSx for Lustre cannot shrink in place`,
      monthlySavings: savings,
      pricing: {
        method: 'saving = (current - proposed capacity) x FSx for Lustre GB-month price',
        prices: now.prices.map((p) => priceEntry(p.item, p.price)),
        ...(now.unknown.length ? { unknown: now.unknown } : {}),
      },
      confidence: s.capacityObservedHours >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        usedGiBMax: s.usedGiBMax,
        usedPctMax: s.usedPctMax,
        storageCapacityGiB: s.storageCapacityGiB,
        used: evidenceOf(fs.metrics.usedDataStorageBytes),
      },
      tradeoff: {
        performanceRisk: 'medium',
        summary: `capacity ${fs.storageCapacityGiB} -> ${target} GiB for a peak of ${s.usedGiBMax} GiB stored; throughput scales with capacity, so aggregate MB/s falls by the same share; ${how}`,
        before: { label: `${fs.storageCapacityGiB} GiB ${s.deploymentType}`, storageGiB: fs.storageCapacityGiB },
        after: { label: `${target} GiB ${s.deploymentType}`, storageGiB: target },
      },
    };
  },
});
