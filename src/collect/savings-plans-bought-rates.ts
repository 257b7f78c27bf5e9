import { DescribeSavingsPlanRatesCommand, type SavingsPlanRateFilter } from '@aws-sdk/client-savingsplans';
import type { BoughtSavingsPlanRate, SavingsPlan } from '../snapshot/schema.js';
import type { Account } from './context.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { shapeError } from './invalid-response.js';
import { ApiRate, ApiRatePage, currencyWarning, ratedUsage } from './savings-plan-rates-parse.js';
import type { RateNeeds } from './savings-plan-rates.js';
import { SAVINGS_PLANS_REGION } from './savings-plans.js';
import { tokenPages } from './paging.js';

const API = 'DescribeSavingsPlanRates';
const PAGE_SIZE = 1000;

export type BoughtRatesContext = Pick<RegionContext, 'session' | 'warnings'> & { account: Account; now: Date };

/** The pool a plan discounts, and the filters that keep its rates to the usage found (a Compute plan has rates for every EC2 type in every region). */
function filtersOf(plan: SavingsPlan, needs: RateNeeds): SavingsPlanRateFilter[] | undefined {
  if (plan.type === 'SageMaker') {
    const { regions, types } = needs.sagemaker;
    if (!types.size) return undefined;
    return [
      { name: 'productType', values: ['SageMaker'] },
      { name: 'region', values: [...regions].sort() },
      { name: 'instanceType', values: [...types].sort() },
    ];
  }
  if (plan.type === 'Database') return undefined;
  const regions = plan.type === 'EC2Instance' ? [...needs.ec2.regions].filter((r) => r === plan.region) : [...needs.ec2.regions].sort();
  const types = [...needs.ec2.types].filter((t) => plan.type !== 'EC2Instance' || t.split('.')[0] === plan.instanceFamily).sort();
  if (!regions.length || !types.length) return undefined;
  return [
    { name: 'productType', values: ['EC2'] },
    { name: 'region', values: regions },
    { name: 'instanceType', values: types },
    { name: 'tenancy', values: ['shared'] },
    { name: 'operation', values: ['RunInstances'] },
  ];
}

/**
 * The rates of one plan in force for the usage found, paged. Only the usage it may discount is asked
 * for, so an account's plans cost one or two requests each.
 */
async function ratesOf(ctx: BoughtRatesContext, plan: SavingsPlan, filters: SavingsPlanRateFilter[]): Promise<BoughtSavingsPlanRate[]> {
  const client = clientFor({ ...ctx, region: SAVINGS_PLANS_REGION }, 'savingsplans');
  const asOf = ctx.now.toISOString().slice(0, 10);
  const out: BoughtSavingsPlanRate[] = [];
  let otherCurrency: string | undefined;
  let otherCount = 0;
  const pages = tokenPages(async (nextToken) => {
    const raw = await client.send(
      new DescribeSavingsPlanRatesCommand({ savingsPlanId: plan.id, filters, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }),
    );
    const page = ApiRatePage.safeParse(raw);
    if (!page.success) throw shapeError(API, page.error);
    return page.data;
  });
  for await (const page of pages) {
    for (const item of page.searchResults) {
      const r = ApiRate.safeParse(item);
      if (!r.success) throw shapeError(API, r.error);
      if (r.data.currency !== undefined && r.data.currency !== 'USD') {
        otherCurrency = r.data.currency;
        otherCount += 1;
        continue;
      }
      const usage = ratedUsage(r.data);
      if (usage) out.push({ savingsPlanId: plan.id, ...usage, source: `AWS Savings Plans ${API}, ${asOf}`, asOf });
    }
  }
  if (otherCurrency !== undefined) ctx.warnings.add(currencyWarning(`${API} ${plan.id}`, ctx.account.accountId, otherCount, otherCurrency));
  return out;
}

/**
 * Each active plan's own rates, so coverage spends its commitment at what it really charges. A plan
 * whose rates cannot be read gets one warning and falls back to today's offering rate of its type and term.
 */
export async function boughtRatesOrWarn(ctx: BoughtRatesContext, plans: readonly SavingsPlan[], needs: RateNeeds): Promise<BoughtSavingsPlanRate[]> {
  const out: BoughtSavingsPlanRate[] = [];
  for (const plan of plans) {
    if (plan.accountId !== ctx.account.accountId || plan.state !== 'active') continue;
    const filters = filtersOf(plan, needs);
    if (!filters) continue;
    const rates = await guarded(
      { account: ctx.account, warnings: ctx.warnings },
      'savingsplans',
      `the rates of Savings Plan ${plan.id} (${API})`,
      () => ratesOf(ctx, plan, filters),
      'its coverage is judged at the offering rate of its type and term',
    );
    out.push(...(rates ?? []));
  }
  return out;
}
