import { json, type LoopbackAnswer, type LoopbackRequest } from './loopback-aws.js';

/**
 * The Savings Plans API as AWS answers it (restJson1, POST /<Operation>; API reference:
 * DescribeSavingsPlans, DescribeSavingsPlansOfferingRates, DescribeSavingsPlanRates). moto_server
 * 5.2.1 has none of it, so tests serve it from a loopback endpoint. Rates are filtered the way the
 * API documents its request fields (plan types, payment options, products, operations, and
 * name/values filters on the rate's properties) and paged with nextToken.
 */
export const ONE_YEAR = 31_536_000;
export const THREE_YEARS = 94_608_000;

/** One rate of the stand-in's table: the usage it prices and, for an offering, the plan it belongs to. */
export interface RateRow {
  planType: 'Compute' | 'EC2Instance' | 'SageMaker';
  durationSeconds: number;
  paymentOption: 'No Upfront' | 'Partial Upfront' | 'All Upfront';
  productType: 'EC2' | 'SageMaker';
  region: string;
  instanceType: string;
  usageType: string;
  operation: string;
  rate: string;
  tenancy?: string;
  currency?: string;
}

/** EC2 Linux shared-tenancy instance-hours (us-east-1 usage types carry no region prefix). */
export function ec2Rate(
  planType: 'Compute' | 'EC2Instance',
  durationSeconds: number,
  region: string,
  instanceType: string,
  rate: string,
  over: Partial<RateRow> = {},
): RateRow {
  const prefix = region === 'us-east-1' ? '' : `${region === 'eu-west-1' ? 'EU' : 'USW2'}-`;
  return {
    planType,
    durationSeconds,
    paymentOption: 'No Upfront',
    productType: 'EC2',
    region,
    instanceType,
    usageType: `${prefix}BoxUsage:${instanceType}`,
    operation: 'RunInstances',
    rate,
    tenancy: 'shared',
    ...over,
  };
}

/** A SageMaker usage: Host (hosting), Notebk, Train, Studio_JupyterLab, Processing… */
export function sagemakerRate(durationSeconds: number, region: string, usage: string, instanceType: string, rate: string): RateRow {
  return {
    planType: 'SageMaker',
    durationSeconds,
    paymentOption: 'No Upfront',
    productType: 'SageMaker',
    region,
    instanceType,
    usageType: `USE1-${usage}:${instanceType}`,
    operation: usage === 'Host' ? 'RunInstance' : `${usage}Instance`,
    rate,
  };
}

const properties = (r: RateRow) => [
  { name: 'region', value: r.region },
  { name: 'instanceType', value: r.instanceType },
  { name: 'instanceFamily', value: r.instanceType.replace(/\.[^.]+$/, '') },
  ...(r.productType === 'EC2' ? [{ name: 'productDescription', value: 'Linux/UNIX' }] : []),
  ...(r.tenancy ? [{ name: 'tenancy', value: r.tenancy }] : []),
];

const usageFields = (r: RateRow) => ({
  rate: r.rate,
  unit: 'Hrs',
  productType: r.productType,
  serviceCode: r.productType === 'EC2' ? 'AmazonEC2' : 'AmazonSageMaker',
  usageType: r.usageType,
  operation: r.operation,
  properties: properties(r),
});

function offeringRate(r: RateRow): Record<string, unknown> {
  return {
    savingsPlanOffering: {
      offeringId: `offering-${r.planType}-${r.durationSeconds}`,
      paymentOption: r.paymentOption,
      planType: r.planType,
      durationSeconds: r.durationSeconds,
      currency: r.currency ?? 'USD',
      planDescription: `${r.durationSeconds === ONE_YEAR ? 1 : 3} year ${r.paymentOption} ${r.planType}`,
    },
    ...usageFields(r),
  };
}

/** Whether a rate passes a request's name/values filters (every filter must match one of its values). */
function passes(r: RateRow, filters: unknown): boolean {
  const list = Array.isArray(filters) ? (filters as { name?: string; values?: string[] }[]) : [];
  const value = (name: string | undefined) =>
    ({ region: r.region, instanceType: r.instanceType, tenancy: r.tenancy, productType: r.productType, usageType: r.usageType, operation: r.operation })[
      name ?? ''
    ] ?? properties(r).find((p) => p.name === name)?.value;
  return list.every((f) => f.values?.includes(value(f.name) ?? '') ?? true);
}

const within = (list: unknown, v: string) => !Array.isArray(list) || list.includes(v);

/** One page of `items` from the offset in nextToken; `pageSize` below the request's maxResults makes paging visible. */
function page(req: LoopbackRequest, items: Record<string, unknown>[], pageSize: number, extra: Record<string, unknown> = {}): LoopbackAnswer {
  const start = Number(req.body['nextToken'] ?? 0);
  const size = Math.min(pageSize, Number(req.body['maxResults'] ?? pageSize));
  const next = start + size < items.length ? { nextToken: String(start + size) } : {};
  return json(200, { ...extra, searchResults: items.slice(start, start + size), ...next });
}

export function describeOfferingRates(req: LoopbackRequest, rows: readonly RateRow[], pageSize = 1000): LoopbackAnswer {
  const b = req.body;
  const hits = rows.filter(
    (r) =>
      within(b['savingsPlanTypes'], r.planType) &&
      within(b['savingsPlanPaymentOptions'], r.paymentOption) &&
      within(b['products'], r.productType) &&
      within(b['operations'], r.operation) &&
      within(b['usageTypes'], r.usageType) &&
      passes(r, b['filters']),
  );
  return page(req, hits.map(offeringRate), pageSize);
}

/** DescribeSavingsPlanRates: the rates of the plan named, filtered and paged as the offering rates are. */
export function describePlanRates(req: LoopbackRequest, byPlan: Readonly<Record<string, readonly RateRow[]>>, pageSize = 1000): LoopbackAnswer {
  const id = String(req.body['savingsPlanId']);
  const rows = byPlan[id];
  if (!rows) return json(400, { message: `Savings Plan ${id} not found` }, 'ValidationException');
  const hits = rows.filter((r) => passes(r, req.body['filters'])).map((r) => ({ ...usageFields(r), currency: r.currency ?? 'USD' }));
  return page(req, hits, pageSize, { savingsPlanId: id });
}

/** DescribeSavingsPlans: the plans given, in one page. */
export function describeSavingsPlans(plans: readonly Record<string, unknown>[]): LoopbackAnswer {
  return json(200, { savingsPlans: plans });
}
