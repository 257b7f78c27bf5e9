import { DescribeSavingsPlansOfferingRatesCommand, type DescribeSavingsPlansOfferingRatesRequest } from '@aws-sdk/client-savingsplans';
import { z } from 'zod';
import { familyOf, sizeLadder } from '../catalog/index.js';
import type { SavingsPlan, SavingsPlanOfferingRate, SavingsPlanRates, SnapshotInput } from '../snapshot/schema.js';
import { clientFor, guarded, type Account, type RegionContext } from './context.js';
import { boughtRatesOrWarn } from './savings-plans-bought-rates.js';
import { shapeError } from './invalid-response.js';
import { ApiRate, ApiRatePage, currencyWarning, ratedUsage } from './savings-plan-rates-parse.js';
import { SAVINGS_PLANS_REGION } from './savings-plans.js';
import { chunks, tokenPages } from './paging.js';

const API = 'DescribeSavingsPlansOfferingRates';

/** The API's largest page. */
const PAGE_SIZE = 1000;
/** Instance types per request (one filter's values); a fleet of a few dozen types is one request per pool. */
const TYPES_PER_REQUEST = 100;
/** Terms by the offering's durationSeconds (365 days, 3 x 365 days). */
const TERM_BY_SECONDS = new Map<number, 12 | 36>([
  [31_536_000, 12],
  [94_608_000, 36],
]);

/** The instance types to rate, per pool, and the regions they run in. */
export interface RateNeeds {
  ec2: { regions: Set<string>; types: Set<string> };
  sagemaker: { regions: Set<string>; types: Set<string> };
}

/**
 * What the commitment plan may price: on-demand EC2 instances and every size of their families (a
 * resized box counts at its new size), and the ml.* types of SageMaker endpoints, notebooks,
 * training jobs and Studio apps.
 */
export function rateNeeds(resources: SnapshotInput['resources']): RateNeeds {
  const needs: RateNeeds = { ec2: { regions: new Set(), types: new Set() }, sagemaker: { regions: new Set(), types: new Set() } };
  const add = (pool: keyof RateNeeds, region: string, type: string | undefined) => {
    if (type === undefined || type === 'system') return;
    needs[pool].regions.add(region);
    needs[pool].types.add(type);
  };
  for (const i of resources.ec2Instances ?? []) {
    // Spot and Capacity Block hours are not discounted by Savings Plans.
    if (i.state === 'terminated' || i.lifecycle !== 'on-demand') continue;
    add('ec2', i.region, i.type);
    for (const size of sizeLadder(familyOf(i.type))) add('ec2', i.region, size.type);
  }
  for (const e of resources.sagemakerEndpoints ?? []) for (const v of e.variants) if (!v.serverless) add('sagemaker', e.region, v.instanceType);
  for (const n of resources.sagemakerNotebooks ?? []) add('sagemaker', n.region, n.instanceType);
  for (const j of resources.sagemakerTrainingJobs ?? []) if (!j.managedSpot) add('sagemaker', j.region, j.instanceType);
  for (const a of resources.sagemakerStudioApps ?? []) add('sagemaker', a.region, a.instanceType);
  return needs;
}

/** The request of each pool: which plans discount it and how its rates are told apart. */
const POOLS: Record<keyof RateNeeds, Pick<DescribeSavingsPlansOfferingRatesRequest, 'savingsPlanTypes' | 'products' | 'operations'>> = {
  ec2: { savingsPlanTypes: ['Compute', 'EC2Instance'], products: ['EC2'], operations: ['RunInstances'] },
  sagemaker: { savingsPlanTypes: ['SageMaker'], products: ['SageMaker'] },
};

const ApiOfferingRate = ApiRate.extend({
  savingsPlanOffering: z.object({
    planType: z.string(),
    paymentOption: z.string(),
    durationSeconds: z.number(),
    currency: z.string().optional(),
  }),
});

export type OfferingRatesContext = Pick<RegionContext, 'session' | 'account' | 'warnings'> & { now: Date };

/**
 * Today's No Upfront Savings Plans rates (Compute and EC2 Instance plans for EC2, SageMaker plans for
 * SageMaker; 1 and 3 years) for exactly the instance types found, a few requests in all (types in
 * batches, every region at once, 1,000 rates a page). Read-only: a describe call on the global endpoint.
 */
