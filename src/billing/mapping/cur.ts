import { instanceTypeFromUsage, num, type SourceMapping, type SqlContext } from './types.js';

const LIT = 'line_item_line_item_type';
const USAGE_TYPE = 'line_item_usage_type';

/** Commitment columns the amortised (effective) cost needs; all in the CUR 2.0 table. */
const COMMITMENT_COLUMNS = [
  'reservation_effective_cost',
  'reservation_unused_amortized_upfront_fee_for_billing_period',
  'reservation_unused_recurring_fee',
  'reservation_reservation_a_r_n',
  'savings_plan_savings_plan_effective_cost',
  'savings_plan_total_commitment_to_date',
  'savings_plan_used_commitment',
];

/**
 * Amortised cost, as AWS's CUR query library computes it: commitment-covered usage at its
 * effective rate, unused commitment kept, upfront fees and SP negations dropped (they are
 * spread over the usage lines instead), everything else at its unblended cost.
 */
function amortised({ col }: SqlContext): string {
  const z = (c: string): string => `COALESCE(${num(col(c))}, 0)`;
  return `CASE ${col(LIT)}
    WHEN 'SavingsPlanCoveredUsage' THEN ${z('savings_plan_savings_plan_effective_cost')}
    WHEN 'SavingsPlanRecurringFee' THEN ${z('savings_plan_total_commitment_to_date')} - ${z('savings_plan_used_commitment')}
    WHEN 'SavingsPlanNegation' THEN 0
    WHEN 'SavingsPlanUpfrontFee' THEN 0
    WHEN 'DiscountedUsage' THEN ${z('reservation_effective_cost')}
    WHEN 'RIFee' THEN ${z('reservation_unused_amortized_upfront_fee_for_billing_period')} + ${z('reservation_unused_recurring_fee')}
    ELSE CASE WHEN ${col(LIT)} = 'Fee' AND COALESCE(${col('reservation_reservation_a_r_n')}, '') <> '' THEN 0 ELSE ${z('line_item_unblended_cost')} END
  END`;
}

const USAGE_LINE = (c: SqlContext): string => `${c.col(LIT)} IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')`;

/** AWS Data Exports CUR 2.0 (table COST_AND_USAGE_REPORT); column names per the CUR 2.0 dictionary. */
export const CUR2: SourceMapping = {
  kind: 'cur',
  label: 'CUR 2.0',
  fields: {
    chargeStart: { columns: ['line_item_usage_start_date'], sql: (c) => `CAST(${c.col('line_item_usage_start_date')} AS TIMESTAMP)` },
    account: { columns: ['line_item_usage_account_id'], sql: (c) => `CAST(${c.col('line_item_usage_account_id')} AS VARCHAR)` },
    service: { columns: ['line_item_product_code'], sql: (c) => `NULLIF(${c.col('line_item_product_code')}, '')` },
    region: { columns: ['product_region_code'], sql: (c) => `NULLIF(${c.col('product_region_code')}, '')` },
    resourceId: { columns: ['line_item_resource_id'], sql: (c) => `NULLIF(${c.col('line_item_resource_id')}, '')` },
    usageType: { columns: [USAGE_TYPE], sql: (c) => c.col(USAGE_TYPE) },
    instanceType: {
      columns: ['product_instance_type', USAGE_TYPE],
      sql: (c) => `COALESCE(NULLIF(${c.col('product_instance_type')}, ''), ${instanceTypeFromUsage(c.col(USAGE_TYPE))})`,
    },
    pricingModel: {
      // pricing_term values are not documented for CUR 2.0; the line item type and usage type are.
      columns: [LIT, USAGE_TYPE],
      sql: (c) => `CASE
        WHEN ${c.col(LIT)} = 'SavingsPlanCoveredUsage' THEN 'savings-plan'
        WHEN ${c.col(LIT)} = 'DiscountedUsage' THEN 'reserved'
        WHEN ${c.col(LIT)} = 'Usage' AND ${c.col(USAGE_TYPE)} LIKE '%SpotUsage%' THEN 'spot'
        WHEN ${c.col(LIT)} = 'Usage' THEN 'on-demand'
        ELSE 'other' END`,
    },
    billedCost: {
      // A covered line and its negation cancel on the invoice; counting both as 0 keeps the total
      // and, like FOCUS BilledCost, bills covered usage at 0 rather than at its on-demand cost.
      columns: [LIT, 'line_item_unblended_cost'],
      sql: (c) =>
        `CASE WHEN ${c.col(LIT)} IN ('SavingsPlanCoveredUsage', 'SavingsPlanNegation') THEN 0 ELSE COALESCE(${num(c.col('line_item_unblended_cost'))}, 0) END`,
    },
    effectiveCost: { columns: [LIT, 'line_item_unblended_cost', ...COMMITMENT_COLUMNS], sql: amortised },
    listCost: { columns: ['pricing_public_on_demand_cost'], sql: (c) => `COALESCE(${num(c.col('pricing_public_on_demand_cost'))}, 0)` },
    instanceHours: {
      columns: [LIT, USAGE_TYPE, 'line_item_usage_amount'],
      sql: (c) =>
        `CASE WHEN ${USAGE_LINE(c)} AND ${instanceTypeFromUsage(c.col(USAGE_TYPE))} IS NOT NULL THEN COALESCE(${num(c.col('line_item_usage_amount'))}, 0) ELSE 0 END`,
    },
  },
  tagColumn: 'resource_tags',
  // CUR 2.0 stores user-defined cost allocation tags as `user_<key>` (AWS ones as `aws_<key>`), so
  // the plain key is looked up under its prefix only: each extra map lookup costs a full scan's worth.
  tagKeys: (plain) => [`user_${plain}`],
  flatTagColumns: (plain) => [`resource_tags_user_${plain}`],
  howToAdd(column) {
    if (column === 'line_item_resource_id') return 'turn on "Include resource IDs" (INCLUDE_RESOURCES = TRUE) in the CUR 2.0 export';
    if (column === 'resource_tags') return 'select resource_tags in the CUR 2.0 export query and activate the tag as a cost allocation tag';
    if (COMMITMENT_COLUMNS.includes(column))
      return 'select the reservation_* and savings_plan_* columns in the CUR 2.0 export query (needed for amortised cost)';
    return `select ${column} in the CUR 2.0 export query (Data Exports, table COST_AND_USAGE_REPORT)`;
  },
};
