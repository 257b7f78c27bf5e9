import { describe, expect, it } from 'vitest';
import { ATHENA, DUCKDB } from '../../src/billing/dialect.js';
import { CUR2 } from '../../src/billing/mapping/cur.js';
import { FOCUS } from '../../src/billing/mapping/focus.js';
import { SourceSchema, type ColumnInfo } from '../../src/billing/source-schema.js';
import { instanceUsageQuery, spendQuery, type QueryTarget } from '../../src/billing/sql.js';
import { UserError } from '../../src/errors.js';

const CUR_COLUMNS = [
  'line_item_usage_start_date',
  'line_item_usage_account_id',
  'line_item_line_item_type',
  'line_item_product_code',
  'line_item_usage_type',
  'line_item_resource_id',
  'line_item_usage_amount',
  'line_item_unblended_cost',
  'product_region_code',
  'product_instance_type',
  'pricing_public_on_demand_cost',
  'reservation_effective_cost',
  'reservation_unused_amortized_upfront_fee_for_billing_period',
  'reservation_unused_recurring_fee',
  'reservation_reservation_a_r_n',
  'savings_plan_savings_plan_effective_cost',
  'savings_plan_total_commitment_to_date',
  'savings_plan_used_commitment',
];
const FOCUS_COLUMNS = [
  'ChargePeriodStart',
  'SubAccountId',
  'ServiceName',
  'RegionId',
  'ResourceId',
  'ChargeCategory',
  'PricingCategory',
  'CommitmentDiscountType',
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ConsumedQuantity',
  'SkuMeter',
];

function cols(names: string[], tags?: ColumnInfo): ColumnInfo[] {
  return [...names.map((name) => ({ name, type: 'VARCHAR' })), ...(tags ? [tags] : [])];
}

function curTarget(dialect = DUCKDB, names = CUR_COLUMNS, tags: ColumnInfo | null = { name: 'resource_tags', type: 'MAP(VARCHAR, VARCHAR)' }): QueryTarget {
  return { table: 'billing_line_items', dialect, schema: new SourceSchema(cols(names, tags ?? undefined), 'cur.parquet'), mapping: CUR2 };
}

