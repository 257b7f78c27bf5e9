import { ident } from './dialect.js';
import type { SqlContext } from './mapping/types.js';
import type { QueryTarget } from './sql.js';

/**
 * Where a billing file says a capacity reservation sat empty, per format (checked 2026-12 against):
 *
 * - FOCUS 1.1+ (FOCUS_Spec columns/capacityreservationstatus.md): `CapacityReservationId` and
 *   `CapacityReservationStatus` ∈ Used | Unused; "Unused" marks the charge for the unused portion.
 *   FOCUS 1.0 has neither column, so a FOCUS 1.0 file cannot tell.
 * - CUR 2.0 with INCLUDE CAPACITY RESERVATION DATA (docs.aws.amazon.com/cur/latest/userguide/
 *   table-dictionary-cur2-capacity-reservation): `capacity_reservation_capacity_reservation_arn`,
 *   `capacity_reservation_capacity_reservation_status` ∈ Reserved | Cancelled | Used | Unused,
 *   `capacity_reservation_capacity_reservation_type` (ODCR or EC2 Capacity Blocks for ML).
 * - CUR 2.0 without it (…/userguide/monitor-ondemand-reservations): unused slots bill under the
 *   usage types `<region>-UnusedBox:<type>` (shared tenancy) and `UnusedDed` (dedicated), used ones
 *   under `Reservation` and `DedicatedRes`, and for those four only `line_item_resource_id` is the
 *   reservation's ARN (`arn:aws:ec2:<region>:<account>:capacity-reservation/cr-…`). Without resource
 *   ids (INCLUDE_RESOURCES) the file cannot say which reservation.
 */
interface CapacityColumns {
  /** SQL for the reservation id or ARN, NULL when the line is not a reservation's. */
  reservationId(ctx: SqlContext): string;
  /** SQL that is true for the lines that bill empty slots. */
  unused(ctx: SqlContext): string;
  /** Columns these expressions read. */
  columns: readonly string[];
  /** Usage quantity (instance-hours) column. */
  quantity: string;
  periodStart: string;
  periodEnd: string;
}

const CR_USAGE = '^(?:[A-Z]{2,4}[0-9]?-)?(UnusedBox|UnusedDed|Reservation|DedicatedRes):';

const FOCUS_CAPACITY: CapacityColumns = {
  reservationId: (c) => `NULLIF(${c.col('CapacityReservationId')}, '')`,
  unused: (c) => `${c.col('CapacityReservationStatus')} = 'Unused'`,
  columns: ['CapacityReservationId', 'CapacityReservationStatus'],
  quantity: 'ConsumedQuantity',
  periodStart: 'ChargePeriodStart',
  periodEnd: 'ChargePeriodEnd',
};

const CUR_CAPACITY_COLUMNS: CapacityColumns = {
  reservationId: (c) => `NULLIF(${c.col('capacity_reservation_capacity_reservation_arn')}, '')`,
  unused: (c) => `${c.col('capacity_reservation_capacity_reservation_status')} = 'Unused'`,
  columns: ['capacity_reservation_capacity_reservation_arn', 'capacity_reservation_capacity_reservation_status'],
  quantity: 'line_item_usage_amount',
  periodStart: 'line_item_usage_start_date',
  periodEnd: 'line_item_usage_end_date',
};

const usageKind = (c: SqlContext): string => `NULLIF(regexp_extract(${c.col('line_item_usage_type')}, '${CR_USAGE}', 1), '')`;

const CUR_USAGE_TYPES: CapacityColumns = {
  reservationId: (c) => `CASE WHEN ${usageKind(c)} IS NOT NULL THEN NULLIF(${c.col('line_item_resource_id')}, '') END`,
  unused: (c) => `${usageKind(c)} IN ('UnusedBox', 'UnusedDed')`,
  columns: ['line_item_usage_type', 'line_item_resource_id'],
  quantity: 'line_item_usage_amount',
  periodStart: 'line_item_usage_start_date',
  periodEnd: 'line_item_usage_end_date',
};

export type CapacityQueries = { known: true; perReservation: string; period: string } | { known: false; reason: string };

/** The two queries (unused cost per reservation; the file's period), or why this file cannot tell. */
export function unusedCapacityQueries(t: QueryTarget): CapacityQueries {
  const ctx: SqlContext = { dialect: t.dialect, col: (name) => ident(t.schema.get(name)?.name ?? name) };
  const has = (cols: readonly string[]): boolean => t.schema.missing(cols) === undefined;
  const source =
    t.mapping.kind === 'focus'
      ? FOCUS_CAPACITY
      : has(CUR_CAPACITY_COLUMNS.columns)
        ? CUR_CAPACITY_COLUMNS
        : has(CUR_USAGE_TYPES.columns)
          ? CUR_USAGE_TYPES
          : undefined;
  if (source === undefined || !has(source.columns)) {
    const need =
      t.mapping.kind === 'focus'
        ? 'it has no CapacityReservationStatus column (FOCUS 1.1 or later has it)'
        : 'it has neither capacity_reservation_capacity_reservation_status (INCLUDE CAPACITY RESERVATION DATA) nor line_item_resource_id (INCLUDE_RESOURCES)';
    return { known: false, reason: `${t.schema.where}: cannot tell what empty capacity reservations billed: ${need}` };
  }
  const missing = t.schema.missing([source.periodStart, source.periodEnd]);
  if (missing !== undefined) return { known: false, reason: `${t.schema.where}: cannot tell the billing period: no ${missing} column` };
  const f = t.mapping.fields;
  t.schema.require(t.mapping, ['billedCost', 'effectiveCost'], 'the capacity reservation cross-check');
  const quantity = t.schema.has(source.quantity) ? `COALESCE(CAST(${ctx.col(source.quantity)} AS DOUBLE), 0)` : '0';
  const perReservation = [
    `SELECT reservation_id,`,
    `  SUM(CASE WHEN is_unused THEN billed_cost ELSE 0 END) AS billed,`,
    `  SUM(CASE WHEN is_unused THEN effective_cost ELSE 0 END) AS effective,`,
    `  SUM(CASE WHEN is_unused THEN quantity ELSE 0 END) AS hours`,
    `FROM (`,
    `  SELECT ${[
      `${source.reservationId(ctx)} AS reservation_id`,
      `COALESCE(${source.unused(ctx)}, FALSE) AS is_unused`,
      `${f.billedCost.sql(ctx)} AS billed_cost`,
      `${f.effectiveCost.sql(ctx)} AS effective_cost`,
      `${quantity} AS quantity`,
    ].join(',\n    ')}`,
    `  FROM ${t.table}`,
    `) AS line_items`,
    `WHERE reservation_id IS NOT NULL`,
    `GROUP BY 1`,
    `ORDER BY 1`,
  ].join('\n');
  const period = [
    `SELECT CAST(MIN(CAST(${ctx.col(source.periodStart)} AS TIMESTAMP)) AS VARCHAR) AS period_start,`,
    `  CAST(MAX(CAST(${ctx.col(source.periodEnd)} AS TIMESTAMP)) AS VARCHAR) AS period_end`,
    `FROM ${t.table}`,
  ].join('\n');
  return { known: true, perReservation, period };
}
