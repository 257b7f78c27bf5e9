import type { ApiCallCounter } from './counter.js';

/**
 * What the audit's own API calls cost, USD. Describe/List/Get calls on EC2, S3 listing, STS,
 * Organizations, SageMaker and the Pricing API are free; CloudWatch bills GetMetricData per
 * metric requested and its other read APIs per 1,000 requests; S3 bills LIST and GET requests.
 * Sources: CloudWatch and S3 pricing pages as summarised in docs/readme/collect.md.
 */
export const API_PRICES = {
  cloudwatchPerMetricRequested: 0.01 / 1000,
  cloudwatchPerRequest: 0.01 / 1000,
  s3ListPerRequest: 0.005 / 1000,
  s3GetPerRequest: 0.0004 / 1000,
  costExplorerPerRequest: 0.01,
} as const;

export function estimateApiCostUsd(counter: ApiCallCounter): number {
  let usd = counter.metricsRequested * API_PRICES.cloudwatchPerMetricRequested;
  for (const [key, n] of Object.entries(counter.toRecord())) {
    const [service, op = ''] = key.split(':');
    if (service === 'cloudwatch' && op !== 'GetMetricData') usd += n * API_PRICES.cloudwatchPerRequest;
    else if (service === 's3') usd += n * (op.startsWith('List') ? API_PRICES.s3ListPerRequest : API_PRICES.s3GetPerRequest);
    else if (service === 'ce') usd += n * API_PRICES.costExplorerPerRequest;
  }
  return Math.round(usd * 1e6) / 1e6;
}
