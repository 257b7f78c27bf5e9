import { roundCents } from '../../money.js';
import type { FsxDataRepository, FsxLustreFileSystem } from '../../snapshot/types/fsx-lustre-file-system.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

const GIB = 2 ** 30;

export interface FsxLustreSignals {
  available: boolean;
  ageDays: number;
  deploymentType: string;
  scratch: boolean;
  storageType: string;
  storageCapacityGiB: number;
  throughputPerTiB: number;
  hasRepository: boolean;
  repositoriesKnown: boolean;
  autoExport: boolean;
  hasIoMetrics: boolean;
  ioObservedHours: number;
  dataSufficient: boolean;
  readGiB: number;
  writeGiB: number;
  hasCapacityMetrics: boolean;
  capacityObservedHours: number;
  usedGiBMax: number;
  usedPctMax: number;
  monthlyCost: number;
  priced: boolean;
}

export const FSX_LUSTRE_SIGNAL_KEYS = {
  available: { type: 'bool', doc: 'Lifecycle AVAILABLE (serving clients, billing).' },
  ageDays: { type: 'number', doc: 'Days since the file system was created (0 when the response did not say).' },
  deploymentType: { type: 'string', doc: 'SCRATCH_1, SCRATCH_2, PERSISTENT_1 or PERSISTENT_2.' },
  scratch: { type: 'bool', doc: 'A scratch deployment: data not replicated, lost if a file server fails.' },
  storageType: { type: 'string', doc: 'SSD, HDD or INTELLIGENT_TIERING.' },
  storageCapacityGiB: { type: 'number', doc: 'Provisioned storage capacity, GiB.' },
  throughputPerTiB: { type: 'number', doc: 'Provisioned throughput, MB/s per TiB (0 for scratch).' },
  hasRepository: {
    type: 'bool',
    doc: 'Linked to an S3 data repository: an available data repository association, or the older DataRepositoryConfiguration import/export path.',
  },
  repositoriesKnown: {
    type: 'bool',
    doc: 'Whether it has a repository is known: DescribeDataRepositoryAssociations answered, or DescribeFileSystems named an import/export path.',
  },
  autoExport: { type: 'bool', doc: 'A repository association exports new and changed files to S3 automatically (AutoExportPolicy NEW and CHANGED).' },
  hasIoMetrics: { type: 'bool', doc: 'AWS/FSx DataReadBytes and DataWriteBytes both have datapoints.' },
  ioObservedHours: { type: 'number', doc: 'Hours of the window with read and write datapoints.' },
  dataSufficient: { type: 'bool', doc: 'ioObservedHours reaches minObservedHours (config).' },
  readGiB: { type: 'number', doc: 'Data read over the window, GiB.' },
  writeGiB: { type: 'number', doc: 'Data written over the window, GiB.' },
  hasCapacityMetrics: { type: 'bool', doc: 'AWS/FSx FreeDataStorageCapacity has datapoints.' },
  capacityObservedHours: { type: 'number', doc: 'Hours of the window with free-capacity datapoints.' },
  usedGiBMax: { type: 'number', doc: 'The most data stored at any time in the window, GiB (capacity minus the lowest free capacity).' },
  usedPctMax: { type: 'number', doc: 'usedGiBMax as a percent of the storage capacity.' },
  monthlyCost: { type: 'number', doc: 'Storage cost per month, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<FsxLustreSignals>;

/** The fsx-prices.json key of a file system: deployment, storage type and, for persistent ones, MB/s per TiB. */
export function fsxPriceKey(fs: Pick<FsxLustreFileSystem, 'deploymentType' | 'storageType' | 'perUnitStorageThroughput'>): string {
  const base = `${fs.deploymentType}/${fs.storageType}`;
  return fs.deploymentType.startsWith('SCRATCH') || fs.perUnitStorageThroughput === undefined ? base : `${base}/${fs.perUnitStorageThroughput}`;
}

/** What `capacityGiB` of this file system's kind costs per month, or why that is unknown. */
export function fsxMonthly(fs: FsxLustreFileSystem, capacityGiB: number, ctx: Pick<SignalContext, 'prices'>): ResourceCost {
  const key = fsxPriceKey(fs);
  const lookup = ctx.prices.fsxLustreGbMonth(key, fs.region);
  return lookup.known
    ? { monthly: roundCents(lookup.price.usd * capacityGiB), prices: [{ item: `FSx for Lustre ${key} GB-month`, price: lookup.price }], unknown: [] }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
}

export function fsxLustreSignals(fs: FsxLustreFileSystem, ctx: SignalContext): { signals: FsxLustreSignals; cost: ResourceCost } {
  const available = fs.lifecycle === 'AVAILABLE';
  const cost = available ? fsxMonthly(fs, fs.storageCapacityGiB, ctx) : { monthly: 0, prices: [], unknown: [] };
  const { dataReadBytes: read, dataWriteBytes: write, usedDataStorageBytes: used } = fs.metrics;
  const hasIoMetrics = (read?.datapoints ?? 0) > 0 && (write?.datapoints ?? 0) > 0;
  const ioObservedHours = hasIoMetrics ? Math.min(read!.observedHours, write!.observedHours) : 0;
  const hasCapacityMetrics = (used?.datapoints ?? 0) > 0;
  const usedGiBMax = hasCapacityMetrics ? Math.max(0, used!.max) / GIB : 0;
  const legacy = fs.importPath !== undefined || fs.exportPath !== undefined;
  const repositories = usableRepositories(fs);
  return {
    signals: {
      available,
      ageDays: fs.creationTime !== undefined ? round(hoursBetween(fs.creationTime, ctx.asOf) / 24) : 0,
      deploymentType: fs.deploymentType,
      scratch: fs.deploymentType.startsWith('SCRATCH'),
      storageType: fs.storageType,
      storageCapacityGiB: fs.storageCapacityGiB,
      throughputPerTiB: fs.perUnitStorageThroughput ?? 0,
      hasRepository: legacy || repositories.length > 0,
      repositoriesKnown: legacy || fs.dataRepositories !== undefined,
      autoExport: repositories.some((r) => r.exportEvents.includes('NEW') && r.exportEvents.includes('CHANGED')),
      hasIoMetrics,
      ioObservedHours: round(ioObservedHours),
      dataSufficient: ioObservedHours >= ctx.minObservedHours,
      readGiB: round((read?.sum ?? 0) / GIB, 3),
      writeGiB: round((write?.sum ?? 0) / GIB, 3),
      hasCapacityMetrics,
      capacityObservedHours: round(used?.observedHours ?? 0),
      usedGiBMax: round(usedGiBMax, 2),
      usedPctMax: fs.storageCapacityGiB > 0 ? round((usedGiBMax / fs.storageCapacityGiB) * 100) : 0,
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}

/** Associations a data repository task can export to: AVAILABLE or UPDATING (a lifecycle not reported counts). */
export function usableRepositories(fs: FsxLustreFileSystem): FsxDataRepository[] {
  return (fs.dataRepositories ?? []).filter((r) => r.lifecycle === undefined || r.lifecycle === 'AVAILABLE' || r.lifecycle === 'UPDATING');
}
