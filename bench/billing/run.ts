/**
 * Times `mlcost spend --source cur FILE --by service,team` (the built CLI, end to end, peak RSS
 * from /usr/bin/time) against the same spend SQL run bare through @duckdb/node-api — the
 * reference engine, as no DuckDB CLI is installable here. Run `npm run build` and
 * bench/billing/generate-cur.ts first. Usage: npx tsx bench/billing/run.ts [file] [runs]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DUCKDB } from '../../src/billing/dialect.js';
import { describeColumns } from '../../src/billing/duckdb-engine.js';
import { CUR2 } from '../../src/billing/mapping/cur.js';
import { SourceSchema } from '../../src/billing/source-schema.js';
import { spendQuery } from '../../src/billing/sql.js';

const ROOT = join(import.meta.dirname, '..', '..');
const file = process.argv[2] ?? join(ROOT, 'bench', 'out', 'cur-10m.parquet');
const runs = Number(process.argv[3] ?? 3);

function cli(): { seconds: number; rssMiB: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, join(ROOT, 'bin', 'run.js'), 'spend', '--source', 'cur', file, '--by', 'service,team', '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`spend failed: ${r.stderr}`);
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, rssMiB: kb / 1024 };
}

async function reference(): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE VIEW billing_line_items AS SELECT * FROM read_parquet('${file}')`);
  const cols = await describeColumns(c, 'billing_line_items');
  const sql = spendQuery(
    { table: 'billing_line_items', dialect: DUCKDB, schema: new SourceSchema(cols, file), mapping: CUR2 },
    { by: ['service', 'team'], teamKeys: ['team'] },
  );
  const started = process.hrtime.bigint();
  await c.runAndReadAll(sql);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  c.closeSync();
  db.closeSync();
  return seconds;
}

const cliRuns = Array.from({ length: runs }, cli);
const refRuns: number[] = [];
for (let i = 0; i < runs; i++) refRuns.push(await reference());
const best = (xs: number[]): number => Math.min(...xs);
const cliBest = best(cliRuns.map((r) => r.seconds));
const refBest = best(refRuns);
process.stdout.write(
  [
    `file: ${file}`,
    `mlcost spend --by service,team (CLI, end to end): ${cliRuns.map((r) => r.seconds.toFixed(2)).join(', ')} s; best ${cliBest.toFixed(2)} s; peak RSS ${Math.max(...cliRuns.map((r) => r.rssMiB)).toFixed(0)} MiB`,
    `reference (same SQL, bare @duckdb/node-api, query only): ${refRuns.map((s) => s.toFixed(2)).join(', ')} s; best ${refBest.toFixed(2)} s`,
    `ratio CLI / reference: ${(cliBest / refBest).toFixed(2)}`,
  ].join('\n') + '\n',
);
