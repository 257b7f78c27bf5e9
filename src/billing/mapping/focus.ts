import { instanceTypeFromUsage, num, type SourceMapping, type SqlContext } from './types.js';

/** AWS writes its usage type (`USE1-BoxUsage:p4d.24xlarge`) to SkuMeter; FOCUS_1_0_AWS called it x_UsageType. */
const USAGE_TYPE = 'SkuMeter';
const USAGE_LINE = (c: SqlContext): string => `${c.col('ChargeCategory')} = 'Usage'`;

/**
 * FOCUS 1.x as AWS Data Exports writes it: FOCUS_1_2_AWS (the FOCUS columns plus x_Discounts,
 * x_Operation, x_ServiceCode) or the older FOCUS_1_0_AWS. Instance types come from the usage
 * type, in SkuMeter (1.2; AWS's migration guide: "x_UsageType (This is now the SkuMeter
 * column)") or x_UsageType (1.0); FOCUS itself has no instance-type column.
 */
export const FOCUS: SourceMapping = {
  kind: 'focus',
  label: 'FOCUS',
  fields: {
    chargeStart: { columns: ['ChargePeriodStart'], sql: (c) => `CAST(${c.col('ChargePeriodStart')} AS TIMESTAMP)` },
    account: { columns: ['SubAccountId'], sql: (c) => `CAST(${c.col('SubAccountId')} AS VARCHAR)` },
    service: { columns: ['ServiceName'], sql: (c) => `NULLIF(${c.col('ServiceName')}, '')` },
    region: { columns: ['RegionId'], sql: (c) => `NULLIF(${c.col('RegionId')}, '')` },
    resourceId: { columns: ['ResourceId'], sql: (c) => `NULLIF(${c.col('ResourceId')}, '')` },
    usageType: { columns: [USAGE_TYPE], sql: (c) => c.col(USAGE_TYPE) },
    instanceType: { columns: [USAGE_TYPE], sql: (c) => instanceTypeFromUsage(c.col(USAGE_TYPE)) },
    pricingModel: {
      columns: ['ChargeCategory', 'PricingCategory', 'CommitmentDiscountType'],
      sql: (c) => `CASE
        WHEN ${c.col('ChargeCategory')} <> 'Usage' THEN 'other'
        WHEN ${c.col('PricingCategory')} = 'Standard' THEN 'on-demand'
        WHEN ${c.col('PricingCategory')} = 'Dynamic' THEN 'spot'
        WHEN ${c.col('PricingCategory')} = 'Committed' AND lower(COALESCE(${c.col('CommitmentDiscountType')}, '')) LIKE '%savings%' THEN 'savings-plan'
        WHEN ${c.col('PricingCategory')} = 'Committed' THEN 'reserved'
        ELSE 'other' END`,
    },
    billedCost: { columns: ['BilledCost'], sql: (c) => `COALESCE(${num(c.col('BilledCost'))}, 0)` },
    effectiveCost: { columns: ['EffectiveCost'], sql: (c) => `COALESCE(${num(c.col('EffectiveCost'))}, 0)` },
    listCost: { columns: ['ListCost'], sql: (c) => `COALESCE(${num(c.col('ListCost'))}, 0)` },
    instanceHours: {
      columns: ['ChargeCategory', USAGE_TYPE, 'ConsumedQuantity'],
      sql: (c) =>
        `CASE WHEN ${USAGE_LINE(c)} AND ${instanceTypeFromUsage(c.col(USAGE_TYPE))} IS NOT NULL THEN COALESCE(${num(c.col('ConsumedQuantity'))}, 0) ELSE 0 END`,
    },
  },
  columnAliases: { [USAGE_TYPE]: ['x_UsageType'] },
  tagColumn: 'Tags',
  // FOCUS Tags carry the user's key as is.
  tagKeys: (plain) => [plain],
  flatTagColumns: () => [],
  howToAdd(column) {
    if (column === USAGE_TYPE) return `select ${column} in the FOCUS 1.2 export (FOCUS_1_2_AWS; the older FOCUS_1_0_AWS export has it as x_UsageType)`;
    return `select ${column} in the FOCUS export (a FOCUS 1.x column; AWS's FOCUS_1_2_AWS export includes it)`;
  },
};
