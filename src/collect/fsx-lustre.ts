import { paginateDescribeDataRepositoryAssociations, paginateDescribeFileSystems, type DataRepositoryAssociation, type FileSystem } from '@aws-sdk/client-fsx';
import type { FsxDataRepository, FsxLustreFileSystem } from '../snapshot/types/fsx-lustre-file-system.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { identity, tagMap } from './tags.js';

/**
 * FSx for Lustre file systems of one account and region (DescribeFileSystems; other FSx kinds are left
 * out), with their data repository associations: one DescribeDataRepositoryAssociations listing per
 * region (no filter, paginated), joined by FileSystemId, and only when the region has a Lustre file system.
 */
export const fsxLustreCollector = defineCollector({
  id: 'fsx-lustre',
  service: 'fsx',
  scope: 'region',
  iamActions: ['fsx:DescribeFileSystems', 'fsx:DescribeDataRepositoryAssociations'],
  resourceType: 'fsx-lustre-file-system',
  step: 'file systems',
  what: 'FSx file systems (DescribeFileSystems)',
  collect: collectLustre,
  toSnapshot: (fsxLustreFileSystems) => ({ resources: { fsxLustreFileSystems } }),
  count: (list) => list.length,
});

const DEPLOYMENT_TYPES = new Set<string>(['SCRATCH_1', 'SCRATCH_2', 'PERSISTENT_1', 'PERSISTENT_2']);
const STORAGE_TYPES = new Set<string>(['SSD', 'HDD', 'INTELLIGENT_TIERING']);

export async function collectLustre(ctx: RegionContext): Promise<FsxLustreFileSystem[]> {
  const client = clientFor(ctx, 'fsx');
  const out: FsxLustreFileSystem[] = [];
  for await (const page of paginateDescribeFileSystems({ client }, {})) {
    for (const fs of page.FileSystems ?? []) {
      if (fs.FileSystemType !== 'LUSTRE') continue;
      const entry = toEntry(fs, ctx);
      if (entry) out.push(entry);
      else
        ctx.warnings.add({
          code: 'unsupported-resource',
          message: `${ctx.account.accountId}/${ctx.region}: skipped FSx for Lustre file system ${fs.FileSystemId ?? '?'} (deployment type ${fs.LustreConfiguration?.DeploymentType ?? '?'} unknown to mlcost, or the response lacked its capacity)`,
          accountId: ctx.account.accountId,
          region: ctx.region,
          service: 'fsx',
          ...(fs.FileSystemId ? { resourceId: fs.FileSystemId } : {}),
        });
    }
  }
  if (out.length) await attachRepositories(ctx, out);
  return out;
}

/** A failed listing leaves `dataRepositories` unset (unknown), so no rule takes it for "no repository". */
async function attachRepositories(ctx: RegionContext, systems: FsxLustreFileSystem[]): Promise<void> {
  const client = clientFor(ctx, 'fsx');
  const associations = await guarded(
    ctx,
    'fsx',
    `FSx data repository associations in ${ctx.region} (DescribeDataRepositoryAssociations)`,
    async () => {
      const all: DataRepositoryAssociation[] = [];
      for await (const page of paginateDescribeDataRepositoryAssociations({ client }, {})) all.push(...(page.Associations ?? []));
      return all;
    },
    'idle-fsx-lustre cannot name the S3 repository to export to',
  );
  if (!associations) return;
  for (const fs of systems) fs.dataRepositories = associations.filter((a) => a.FileSystemId === fs.id).flatMap(toRepository);
}

function toRepository(a: DataRepositoryAssociation): FsxDataRepository[] {
  if (!a.AssociationId || !a.DataRepositoryPath) return [];
  return [
    {
      associationId: a.AssociationId,
      path: a.DataRepositoryPath,
      ...(a.FileSystemPath ? { fileSystemPath: a.FileSystemPath } : {}),
      ...(a.Lifecycle ? { lifecycle: a.Lifecycle } : {}),
      importEvents: a.S3?.AutoImportPolicy?.Events ?? [],
      exportEvents: a.S3?.AutoExportPolicy?.Events ?? [],
    },
  ];
}

function toEntry(fs: FileSystem, ctx: RegionContext): FsxLustreFileSystem | undefined {
  const lustre = fs.LustreConfiguration;
  const deploymentType = lustre?.DeploymentType ?? '';
  const storageType = fs.StorageType ?? 'SSD';
  if (!fs.FileSystemId || !DEPLOYMENT_TYPES.has(deploymentType) || !STORAGE_TYPES.has(storageType) || fs.StorageCapacity === undefined) return undefined;
  const tags = tagMap(fs.Tags);
  const repo = lustre?.DataRepositoryConfiguration;
  return {
    ...identity(fs.FileSystemId, ctx, tags),
    ...(fs.ResourceARN ? { arn: fs.ResourceARN } : {}),
    // AWS always names the lifecycle; a response without one (moto_server's) lists a file system that exists, so bills.
    lifecycle: fs.Lifecycle ?? 'AVAILABLE',
    ...(fs.CreationTime ? { creationTime: new Date(fs.CreationTime).toISOString() } : {}),
    deploymentType: deploymentType as FsxLustreFileSystem['deploymentType'],
    storageType: storageType,
    storageCapacityGiB: fs.StorageCapacity,
    ...(lustre?.PerUnitStorageThroughput ? { perUnitStorageThroughput: lustre.PerUnitStorageThroughput } : {}),
    dataCompression: lustre?.DataCompressionType === 'LZ4' ? 'LZ4' : 'NONE',
    ...(repo?.ImportPath ? { importPath: repo.ImportPath } : {}),
    ...(repo?.ExportPath ? { exportPath: repo.ExportPath } : {}),
    tags,
    metrics: {},
  };
}
