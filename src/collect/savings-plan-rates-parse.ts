import { z } from 'zod';
import type { SnapshotWarning } from '../snapshot/schema.js';
import type { USAGE_USES } from '../snapshot/types/savings-plan-rate.js';

/**
 * One rate as both Savings Plans rate APIs return it (API reference: SavingsPlanOfferingRate and
 * SavingsPlanRate): a decimal string per unit of a usage type, with the region and instance type
 * among its properties. Fields mlcost does not read are left unchecked.
 */
export const ApiRate = z.object({
  rate: z.string().regex(/^\d+(\.\d+)?$/, 'not a decimal amount'),
  currency: z.string().optional(),
  unit: z.string().optional(),
  productType: z.string().optional(),
  usageType: z.string(),
  operation: z.string().optional(),
  properties: z.array(z.object({ name: z.string().optional(), value: z.string().optional() })).default([]),
});
export type ApiRate = z.infer<typeof ApiRate>;

/** A page of either API: the rates, and the token of the next page. */
export const ApiRatePage = z.object({ searchResults: z.array(z.unknown()).default([]), nextToken: z.string().optional() });

/** An optional region prefix ("USW2-"; us-east-1 EC2 has none), the usage, the instance type. */
const USAGE = /^(?:[A-Z]{2,}\d*-)?([A-Za-z_]+):((?:ml\.)?[a-z][a-z0-9-]*\.[a-z0-9-]+)$/;

/** What an hour is billed as, by the usage type's word: the uses the commitment plan counts, nothing else (Processing, Transform… are dropped). */
const USE_BY_USAGE: Readonly<Record<string, (typeof USAGE_USES)[number]>> = { BoxUsage: 'instance', Host: 'hosting', Notebk: 'notebook', Train: 'training' };

export interface RatedUsage {
  region: string;
  instanceType: string;
  use: (typeof USAGE_USES)[number];
  usd: number;
}

/**
 * The usage a rate prices, when it is one the plan counts: EC2 Linux shared-tenancy instance-hours
 * (BoxUsage, operation RunInstances) or SageMaker hosting, notebook, training and Studio hours.
 */
export function ratedUsage(r: ApiRate): RatedUsage | undefined {
  if (r.unit !== undefined && r.unit !== 'Hrs') return undefined;
  const m = USAGE.exec(r.usageType);
  if (!m) return undefined;
  const word = m[1] ?? '';
  const use = word.startsWith('Studio') ? 'studio' : USE_BY_USAGE[word];
  if (use === undefined) return undefined;
  const prop = (name: string) => r.properties.find((p) => p.name === name)?.value;
  if (use === 'instance') {
    if (r.operation !== 'RunInstances') return undefined;
    const tenancy = prop('tenancy');
    if (tenancy !== undefined && tenancy.toLowerCase() !== 'shared') return undefined;
  }
  const region = prop('region');
  const instanceType = prop('instanceType') ?? m[2];
  if (!region || !instanceType) return undefined;
  return { region, instanceType, use, usd: Number(r.rate) };
}

/** Rates in another currency are dropped (the plan sums USD); one warning says how many. */
export function currencyWarning(api: string, accountId: string, count: number, currency: string): SnapshotWarning {
  return {
    code: 'currency',
    message: `${accountId}: ${api}: ${count} rate(s) in ${currency}, not USD, were not used`,
    accountId,
    service: 'savingsplans',
  };
}
