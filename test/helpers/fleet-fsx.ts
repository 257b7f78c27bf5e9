import { CreateFileSystemCommand, FSxClient } from '@aws-sdk/client-fsx';
import { TEST_CREDENTIALS, type SeriesSpec } from '../../bench/collect/seed.js';
import { daily } from './fleet-series.js';

const GIB = 2 ** 30;

/** The fleet's FSx for Lustre file systems: one nobody reads (idle-fsx-lustre), one mostly empty (oversized-fsx-lustre). */
export async function seedFsx(endpoint: string, region: string): Promise<{ fsxIdle: string; fsxRoomy: string }> {
  const fsx = new FSxClient({ region, endpoint, credentials: TEST_CREDENTIALS });
  const create = async (name: string, capacity: number) =>
    (
      await fsx.send(
        new CreateFileSystemCommand({
          FileSystemType: 'LUSTRE',
          StorageCapacity: capacity,
          StorageType: 'SSD',
          SubnetIds: ['subnet-12345678'],
          LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 125 },
          Tags: [{ Key: 'team', Value: 'vision' }],
        }),
      )
    ).FileSystem?.FileSystemId ?? '';
  return { fsxIdle: await create('dataset-stage', 2400), fsxRoomy: await create('shards', 4800) };
}

export function fsxSeries(now: Date, ids: { fsxIdle: string; fsxRoomy: string }): SeriesSpec[] {
  const s = (id: string, metricName: string, v: number): SeriesSpec => ({
    namespace: 'AWS/FSx',
    metricName,
    dimensions: { FileSystemId: id },
    points: daily(now, 14, () => v),
  });
  return [
    s(ids.fsxIdle, 'DataReadBytes', 0),
    s(ids.fsxIdle, 'DataWriteBytes', 0),
    s(ids.fsxIdle, 'FreeDataStorageCapacity', 1400 * GIB),
    s(ids.fsxRoomy, 'DataReadBytes', 500 * GIB),
    s(ids.fsxRoomy, 'DataWriteBytes', 20 * GIB),
    s(ids.fsxRoomy, 'FreeDataStorageCapacity', 4000 * GIB),
  ];
}
