import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';
import { DUCKDB, literal } from './dialect.js';
import type { BillingEngine, SqlRow, SqlValue } from './engine.js';
import type { FileFormat } from './inputs.js';
import type { SourceMapping } from './mapping/types.js';
import { SourceSchema } from './source-schema.js';
import type { QueryTarget } from './sql.js';

const VIEW = 'billing_line_items';

export interface DuckDbOptions {
  /** DuckDB's memory limit; it spills to a temp directory beyond it. */
  memoryLimit?: string;
  threads?: number;
}

/**
 * Billing files read in place by embedded DuckDB. CSV is read as text (all_varchar) so account
 * ids keep their leading zeros and a sniffer guess never turns an id into a number; the
 * canonical SQL casts costs and dates itself.
 */
export async function openDuckDb(paths: readonly string[], format: FileFormat, mapping: SourceMapping, o: DuckDbOptions = {}): Promise<BillingEngine> {
  const where = paths.length === 1 ? (paths[0] ?? '') : `${paths[0] ?? ''} (+${paths.length - 1} more)`;
  const instance = await DuckDBInstance.create(':memory:', {
    // Never fetch extensions from the internet at query time: everything needed is built in.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    memory_limit: o.memoryLimit ?? '1536MB',
    ...(o.threads !== undefined ? { threads: String(o.threads) } : {}),
  });
  const conn = await instance.connect();
  const list = `[${paths.map(literal).join(', ')}]`;
  const reader =
    format === 'parquet'
      ? `read_parquet(${list}, union_by_name = true)`
      : // CUR 2.0 and FOCUS CSV are RFC 4180 (comma, double quotes doubled inside): said outright, a stray quote is an error, not a sniffed dialect that reads it as part of a column name.
        `read_csv(${list}, union_by_name = true, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  try {
    await conn.run(`SET TimeZone = 'UTC'`);
    await conn.run(`CREATE VIEW ${VIEW} AS SELECT * FROM ${reader}`);
    const columns = await describeColumns(conn, VIEW);
    // DuckDB reads an empty file as one column named column0 and no rows.
    if (format !== 'parquet' && columns.length === 1 && columns[0]?.name === 'column0')
      throw new UserError(`${where}: empty billing file (no header and no rows)`);
    const target: QueryTarget = { table: VIEW, dialect: DUCKDB, schema: new SourceSchema(columns, where, mapping.columnAliases), mapping };
    return new DuckDbEngine(instance, conn, target);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err instanceof UserError ? err : unreadable(where, format, err);
  }
}

const DESCRIBED_COLUMNS = z.array(z.object({ column_name: z.string(), column_type: z.string() }));

/** A table's columns as DuckDB's DESCRIBE lists them. */
export async function describeColumns(conn: DuckDBConnection, table: string): Promise<{ name: string; type: string }[]> {
  const described = await conn.runAndReadAll(`DESCRIBE ${table}`);
  return DESCRIBED_COLUMNS.parse(described.getRowObjectsJS()).map((r) => ({ name: r.column_name, type: r.column_type }));
}

class DuckDbEngine implements BillingEngine {
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly target: QueryTarget,
  ) {}

  async run(sql: string, purpose: string): Promise<SqlRow[]> {
    try {
      const reader = await this.conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map(toRow);
    } catch (err) {
      throw new UserError(`${this.target.schema.where}: cannot compute ${purpose} (${firstLine(errorMessage(err))})`);
    }
  }

  close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
    return Promise.resolve();
  }
}

function toRow(r: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const [k, v] of Object.entries(r)) out[k] = toValue(v);
  return out;
}

function toValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- DuckDB's other JS values (Date, Decimal, List) print through their own toString
  return String(v);
}

function unreadable(where: string, format: FileFormat, err: unknown): UserError {
  const msg = firstLine(errorMessage(err));
  // DuckDB's sniffer names neither the file nor the line when the quoting is broken; the file and what to look for are what help.
  const why =
    format !== 'parquet' && /sniffing file/i.test(msg) ? 'broken quoting: look for a stray or unclosed double quote, or a delimiter other than a comma' : msg;
  return new UserError(`${where}: not a readable ${format === 'parquet' ? 'Parquet' : 'CSV'} billing file (${why})`);
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim() !== '') ?? s).trim().slice(0, 400);
}
