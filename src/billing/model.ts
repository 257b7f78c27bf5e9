import { NO_VALUE, UNTAGGED } from '../group-labels.js';

/**
 * The internal billing model: what every source (CUR 2.0, FOCUS 1.x, Cost Explorer) is mapped to,
 * so spend reports and billed rates are written once. Costs are USD.
 */
export const PRICING_MODELS = ['on-demand', 'spot', 'reserved', 'savings-plan', 'other'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

export type FileSourceKind = 'cur' | 'focus';
export type SourceKind = FileSourceKind | 'cost-explorer';

/** Canonical fields a query can ask of a billing file; each source maps them to its own columns. */
export const FIELDS = [
  'chargeStart',
  'account',
  'service',
  'region',
  'resourceId',
  'usageType',
  'instanceType',
  'pricingModel',
  'billedCost',
  'effectiveCost',
  'listCost',
  'instanceHours',
] as const;
export type Field = (typeof FIELDS)[number];

/** The `--by` dimensions of `mlcost spend`. `team` is a tag; the rest are fields. */
export const DIMENSIONS = ['service', 'team', 'account', 'region', 'instance-type', 'resource'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** How a group with no value for a dimension is named: an untagged team, a line item without a region. */
export function keyLabel(dimension: Dimension, value: string | null | undefined): string {
  return value ?? (dimension === 'team' ? UNTAGGED : NO_VALUE);
}

export const DIMENSION_FIELD: Record<Exclude<Dimension, 'team'>, Field> = {
  service: 'service',
  account: 'account',
  region: 'region',
  'instance-type': 'instanceType',
  resource: 'resourceId',
};

/** One day of spend for one combination of the requested dimensions. */
export interface DailySpend {
  /** UTC date, YYYY-MM-DD. */
  day: string;
  /** Dimension values in `--by` order; null when the line item has none (untagged, no region). */
  keys: (string | null)[];
  billed: number;
  effective: number;
  /** Public on-demand cost; null when the source has none (Cost Explorer). */
  list: number | null;
}

/** Instance usage in a window: the rows billed rates and the GPU line are computed from. */
export interface InstanceUsage {
  resourceId: string | null;
  instanceType: string;
  region: string | null;
  pricingModel: PricingModel;
  hours: number;
  billed: number;
  effective: number;
}

export function isPricingModel(v: unknown): v is PricingModel {
  return typeof v === 'string' && (PRICING_MODELS as readonly string[]).includes(v);
}
