import type { FsxLustreFileSystem } from '../../snapshot/types/fsx-lustre-file-system.js';
import type { Finding } from '../result.js';
import { usableRepositories, type FsxLustreSignals } from '../signals/fsx-lustre-file-system.js';
import type { PricedMove } from './types.js';

type Described = Pick<PricedMove, 'description' | 'confidence' | 'evidence' | 'tradeoff'> & { method: string };

/**
 * Delete an idle FSx for Lustre file system, saying where its data goes first: the S3 paths of its
 * data repository associations (or the older import/export path) to export to; with none, the data
 * must be copied out first and the risk is high; when the associations could not be read, the move
 * says so rather than guess.
 */
export function fsxLustreDeletion(fs: FsxLustreFileSystem, s: FsxLustreSignals): Described {
  // The older DataRepositoryConfiguration (SCRATCH_1, PERSISTENT_1) links one bucket without an association.
  const legacyPath = fs.exportPath ?? fs.importPath;
  const paths = [...new Set([...usableRepositories(fs).map((r) => r.path), ...(legacyPath ? [legacyPath] : [])])];
  const days = Math.round(s.ioObservedHours / 24);
  const scratch = s.scratch ? '; a scratch file system keeps no replica, so export before anything fails' : '';
  let description: string;
  let risk: Finding['tradeoff']['performanceRisk'];
  let summary: string;
  if (s.hasRepository) {
    description = `Export ${fs.id} to ${paths.join(', ')} (an EXPORT_TO_REPOSITORY data repository task), then delete it; re-create it from S3 when a job needs it`;
    risk = s.scratch ? 'medium' : 'low';
    summary = `nothing read or wrote in ${days} days; ${s.autoExport ? 'new and changed files are exported to S3 automatically, but run the export task to be sure nothing is pending' : 'files not yet exported to S3 are lost unless exported first'}${scratch}`;
  } else if (s.repositoriesKnown) {
    description = `No S3 repository: copy the data first (to S3, or an FSx backup), then delete ${fs.id}; re-create it when a job needs it`;
    risk = 'high';
    summary = `nothing read or wrote in ${days} days; no S3 repository is linked, so everything on it is lost unless copied out first${scratch}`;
  } else {
    description = `Export ${fs.id} to its S3 repository if it has one (its data repository associations could not be read), else copy the data first; then delete it`;
    risk = 'medium';
    summary = `nothing read or wrote in ${days} days; whether an S3 repository holds its data is unknown: check before deleting${scratch}`;
  }
  return {
    description,
    method: 'saving = storage capacity x FSx for Lustre GB-month price',
    confidence: s.ioObservedHours >= 7 * 24 ? 'high' : 'medium',
    evidence: {
      readGiB: s.readGiB,
      writeGiB: s.writeGiB,
      ioObservedHours: s.ioObservedHours,
      deploymentType: s.deploymentType,
      storageCapacityGiB: s.storageCapacityGiB,
      repository: paths.length ? paths.join(', ') : null,
      ...(fs.dataRepositories ? { dataRepositoryAssociations: fs.dataRepositories.length } : {}),
    },
    tradeoff: {
      performanceRisk: risk,
      summary,
      before: { label: `FSx for Lustre ${s.deploymentType}`, storageGiB: s.storageCapacityGiB },
      after: { label: 'deleted', storageGiB: 0 },
    },
  };
}