describe('spend SQL', () => {
  it('reads a CUR tag map in DuckDB under the user_ prefix, trying each team key in order', () => {
    const sql = spendQuery(curTarget(), { by: ['service', 'team'], teamKeys: ['team', 'Team'] });
    expect(sql).toContain(`COALESCE(NULLIF("resource_tags"['user_team'], ''), NULLIF("resource_tags"['user_Team'], '')) AS k1`);
    expect(sql).toContain('NULLIF("line_item_product_code", \'\') AS k0');
    expect(sql).toContain('GROUP BY 1, 2, 3');
  });

  it('writes the same query for Athena with Trino map access and a partition-pruning bound', () => {
    const duck = spendQuery(curTarget(), { by: ['team'], teamKeys: ['team'] });
    const athena = spendQuery(curTarget(ATHENA), { by: ['team'], teamKeys: ['team'], since: new Date('2026-08-01T00:00:00Z') });
    expect(athena).toContain(`element_at("resource_tags", 'user_team')`);
    expect(athena).toContain(`WHERE charge_start >= TIMESTAMP '2026-08-01 00:00:00'`);
    // Apart from map access and the bound, the text is identical: it is written once.
    const normalise = (s: string): string => s.replace(/element_at\(("resource_tags"), ('[^']+')\)/g, '$1[$2]').replace(/\nWHERE[^\n]*/, '');
    expect(normalise(athena)).toBe(duck);
  });

  it('reads FOCUS Tags stored as JSON text (CSV) under the plain key', () => {
    const t: QueryTarget = {
      table: 't',
      dialect: DUCKDB,
      schema: new SourceSchema(cols(FOCUS_COLUMNS, { name: 'Tags', type: 'VARCHAR' }), 'focus.csv', FOCUS.columnAliases),
      mapping: FOCUS,
    };
    expect(spendQuery(t, { by: ['team'], teamKeys: ['team'] })).toContain(`json_extract_string("Tags", '$."team"')`);
    const athena = { ...t, dialect: ATHENA };
    expect(spendQuery(athena, { by: ['team'], teamKeys: ['team'] })).toContain(`json_extract_scalar("Tags", '$["team"]')`);
  });

  it('uses the file’s own spelling of a column (Athena lowercases FOCUS names)', () => {
    const t: QueryTarget = {
      table: 't',
      dialect: ATHENA,
      schema: new SourceSchema(cols(FOCUS_COLUMNS.map((c) => c.toLowerCase())), 'Athena db.focus', FOCUS.columnAliases),
      mapping: FOCUS,
    };
    expect(spendQuery(t, { by: ['account'], teamKeys: [] })).toContain('CAST("subaccountid" AS VARCHAR) AS k0');
  });

  it('reads the usage type from SkuMeter (FOCUS 1.2) or x_UsageType (FOCUS_1_0_AWS), and names SkuMeter when both are missing', () => {
    const focus = (names: string[]): QueryTarget => ({
      table: 't',
      dialect: DUCKDB,
      schema: new SourceSchema(cols(names), 'focus.parquet', FOCUS.columnAliases),
      mapping: FOCUS,
    });
    expect(spendQuery(focus(FOCUS_COLUMNS), { by: ['instance-type'], teamKeys: [] })).toContain('regexp_extract("SkuMeter"');
    const v10 = FOCUS_COLUMNS.map((c) => (c === 'SkuMeter' ? 'x_UsageType' : c));
    const sql10 = spendQuery(focus(v10), { by: ['instance-type'], teamKeys: [] });
    expect(sql10).toContain('regexp_extract("x_UsageType"');
    expect(sql10).not.toContain('SkuMeter');
    expect(() => spendQuery(focus(FOCUS_COLUMNS.filter((c) => c !== 'SkuMeter')), { by: ['instance-type'], teamKeys: [] })).toThrow(
      'focus.parquet: FOCUS column SkuMeter is missing (needed for spend --by instance-type); select SkuMeter in the FOCUS 1.2 export (FOCUS_1_2_AWS; the older FOCUS_1_0_AWS export has it as x_UsageType)',
    );
  });

  it('names the missing column and the export option that adds it', () => {
    const t = curTarget(
      DUCKDB,
      CUR_COLUMNS.filter((c) => c !== 'line_item_resource_id'),
    );
    expect(() => spendQuery(t, { by: ['resource'], teamKeys: [] })).toThrow(
      'cur.parquet: CUR 2.0 column line_item_resource_id is missing (needed for spend --by resource); turn on "Include resource IDs" (INCLUDE_RESOURCES = TRUE) in the CUR 2.0 export',
    );
    expect(() => spendQuery(curTarget(DUCKDB, CUR_COLUMNS, null), { by: ['team'], teamKeys: ['team'] })).toThrow(
      /column resource_tags is missing \(needed for --by team\)/,
    );
    const noSp = curTarget(
      DUCKDB,
      CUR_COLUMNS.filter((c) => c !== 'savings_plan_used_commitment'),
    );
    expect(() => spendQuery(noSp, { by: [], teamKeys: [] })).toThrow(/savings_plan_used_commitment is missing .*reservation_\* and savings_plan_\* columns/);
  });

  it('falls back to legacy flattened tag columns', () => {
    const t = curTarget(DUCKDB, [...CUR_COLUMNS, 'resource_tags_user_team'], null);
    expect(spendQuery(t, { by: ['team'], teamKeys: ['team'] })).toContain(`COALESCE(NULLIF("resource_tags_user_team", '')) AS k0`);
  });

  it('refuses a tag key that could not be an AWS tag', () => {
    expect(() => spendQuery(curTarget(), { by: ['team'], teamKeys: ["x'); DROP TABLE t; --"] })).toThrow(UserError);
  });
});

describe('instance usage SQL', () => {
  it('counts instance-hours only on usage lines whose usage type bills an instance', () => {
    const sql = instanceUsageQuery(curTarget(), { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z'), acceleratedOnly: true });
    expect(sql).toContain(`"line_item_line_item_type" IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')`);
    expect(sql).toContain('BoxUsage|SpotUsage');
    expect(sql).toContain(`charge_start < TIMESTAMP '2026-11-01 00:00:00'`);
    expect(sql).toContain(`instance_type LIKE 'p%'`);
  });

  it('still works without resource ids', () => {
    const sql = instanceUsageQuery(
      curTarget(
        DUCKDB,
        CUR_COLUMNS.filter((c) => c !== 'line_item_resource_id'),
      ),
    );
    expect(sql).toContain('CAST(NULL AS VARCHAR) AS resource_id');
  });
});
