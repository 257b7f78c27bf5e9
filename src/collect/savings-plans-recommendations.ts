import {
  GetSavingsPlansPurchaseRecommendationCommand,
  type LookbackPeriodInDays,
  type SupportedSavingsPlansType,
  type TermInYears,
} from '@aws-sdk/client-cost-explorer';
import { z } from 'zod';
import type { SavingsPlansRecommendation } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, warnFailure, type RegionContext } from './context.js';
import { shapeError } from './invalid-response.js';

/** Cost Explorer is account-wide, served from us-east-1. */
export const COST_EXPLORER_REGION = 'us-east-1';

/** The recommendations fetched, one call each: every plan type mlcost plans for, both terms, no upfront (as the plan's options). */
const ASKED: readonly { type: SupportedSavingsPlansType; term: TermInYears }[] = (['COMPUTE_SP', 'EC2_INSTANCE_SP', 'SAGEMAKER_SP'] as const).flatMap((type) =>
  (['ONE_YEAR', 'THREE_YEARS'] as const).map((term) => ({ type, term })),
);
const PAYMENT = 'NO_UPFRONT';

/** Cost Explorer looks back 7, 30 or 60 days: the one nearest the audit's lookback (ties: the longer). */
export function lookbackPeriodFor(days: number): LookbackPeriodInDays & SavingsPlansRecommendation['lookbackPeriodInDays'] {
  const periods = [
    [60, 'SIXTY_DAYS'],
    [30, 'THIRTY_DAYS'],
    [7, 'SEVEN_DAYS'],
  ] as const;
  let best: (typeof periods)[number] = periods[0];
  for (const p of periods) if (Math.abs(p[0] - days) < Math.abs(best[0] - days)) best = p;
  return best[1];
}

/**
 * Cost Explorer's own Savings Plans purchase recommendations, shown beside the plan mlcost sizes net
 * of the findings. Each call costs $0.01 (counted in the run's API charge). Denied, not enabled or
 * DataUnavailable: a warning, never a failed run.
 */
export const savingsPlansRecommendationsCollector = defineCollector({
  id: 'savings-plans-recommendations',
  service: 'ce',
  scope: 'account',
  iamActions: ['ce:GetSavingsPlansPurchaseRecommendation'],
  step: 'savings plans',
  what: 'Cost Explorer Savings Plans recommendations',
  collect: (ctx) => collectRecommendations(ctx),
  toSnapshot: (savingsPlansRecommendations) => ({ resources: { savingsPlansRecommendations } }),
  count: (list) => list.length,
});

const amount = z
  .string()
  .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, 'not a decimal amount')
  .transform(Number);
const ApiRecommendation = z.object({
  SavingsPlansPurchaseRecommendation: z
    .object({
      SavingsPlansPurchaseRecommendationDetails: z
        .array(
          z.object({
            SavingsPlansDetails: z.object({ Region: z.string().optional(), InstanceFamily: z.string().optional() }).optional(),
            HourlyCommitmentToPurchase: amount.optional(),
            EstimatedMonthlySavingsAmount: amount.optional(),
            CurrentAverageHourlyOnDemandSpend: amount.optional(),
          }),
        )
        .optional(),
      SavingsPlansPurchaseRecommendationSummary: z
        .object({
          CurrencyCode: z.string().optional(),
          HourlyCommitmentToPurchase: amount.optional(),
          EstimatedMonthlySavingsAmount: amount.optional(),
          EstimatedSavingsPercentage: amount.optional(),
          CurrentOnDemandSpend: amount.optional(),
        })
        .optional(),
    })
    .optional(),
  Metadata: z.object({ GenerationTimestamp: z.string().optional() }).optional(),
});

type Ctx = Pick<RegionContext, 'session' | 'account' | 'warnings' | 'window'>;

export async function collectRecommendations(ctx: Ctx): Promise<SavingsPlansRecommendation[]> {
  const here = { ...ctx, region: COST_EXPLORER_REGION };
  const client = clientFor(here, 'ce');
  const lookback = lookbackPeriodFor(ctx.window.days);
  const out: SavingsPlansRecommendation[] = [];
  for (const { type, term } of ASKED) {
    try {
      const raw = await client.send(
        new GetSavingsPlansPurchaseRecommendationCommand({ SavingsPlansType: type, TermInYears: term, PaymentOption: PAYMENT, LookbackPeriodInDays: lookback }),
      );
      out.push(toRecommendation(raw, ctx.account.accountId, type, term, lookback));
    } catch (err) {
      const failure = warnFailure(
        { account: ctx.account, warnings: ctx.warnings },
        'ce',
        `Cost Explorer's ${type} ${term} Savings Plans recommendation (${COST_EXPLORER_REGION})`,
        err,
        'the commitment plan is shown without it',
      );
      // Denied, not offered or unreachable holds for every call: one warning, not six. DataUnavailable is per plan type.
      if (failure.kind !== 'error' && failure.kind !== 'throttled') break;
    }
  }
  return out;
}

function toRecommendation(
  raw: unknown,
  accountId: string,
  type: SupportedSavingsPlansType,
  term: TermInYears,
  lookback: SavingsPlansRecommendation['lookbackPeriodInDays'],
): SavingsPlansRecommendation {
  const parsed = ApiRecommendation.safeParse(raw);
  if (!parsed.success) throw shapeError('GetSavingsPlansPurchaseRecommendation', parsed.error);
  const rec = parsed.data.SavingsPlansPurchaseRecommendation;
  const summary = rec?.SavingsPlansPurchaseRecommendationSummary;
  if (summary?.CurrencyCode !== undefined && summary.CurrencyCode !== 'USD')
    throw Object.assign(new Error(`Cost Explorer answered in ${summary.CurrencyCode}; mlcost compares USD only`), { name: 'InvalidResponse' });
  const out: SavingsPlansRecommendation = {
    accountId,
    savingsPlansType: type as SavingsPlansRecommendation['savingsPlansType'],
    termInYears: term,
    paymentOption: PAYMENT,
    lookbackPeriodInDays: lookback,
    // No summary: Cost Explorer found nothing to recommend for this type and term.
    hourlyCommitment: summary?.HourlyCommitmentToPurchase ?? 0,
    estimatedMonthlySavings: summary?.EstimatedMonthlySavingsAmount ?? 0,
    details: (rec?.SavingsPlansPurchaseRecommendationDetails ?? []).map((d) => ({
      ...(d.SavingsPlansDetails?.Region ? { region: d.SavingsPlansDetails.Region } : {}),
      ...(d.SavingsPlansDetails?.InstanceFamily ? { instanceFamily: d.SavingsPlansDetails.InstanceFamily } : {}),
      hourlyCommitment: d.HourlyCommitmentToPurchase ?? 0,
      estimatedMonthlySavings: d.EstimatedMonthlySavingsAmount ?? 0,
      ...(d.CurrentAverageHourlyOnDemandSpend !== undefined ? { currentAverageHourlyOnDemandSpend: d.CurrentAverageHourlyOnDemandSpend } : {}),
    })),
  };
  if (summary?.EstimatedSavingsPercentage !== undefined) out.estimatedSavingsPercentage = summary.EstimatedSavingsPercentage;
  if (summary?.CurrentOnDemandSpend !== undefined) out.currentOnDemandSpend = summary.CurrentOnDemandSpend;
  const generated = parsed.data.Metadata?.GenerationTimestamp;
  if (generated !== undefined) out.generatedAt = generated;
  return out;
}
