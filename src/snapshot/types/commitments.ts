import { z } from 'zod';
import { isoDate } from '../metric-schema.js';

export const ReservedInstanceSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  instanceType: z.string(),
  instanceCount: z.number().int().positive(),
  availabilityZone: z.string().optional(),
  scope: z.enum(['Region', 'Availability Zone']),
  start: isoDate,
  end: isoDate,
  state: z.string(),
  offeringClass: z.string().optional(),
  offeringType: z.string().optional(),
  productDescription: z.string().optional(),
});

export const SavingsPlanSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  type: z.enum(['Compute', 'EC2Instance', 'SageMaker', 'Database']),
  commitmentPerHour: z.number().nonnegative(),
  region: z.string().optional(),
  instanceFamily: z.string().optional(),
  start: isoDate,
  end: isoDate,
  state: z.string(),
});

/**
 * Cost Explorer's Savings Plans purchase recommendation for one plan type and term (GetSavingsPlansPurchaseRecommendation),
 * amounts in USD as its summary gives them; 0 commitment when it recommends nothing.
 */
export const SavingsPlansRecommendationSchema = z.object({
  accountId: z.string(),
  savingsPlansType: z.enum(['COMPUTE_SP', 'EC2_INSTANCE_SP', 'SAGEMAKER_SP']),
  termInYears: z.enum(['ONE_YEAR', 'THREE_YEARS']),
  paymentOption: z.string(),
  lookbackPeriodInDays: z.enum(['SEVEN_DAYS', 'THIRTY_DAYS', 'SIXTY_DAYS']),
  generatedAt: z.string().optional(),
  hourlyCommitment: z.number().nonnegative(),
  estimatedMonthlySavings: z.number(),
  estimatedSavingsPercentage: z.number().optional(),
  /** On-demand spend over the lookback that Cost Explorer sized on, USD. */
  currentOnDemandSpend: z.number().optional(),
  details: z
    .array(
      z.object({
        region: z.string().optional(),
        instanceFamily: z.string().optional(),
        hourlyCommitment: z.number(),
        estimatedMonthlySavings: z.number(),
        currentAverageHourlyOnDemandSpend: z.number().optional(),
      }),
    )
    .default([]),
});
