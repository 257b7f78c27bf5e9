import { json, type LoopbackAnswer, type LoopbackRequest } from './loopback-aws.js';

/**
 * GetSavingsPlansPurchaseRecommendation as AWS answers it (Cost Explorer API reference:
 * SavingsPlansPurchaseRecommendation, SavingsPlansPurchaseRecommendationDetail,
 * SavingsPlansPurchaseRecommendationSummary; awsJson 1.1, every amount a decimal string).
 * moto_server 5.2.1 has no such operation, so tests serve it from a loopback endpoint.
 */
export interface RecommendationShape {
  hourly: string;
  monthlySavings: string;
  savingsPct: string;
  onDemandSpend: string;
  details: { region?: string; family?: string; hourly: string; monthlySavings: string; averageOnDemand: string }[];
}

export const COST_EXPLORER_TARGET = 'AWSInsightsIndexService.GetSavingsPlansPurchaseRecommendation';
const JSON_11 = 'application/x-amz-json-1.1';

/** The answer to one request: the recommendation `shapes` holds for its plan type and term, or an empty one (nothing to recommend). */
export function savingsPlansRecommendation(req: LoopbackRequest, shapes: Readonly<Record<string, RecommendationShape>>): LoopbackAnswer {
  const type = String(req.body['SavingsPlansType']);
  const term = String(req.body['TermInYears']);
  const payment = String(req.body['PaymentOption']);
  const lookback = String(req.body['LookbackPeriodInDays']);
  const shape = shapes[`${type}/${term}`];
  const head = { AccountScope: 'PAYER', SavingsPlansType: type, TermInYears: term, PaymentOption: payment, LookbackPeriodInDays: lookback };
  const metadata = { RecommendationId: `rec-${type}-${term}`, GenerationTimestamp: '2026-11-19T06:00:00Z', AdditionalMetadata: '' };
  if (!shape)
    return json(
      200,
      { Metadata: metadata, SavingsPlansPurchaseRecommendation: { ...head, SavingsPlansPurchaseRecommendationDetails: [] } },
      undefined,
      JSON_11,
    );
  return json(
    200,
    {
      Metadata: metadata,
      SavingsPlansPurchaseRecommendation: {
        ...head,
        SavingsPlansPurchaseRecommendationDetails: shape.details.map((d, i) => ({
          SavingsPlansDetails: { ...(d.region ? { Region: d.region } : {}), ...(d.family ? { InstanceFamily: d.family } : {}), OfferingId: `offering-${i}` },
          AccountId: '123456789012',
          UpfrontCost: '0',
          EstimatedROI: '42.0',
          CurrencyCode: 'USD',
          EstimatedSPCost: '100.0',
          EstimatedOnDemandCost: '142.0',
          EstimatedOnDemandCostWithCurrentCommitment: '142.0',
          EstimatedSavingsAmount: '42.0',
          EstimatedSavingsPercentage: '29.6',
          HourlyCommitmentToPurchase: d.hourly,
          EstimatedAverageUtilization: '100.0',
          EstimatedMonthlySavingsAmount: d.monthlySavings,
          CurrentMinimumHourlyOnDemandSpend: d.averageOnDemand,
          CurrentMaximumHourlyOnDemandSpend: d.averageOnDemand,
          CurrentAverageHourlyOnDemandSpend: d.averageOnDemand,
          RecommendationDetailId: `detail-${i}`,
        })),
        SavingsPlansPurchaseRecommendationSummary: {
          EstimatedROI: '42.0',
          CurrencyCode: 'USD',
          EstimatedTotalCost: '100.0',
          CurrentOnDemandSpend: shape.onDemandSpend,
          EstimatedSavingsAmount: '42.0',
          TotalRecommendationCount: String(shape.details.length),
          DailyCommitmentToPurchase: String(Number(shape.hourly) * 24),
          HourlyCommitmentToPurchase: shape.hourly,
          EstimatedSavingsPercentage: shape.savingsPct,
          EstimatedMonthlySavingsAmount: shape.monthlySavings,
          EstimatedOnDemandCostWithCurrentCommitment: shape.onDemandSpend,
        },
      },
    },
    undefined,
    JSON_11,
  );
}
