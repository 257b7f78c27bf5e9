import { UserError } from '../errors.js';
import type { Snapshot } from '../snapshot/schema.js';
import { athenaClient, s3Client, type AwsOptions } from './aws-clients.js';
import { openAthena, type AthenaSettings } from './athena-engine.js';
import { openDuckDb } from './duckdb-engine.js';
import type { BillingEngine } from './engine.js';
import { gpuLine, type GpuLine } from './gpu.js';
import { resolveInputs } from './inputs.js';
import { CUR2 } from './mapping/cur.js';
import { FOCUS } from './mapping/focus.js';
import type { SourceMapping } from './mapping/types.js';
import type { Dimension, FileSourceKind } from './model.js';
import { addDays, dayOf, startOf } from './period.js';
import { buildSpendReport, type SpendReport } from './report.js';
import { readDailySpend, readInstanceUsage } from './rows.js';
import { fetchS3Prefixes } from './s3-fetch.js';

export interface FileSpendRequest {
  source: FileSourceKind;
  paths: string[];
  engine: 'duckdb' | 'athena';
  athena?: AthenaSettings;
  by: Dimension[];
  lastDays?: number;
  teamKeys: string[];
  aws: AwsOptions;
  snapshot?: Snapshot;
  now: Date;
  /** One-line notices for stderr: bytes fetched, Athena cost. */
  notify: (line: string) => void;
}

export function mappingFor(source: FileSourceKind): SourceMapping {
  return source === 'cur' ? CUR2 : FOCUS;
}

/** A spend report from CUR 2.0 or FOCUS data, through DuckDB (files) or Athena (a table). */
export async function fileSpendReport(req: FileSpendRequest): Promise<SpendReport> {
  const { engine, cleanup } = await openEngine(req);
  try {
    const daily = await readDailySpend(engine, {
      by: req.by,
      teamKeys: req.teamKeys,
      // Athena bills bytes scanned: bound the scan by --last plus what the month-over-month delta needs.
      ...(req.engine === 'athena' && req.lastDays !== undefined ? { since: startOf(addDays(dayOf(req.now), -(req.lastDays + 62))) } : {}),
    });
    if (daily.length === 0)
      throw new UserError(
        `${engine.target.schema.where}: no billing line items${req.engine === 'athena' && req.lastDays !== undefined ? ` in the last ${req.lastDays} days` : ''}`,
      );
    const draft = buildSpendReport(daily, { source: sourceOf(req, engine), by: req.by, ...(req.lastDays !== undefined ? { lastDays: req.lastDays } : {}) });
    const warnings: string[] = [];
    const gpu = await readGpuLine(engine, draft, req.snapshot, warnings);
    return { ...draft, gpu, warnings };
  } finally {
    await engine.close();
    await cleanup();
  }
}

/** The GPU line is a bonus: columns it needs but the export lacks become a warning, not a failure. */
async function readGpuLine(engine: BillingEngine, draft: SpendReport, snapshot: Snapshot | undefined, warnings: string[]): Promise<GpuLine | null> {
  const window = draft.window;
  try {
    const usage = await readInstanceUsage(engine, { from: startOf(window.start), to: startOf(window.end), acceleratedOnly: true });
    if (snapshot && usage.length > 0 && usage.every((u) => u.resourceId === null)) {
      warnings.push(`GPU idle share needs resource ids: ${engine.target.mapping.howToAdd(engine.target.mapping.fields.resourceId.columns[0] ?? '')}`);
    }
    return gpuLine(usage, snapshot);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    warnings.push(`no GPU line: ${err.message}`);
    return null;
  }
}

function sourceOf(req: FileSpendRequest, engine: BillingEngine): SpendReport['source'] {
  return { kind: req.source, engine: req.engine, where: engine.target.schema.where };
}

async function openEngine(req: FileSpendRequest): Promise<{ engine: BillingEngine; cleanup: () => Promise<void> }> {
  const mapping = mappingFor(req.source);
  if (req.engine === 'athena') {
    if (req.paths.length > 0) throw new UserError('--engine athena reads the table named by --database and --table; drop the file paths');
    if (!req.athena) throw new UserError('--engine athena needs --database and --table (or billing.athena in mlcost.config.yaml)');
    const engine = await openAthena(athenaClient(req.aws), req.athena, mapping, {
      onQuery: (q) => {
        req.notify(`Athena: ${q.purpose} scanned ${formatBytes(q.bytesScanned)} (about $${q.costUsd.toFixed(4)}) in query ${q.id}`);
      },
    });
    return { engine, cleanup: () => Promise.resolve() };
  }
  const inputs = await resolveInputs(req.paths);
  if (inputs.s3.length === 0) return { engine: await openDuckDb(inputs.paths, inputs.format, mapping), cleanup: () => Promise.resolve() };
  const client = s3Client(req.aws);
  const fetched = await fetchS3Prefixes(client, inputs.s3);
  client.destroy();
  req.notify(`S3: fetched ${fetched.files.length} file(s), ${formatBytes(fetched.bytes)}, from ${inputs.s3.join(' ')}`);
  try {
    const local = await resolveInputs([...inputs.paths, ...fetched.files]);
    return { engine: await openDuckDb(local.paths, local.format, mapping), cleanup: fetched.cleanup };
  } catch (err) {
    await fetched.cleanup();
    throw err;
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}
