import { z } from 'zod';

/** What the hours are billed as: EC2 instance-hours, or SageMaker hosting, notebook, training and Studio apart (each has its own rate). */
export const USAGE_USES = ['instance', 'hosting', 'notebook', 'training', 'studio'] as const;

/** The Savings Plans types that discount instance-hours mlcost counts (Database plans discount none). */
export const RATED_PLAN_TYPES = ['Compute', 'EC2Instance', 'SageMaker'] as const;

const rateFields = {
  region: z.string().min(1),
  instanceType: z.string().min(1),
  use: z.enum(USAGE_USES),
  /** USD per instance-hour under the plan. */
  usd: z.number().nonnegative(),
  /** The API call it was read with and the day it was read. */
  source: z.string(),
  asOf: z.string(),
};

/** A rate AWS offers today (DescribeSavingsPlansOfferingRates): what a plan bought now would charge for an hour of this usage. */
export const SavingsPlanOfferingRateSchema = z.object({
  planType: z.enum(RATED_PLAN_TYPES),
  termMonths: z.union([z.literal(12), z.literal(36)]),
  payment: z.enum(['no-upfront', 'partial-upfront', 'all-upfront']),
  ...rateFields,
});

/** A rate of a plan already bought (DescribeSavingsPlanRates): what that plan charges for an hour of this usage. */
export const BoughtSavingsPlanRateSchema = z.object({ savingsPlanId: z.string().min(1), ...rateFields });

/** Savings Plans rates read live; absent (empty) in a Snapshot collected with `--prices embedded` or offline. */
export const SavingsPlanRatesSchema = z
  .object({
    offerings: z
      .array(SavingsPlanOfferingRateSchema)
      .default([])
      .describe('Today’s No Upfront rates (DescribeSavingsPlansOfferingRates) of Compute, EC2 Instance and SageMaker plans, USD per instance-hour'),
    bought: z
      .array(BoughtSavingsPlanRateSchema)
      .default([])
      .describe('The rates of the active plans in force (DescribeSavingsPlanRates), USD per instance-hour, by savingsPlanId'),
  })
  .describe(
    'Savings Plans rates read live (--prices live or auto) for the commitment plan; empty offline or with --prices embedded, when Savings Plans options are unpriced',
  );

export type SavingsPlanOfferingRate = z.infer<typeof SavingsPlanOfferingRateSchema>;
export type BoughtSavingsPlanRate = z.infer<typeof BoughtSavingsPlanRateSchema>;
export type SavingsPlanRates = z.infer<typeof SavingsPlanRatesSchema>;
