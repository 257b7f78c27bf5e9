import { UserError } from '../errors.js';
import { ident, literal, timestampLiteral, type Dialect } from './dialect.js';
import type { SourceMapping, SqlContext } from './mapping/types.js';
import { DIMENSION_FIELD, type Dimension, type Field } from './model.js';
import { missingColumn, type SourceSchema } from './source-schema.js';

/**
 * The billing queries, written once for DuckDB and Athena. An inner projection maps the source's
 * columns to canonical names; the outer query aggregates. Only columns a query needs are read,
 * so a CUR without resource ids still answers `--by service`.
 */
export interface QueryTarget {
  /** A table reference: a DuckDB view name or Athena's `"database"."table"`. */
  table: string;
  dialect: Dialect;
  schema: SourceSchema;
  mapping: SourceMapping;
}

export interface SpendQueryOptions {
  by: readonly Dimension[];
  /** Tag keys that name a team, first non-empty wins (`--tag-key` or the config's teamTags). */
  teamKeys: readonly string[];
  /** Lower bound on the charge period, to let Athena prune partitions. */
  since?: Date;
}

/** Daily spend per combination of the `--by` dimensions: columns day, k0…kN, billed, effective, list. */
export function spendQuery(t: QueryTarget, o: SpendQueryOptions): string {
  const needed: Field[] = ['chargeStart', 'billedCost', 'effectiveCost', 'listCost'];
  for (const d of o.by) if (d !== 'team') needed.push(DIMENSION_FIELD[d]);
  t.schema.require(t.mapping, needed, `spend${o.by.length ? ` --by ${o.by.join(',')}` : ''}`);
  const ctx = context(t);
  const keys = o.by.map((d, i) => `${d === 'team' ? teamExpr(t, ctx, o.teamKeys) : t.mapping.fields[DIMENSION_FIELD[d]].sql(ctx)} AS k${i}`);
  const inner = [
    `${t.mapping.fields.chargeStart.sql(ctx)} AS charge_start`,
    ...keys,
    `${t.mapping.fields.billedCost.sql(ctx)} AS billed_cost`,
    `${t.mapping.fields.effectiveCost.sql(ctx)} AS effective_cost`,
    `${t.mapping.fields.listCost.sql(ctx)} AS list_cost`,
  ];
  const keyCols = o.by.map((_, i) => `k${i}`);
  return [
    `SELECT CAST(CAST(charge_start AS DATE) AS VARCHAR) AS day${keyCols.map((k) => `, ${k}`).join('')},`,
    `  SUM(billed_cost) AS billed, SUM(effective_cost) AS effective, SUM(list_cost) AS list`,
    `FROM (`,
    `  SELECT ${inner.join(',\n    ')}`,
    `  FROM ${t.table}`,
    `) AS line_items`,
    ...(o.since ? [`WHERE charge_start >= ${timestampLiteral(o.since)}`] : []),
    `GROUP BY ${['1', ...keyCols.map((_, i) => String(i + 2))].join(', ')}`,
    `ORDER BY 1`,
  ].join('\n');
}

export interface InstanceUsageQueryOptions {
  from?: Date;
  to?: Date;
  /** Only accelerated families (g*, p*, trn*, inf*, dl*, and their SageMaker ml.* forms). */
  acceleratedOnly?: boolean;
}

/** Instance-hours and cost per resource, type, region and pricing model: for billed rates and the GPU line. */
export function instanceUsageQuery(t: QueryTarget, o: InstanceUsageQueryOptions = {}): string {
  t.schema.require(t.mapping, ['chargeStart', 'instanceType', 'region', 'pricingModel', 'instanceHours', 'billedCost', 'effectiveCost'], 'instance-hours');
  const ctx = context(t);
  const f = t.mapping.fields;
  // Without INCLUDE_RESOURCES there are no resource ids: usage is still counted, per type and region.
  const resource = t.schema.missing(f.resourceId.columns) === undefined ? f.resourceId.sql(ctx) : 'CAST(NULL AS VARCHAR)';
  const where = ['instance_hours > 0', 'instance_type IS NOT NULL'];
  if (o.from) where.push(`charge_start >= ${timestampLiteral(o.from)}`);
  if (o.to) where.push(`charge_start < ${timestampLiteral(o.to)}`);
  if (o.acceleratedOnly) where.push(`(${ACCELERATED_PREFIXES.map((p) => `instance_type LIKE ${literal(`${p}%`)}`).join(' OR ')})`);
  return [
    `SELECT resource_id, instance_type, region, pricing_model,`,
    `  SUM(instance_hours) AS hours, SUM(billed_cost) AS billed, SUM(effective_cost) AS effective`,
    `FROM (`,
    `  SELECT ${[
      `${f.chargeStart.sql(ctx)} AS charge_start`,
      `${resource} AS resource_id`,
      `${f.instanceType.sql(ctx)} AS instance_type`,
      `${f.region.sql(ctx)} AS region`,
      `${f.pricingModel.sql(ctx)} AS pricing_model`,
      `${f.instanceHours.sql(ctx)} AS instance_hours`,
      `${f.billedCost.sql(ctx)} AS billed_cost`,
      `${f.effectiveCost.sql(ctx)} AS effective_cost`,
    ].join(',\n    ')}`,
    `  FROM ${t.table}`,
    `) AS line_items`,
    `WHERE ${where.join(' AND ')}`,
    `GROUP BY 1, 2, 3, 4`,
    `ORDER BY 1, 2, 3, 4`,
  ].join('\n');
}

const ACCELERATED_PREFIXES = ['g', 'p', 'trn', 'inf', 'dl', 'ml.g', 'ml.p', 'ml.trn', 'ml.inf'];

/** AWS tag keys: letters, digits, spaces and `_ . : / = + - @`. Anything else cannot be a tag and is refused before it reaches SQL. */
const TAG_KEY = /^[\p{L}\p{N} _.:/=+\-@]{1,128}$/u;

function teamExpr(t: QueryTarget, ctx: SqlContext, plainKeys: readonly string[]): string {
  for (const k of plainKeys) if (!TAG_KEY.test(k)) throw new UserError(`tag key ${JSON.stringify(k)} is not a valid AWS tag key`);
  const candidates = plainKeys.flatMap((k) => t.mapping.tagKeys(k));
  const tagCol = t.schema.get(t.mapping.tagColumn);
  if (tagCol) {
    const isMap = /^map[(<]/i.test(tagCol.type);
    const col = ident(tagCol.name);
    const gets = candidates.map((k) => `NULLIF(${isMap ? t.dialect.mapGet(col, k) : t.dialect.jsonGet(col, k)}, '')`);
    return gets.length === 1 ? (gets[0] ?? 'NULL') : `COALESCE(${gets.join(', ')})`;
  }
  const flat = plainKeys.flatMap((k) => t.mapping.flatTagColumns(k)).filter((c) => t.schema.has(c));
  if (flat.length > 0) return `COALESCE(${flat.map((c) => `NULLIF(${ctx.col(c)}, '')`).join(', ')})`;
  throw missingColumn(t.schema.where, t.mapping, t.mapping.tagColumn, '--by team');
}

function context(t: QueryTarget): SqlContext {
  return {
    dialect: t.dialect,
    // Callers have checked the columns exist; a column not in the schema keeps its canonical spelling.
    col: (name) => ident(t.schema.get(name)?.name ?? name),
  };
}
