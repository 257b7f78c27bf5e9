import { UserError } from '../errors.js';
import type { SourceMapping } from './mapping/types.js';
import type { Field } from './model.js';

export interface ColumnInfo {
  name: string;
  type: string;
}

/**
 * The columns a billing source actually has. Lookups ignore case: Athena (Glue) lowercases
 * column names, and DuckDB matches identifiers case-insensitively, so `ChargePeriodStart` and
 * `chargeperiodstart` are the same column.
 */
export class SourceSchema {
  private readonly byLower = new Map<string, ColumnInfo>();

  constructor(
    columns: readonly ColumnInfo[],
    /** Where the columns came from, for error messages: a file, a glob, or `database.table`. */
    readonly where: string,
    /** The mapping's other names for a column (SourceMapping.columnAliases). */
    private readonly aliases: Readonly<Record<string, readonly string[]>> = {},
  ) {
    for (const c of columns) this.byLower.set(c.name.toLowerCase(), c);
  }

  /** The column by its canonical name or, when the source lacks it, by an older name. */
  get(name: string): ColumnInfo | undefined {
    const found = this.byLower.get(name.toLowerCase());
    if (found) return found;
    for (const alias of this.aliases[name] ?? []) {
      const old = this.byLower.get(alias.toLowerCase());
      if (old) return old;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  missing(columns: readonly string[]): string | undefined {
    return columns.find((c) => !this.has(c));
  }

  /** Throws the one-line error a user can act on: which column, why it is needed, how to get it. */
  require(mapping: SourceMapping, fields: readonly Field[], purpose: string): void {
    for (const f of fields) {
      const col = this.missing(mapping.fields[f].columns);
      if (col !== undefined) throw missingColumn(this.where, mapping, col, purpose);
    }
  }
}

export function missingColumn(where: string, mapping: SourceMapping, column: string, purpose: string): UserError {
  return new UserError(`${where}: ${mapping.label} column ${column} is missing (needed for ${purpose}); ${mapping.howToAdd(column)}`);
}