export async function collectOfferingRates(ctx: OfferingRatesContext, needs: RateNeeds): Promise<SavingsPlanOfferingRate[]> {
  const client = clientFor({ ...ctx, region: SAVINGS_PLANS_REGION }, 'savingsplans');
  const asOf = ctx.now.toISOString().slice(0, 10);
  const out: SavingsPlanOfferingRate[] = [];
  let dropped = 0;
  const otherCurrency = new Map<string, number>();
  for (const pool of ['ec2', 'sagemaker'] as const) {
    const { regions, types } = needs[pool];
    for (const chunk of chunks([...types].sort(), TYPES_PER_REQUEST)) {
      const request: DescribeSavingsPlansOfferingRatesRequest = {
        ...POOLS[pool],
        savingsPlanPaymentOptions: ['No Upfront'],
        filters: [
          { name: 'region', values: [...regions].sort() },
          { name: 'instanceType', values: chunk },
          ...(pool === 'ec2' ? [{ name: 'tenancy' as const, values: ['shared'] }] : []),
        ],
        maxResults: PAGE_SIZE,
      };
      const pages = tokenPages(async (nextToken) => {
        const raw = await client.send(new DescribeSavingsPlansOfferingRatesCommand({ ...request, ...(nextToken ? { nextToken } : {}) }));
        const page = ApiRatePage.safeParse(raw);
        if (!page.success) throw shapeError(API, page.error);
        return page.data;
      });
      for await (const page of pages) {
        for (const item of page.searchResults) {
          const r = ApiOfferingRate.safeParse(item);
          if (!r.success) {
            dropped += 1;
            continue;
          }
          const offering = r.data.savingsPlanOffering;
          const currency = offering.currency ?? r.data.currency ?? 'USD';
          if (currency !== 'USD') {
            otherCurrency.set(currency, (otherCurrency.get(currency) ?? 0) + 1);
            continue;
          }
          const termMonths = TERM_BY_SECONDS.get(offering.durationSeconds);
          const planType = z.enum(['Compute', 'EC2Instance', 'SageMaker']).safeParse(offering.planType);
          const usage = ratedUsage(r.data);
          if (!termMonths || !planType.success || offering.paymentOption !== 'No Upfront' || !usage || !types.has(usage.instanceType)) continue;
          out.push({ planType: planType.data, termMonths, payment: 'no-upfront', ...usage, source: `AWS Savings Plans ${API}, ${asOf}`, asOf });
        }
      }
    }
  }
  if (dropped)
    ctx.warnings.add({
      code: 'invalid-response',
      message: `${ctx.account.accountId}: ${API}: ${dropped} rate(s) in an unexpected shape were not used`,
      accountId: ctx.account.accountId,
      service: 'savingsplans',
    });
  for (const [currency, count] of otherCurrency) ctx.warnings.add(currencyWarning(API, ctx.account.accountId, count, currency));
  return dedupe(out);
}

/** The rates, or none with one warning: the Savings Plans options then stay unpriced (`-`), never $0. */
export async function offeringRatesOrWarn(ctx: OfferingRatesContext, needs: RateNeeds): Promise<SavingsPlanOfferingRate[]> {
  if (!needs.ec2.types.size && !needs.sagemaker.types.size) return [];
  const rates = await guarded(
    { account: ctx.account, warnings: ctx.warnings },
    'savingsplans',
    `Savings Plans offering rates (${API})`,
    () => collectOfferingRates(ctx, needs),
    'Savings Plans options stay unpriced',
  );
  return rates ?? [];
}

/** IAM actions the rates need (both are describe calls). */
export const IAM_ACTIONS = ['savingsplans:DescribeSavingsPlansOfferingRates', 'savingsplans:DescribeSavingsPlanRates'] as const;

/**
 * Savings Plans rates for the commitment plan, read beside the Pricing API prices (`--prices live`
 * or `auto`; `embedded` asks nothing): today's offering rates once, and each account's plans in
 * force at their own rates.
 */
export async function collectSavingsPlanRates(
  ctx: Omit<OfferingRatesContext, 'account'> & { accounts: readonly Account[]; prices: 'auto' | 'live' | 'embedded' },
  resources: SnapshotInput['resources'],
): Promise<SavingsPlanRates> {
  const first = ctx.accounts[0];
  if (ctx.prices === 'embedded' || first === undefined) return { offerings: [], bought: [] };
  const needs = rateNeeds(resources);
  const offerings = await offeringRatesOrWarn({ ...ctx, account: first }, needs);
  const plans: readonly SavingsPlan[] = resources.savingsPlans ?? [];
  const bought = [];
  for (const account of ctx.accounts) bought.push(...(await boughtRatesOrWarn({ ...ctx, account }, plans, needs)));
  return { offerings, bought };
}

/** Several rates can price one usage (Studio app types); the lowest is what a plan would charge first. */
function dedupe(rates: SavingsPlanOfferingRate[]): SavingsPlanOfferingRate[] {
  const best = new Map<string, SavingsPlanOfferingRate>();
  for (const r of rates) {
    const k = [r.planType, r.termMonths, r.region, r.instanceType, r.use].join('|');
    const prev = best.get(k);
    if (!prev || r.usd < prev.usd) best.set(k, r);
  }
  return [...best.values()];
}
