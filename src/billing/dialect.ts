/**
 * The few spellings where DuckDB and Athena (Trino) differ. The billing queries are written once
 * (sql.ts) against this interface; everything else in them is SQL both engines read the same way.
 */
export interface Dialect {
  name: 'duckdb' | 'athena';
  /** Value of `key` in a MAP(VARCHAR, VARCHAR) column, NULL when absent. */
  mapGet(columnSql: string, key: string): string;
  /** Value of `key` in a column holding a JSON object as text (CSV exports serialise maps so). */
  jsonGet(columnSql: string, key: string): string;
}

export const DUCKDB: Dialect = {
  name: 'duckdb',
  mapGet: (col, key) => `${col}[${literal(key)}]`,
  jsonGet: (col, key) => `json_extract_string(${col}, ${literal(`$."${key}"`)})`,
};

export const ATHENA: Dialect = {
  name: 'athena',
  // Trino's subscript fails on a missing key; element_at returns NULL.
  mapGet: (col, key) => `element_at(${col}, ${literal(key)})`,
  jsonGet: (col, key) => `json_extract_scalar(${col}, ${literal(`$["${key}"]`)})`,
};

/** A double-quoted identifier: the same in DuckDB and Trino. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `TIMESTAMP 'YYYY-MM-DD HH:MM:SS'`, read the same by both engines. */
export function timestampLiteral(d: Date): string {
  return `TIMESTAMP '${d.toISOString().slice(0, 19).replace('T', ' ')}'`;
}
