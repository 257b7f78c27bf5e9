import type { QueryTarget } from './sql.js';

export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

/** Where billing SQL runs: embedded DuckDB over files, or Athena over the organisation's CUR. */
export interface BillingEngine {
  readonly target: QueryTarget;
  run(sql: string, purpose: string): Promise<SqlRow[]>;
  close(): Promise<void>;
}

export function str(v: SqlValue | undefined): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

/** Numbers from DuckDB arrive as numbers, from Athena as text; anything else is a bug upstream. */
export function numeric(v: SqlValue | undefined, what: string): number {
  if (v === null || v === undefined || v === '') return 0;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) throw new Error(`billing query returned a non-numeric ${what}: ${JSON.stringify(v)}`);
  return n;
}
