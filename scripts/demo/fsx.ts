/**
 * The demo account's FSx for Lustre file systems, as the collector writes them: one staged for a
 * training run and forgotten (idle-fsx-lustre), one busy but mostly empty (oversized-fsx-lustre).
 */
import type { FsxLustreFileSystem } from '../../src/snapshot/types/fsx-lustre-file-system.js';
import { counter, gauge, type Window } from '../synthetic.js';

const GIB = 2 ** 30;

export function demoFsx(w: Window, rand: () => number, account: string): FsxLustreFileSystem[] {
  const created = (days: number) => new Date(w.end.getTime() - days * 86_400_000).toISOString();
  return [
    {
      id: 'fs-0a1b2c3d4e5f60718',
      arn: `arn:aws:fsx:us-east-1:${account}:file-system/fs-0a1b2c3d4e5f60718`,
      accountId: account,
      region: 'us-east-1',
      name: 'imagenet-stage-sweep2',
      lifecycle: 'AVAILABLE',
      creationTime: created(45),
      deploymentType: 'PERSISTENT_2',
      storageType: 'SSD',
      storageCapacityGiB: 4800,
      perUnitStorageThroughput: 125,
      dataCompression: 'LZ4',
      // PERSISTENT_2 links S3 through data repository associations (DescribeDataRepositoryAssociations).
      dataRepositories: [
        {
          associationId: 'dra-0c1d2e3f4a5b60711',
          path: 's3://research-datasets/imagenet-21k/',
          fileSystemPath: '/imagenet-21k/',
          lifecycle: 'AVAILABLE',
          importEvents: ['NEW', 'CHANGED', 'DELETED'],
          exportEvents: [],
        },
      ],
      tags: { Name: 'imagenet-stage-sweep2', team: 'research' },
      metrics: {
        // Nothing mounted it since the sweep ended: no bytes read or written in the window.
        dataReadBytes: counter(w, 0, rand),
        dataWriteBytes: counter(w, 0, rand),
        usedDataStorageBytes: gauge(w, { avg: 3100 * GIB, p95: 3100 * GIB, max: 3100 * GIB }, rand),
      },
    },
    {
      id: 'fs-0f1e2d3c4b5a60719',
      arn: `arn:aws:fsx:us-east-1:${account}:file-system/fs-0f1e2d3c4b5a60719`,
      accountId: account,
      region: 'us-east-1',
      name: 'llm-shards-scratch',
      lifecycle: 'AVAILABLE',
      creationTime: created(30),
      deploymentType: 'SCRATCH_2',
      storageType: 'SSD',
      storageCapacityGiB: 9600,
      dataCompression: 'NONE',
      importPath: 's3://research-datasets/llm-shards',
      // The older DataRepositoryConfiguration links it; the region's association listing has none for it.
      dataRepositories: [],
      tags: { Name: 'llm-shards-scratch', team: 'research' },
      metrics: {
        dataReadBytes: counter(w, 1800 * GIB, rand),
        dataWriteBytes: counter(w, 60 * GIB, rand),
        // At most 1.5 TiB of shards on 9.6 TiB provisioned.
        usedDataStorageBytes: gauge(w, { avg: 1300 * GIB, p95: 1480 * GIB, max: 1500 * GIB }, rand),
      },
    },
  ];
}
