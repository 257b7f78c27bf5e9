import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError, errorMessage } from '../errors.js';

export type FileFormat = 'parquet' | 'csv';

/** What `spend PATHS...` named: local files (or globs DuckDB expands) and s3:// prefixes. */
export interface ResolvedInputs {
  format: FileFormat;
  /** Local paths or glob patterns, ready for read_parquet / read_csv. */
  paths: string[];
  /** s3:// prefixes still to be fetched. */
  s3: string[];
}

const GLOB = /[*?[]/;

export function formatOf(path: string): FileFormat | undefined {
  const p = path.toLowerCase();
  if (p.endsWith('.parquet') || p.endsWith('.snappy.parquet')) return 'parquet';
  if (p.endsWith('.csv') || p.endsWith('.csv.gz')) return 'csv';
  return undefined;
}

/**
 * Expands directories, checks files exist and picks the one format they share. Globs are left
 * for DuckDB to expand (it reports a pattern that matches nothing).
 */
export async function resolveInputs(args: readonly string[]): Promise<ResolvedInputs> {
  if (args.length === 0) throw new UserError('name the billing files: `mlcost spend --source cur ./exports/*.parquet` (or an s3:// prefix)');
  const paths: string[] = [];
  const s3: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('s3://')) s3.push(arg);
    else if (GLOB.test(arg)) paths.push(arg);
    else paths.push(...(await expandLocal(arg)));
  }
  const formats = new Set(paths.filter((p) => !GLOB.test(p) || formatOf(p)).map((p) => checkedFormat(p)));
  if (formats.size > 1) throw new UserError(`billing files mix Parquet and CSV (${args.join(' ')}); pass one format at a time`);
  return { format: [...formats][0] ?? 'parquet', paths, s3 };
}

export function checkedFormat(path: string): FileFormat {
  const f = formatOf(path);
  if (f === undefined) throw new UserError(`${path}: not a billing file this reads (expected .parquet, .csv or .csv.gz)`);
  return f;
}

async function expandLocal(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new UserError(
      `${path}: cannot read billing file (${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : errorMessage(err)})`,
    );
  }
  if (!info.isDirectory()) return [path];
  const found = (await readdir(path, { recursive: true }))
    .map((rel) => join(path, rel))
    .filter((p) => formatOf(p) !== undefined)
    .sort();
  if (found.length === 0) throw new UserError(`${path}: no .parquet, .csv or .csv.gz files in this directory`);
  return found;
}
