import type { Dialect } from '../dialect.js';
import type { Field, FileSourceKind } from '../model.js';

/** How a field's SQL refers to source columns: by canonical name, resolved to the file's spelling. */
export interface SqlContext {
  dialect: Dialect;
  col: (name: string) => string;
}

export interface FieldMapping {
  /** Source columns the expression reads; all must exist for the field to be usable. */
  columns: readonly string[];
  sql(ctx: SqlContext): string;
}

/** How one file format (a CUR 2.0 or FOCUS export) answers the canonical fields. */
export interface SourceMapping {
  kind: FileSourceKind;
  label: string;
  fields: Record<Field, FieldMapping>;
  /**
   * Other names a column goes by in older versions of the export, tried in order when the
   * canonical name is absent (FOCUS_1_0_AWS's `x_UsageType` is FOCUS 1.2's `SkuMeter`).
   */
  columnAliases?: Readonly<Record<string, readonly string[]>>;
  /** The column holding tags as a map (or a JSON object in CSV). */
  tagColumn: string;
  /** Keys under which a user tag `plain` may appear in that column, most specific first. */
  tagKeys(plain: string): string[];
  /** Legacy flattened tag columns (CUR 1 style `resource_tags_user_team`), tried when the map is absent. */
  flatTagColumns(plain: string): string[];
  /** What to change in the export so that `column` appears: one sentence for the error message. */
  howToAdd(column: string): string;
}

/**
 * Usage types that bill instance-hours, with the instance type after the colon:
 * `USE1-BoxUsage:g5.xlarge`, `SpotUsage:p4d.24xlarge`, `USW2-DedicatedUsage:p5.48xlarge`,
 * SageMaker `USE1-Host:ml.g5.2xlarge`, `Notebk:ml.t3.medium`, `Train:ml.p4d.24xlarge`.
 * An `EBSOptimized:` or `DataTransfer` usage type never matches, so it never counts as an hour.
 */
export const INSTANCE_USAGE_RE =
  '^(?:[A-Z]{2,4}[0-9]?-)?(?:BoxUsage|SpotUsage|DedicatedUsage|HostBoxUsage|SchedUsage|Host|Notebk|Train|Processing|Transform|Studio[A-Za-z]*):((?:ml\\.)?[a-z][a-z0-9-]*\\.[a-z0-9]+)$';

/** The instance type encoded in a usage type, NULL when the usage type does not bill instance-hours. */
export function instanceTypeFromUsage(usageTypeSql: string): string {
  // DuckDB's regexp_extract returns '' on no match, Trino's NULL: NULLIF makes both NULL.
  return `NULLIF(regexp_extract(${usageTypeSql}, '${INSTANCE_USAGE_RE}', 1), '')`;
}

export function num(sql: string): string {
  return `CAST(${sql} AS DOUBLE)`;
}
