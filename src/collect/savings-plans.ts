import { DescribeSavingsPlansCommand } from '@aws-sdk/client-savingsplans';
import { z } from 'zod';
import type { SavingsPlan } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { shapeError } from './invalid-response.js';
import { tokenPages } from './paging.js';

/** Account-wide, from one global endpoint; it warns in its own words (see savingsPlansOrWarn), so it never fails. */
export const savingsPlansCollector = defineCollector({
  id: 'savings-plans',
  service: 'savingsplans',
  scope: 'account',
  iamActions: ['savingsplans:DescribeSavingsPlans'],
  step: 'savings plans',
  what: 'Savings Plans',
  collect: (ctx) => savingsPlansOrWarn(ctx),
  toSnapshot: (savingsPlans) => ({ resources: { savingsPlans } }),
  count: (list) => list.length,
});

/** The Savings Plans API has one global endpoint, signed for and served from us-east-1. */
export const SAVINGS_PLANS_REGION = 'us-east-1';

/** The API's page size limit; most accounts hold a handful of plans, so this is one call. */
const PAGE_SIZE = 1000;

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a timestamp');
/** One plan as DescribeSavingsPlans returns it; the fields coverage needs are required, the rest ignored. */
const ApiSavingsPlan = z.object({
  savingsPlanId: z.string().min(1),
  savingsPlanType: z.enum(['Compute', 'EC2Instance', 'SageMaker', 'Database']),
  state: z.string(),
  start: isoTime,
  end: isoTime,
  commitment: z.string().regex(/^\d+(\.\d+)?$/, 'not a decimal amount'),
  currency: z.string().optional(),
  region: z.string().optional(),
  ec2InstanceFamily: z.string().optional(),
});
const ApiPage = z.object({ savingsPlans: z.array(z.unknown()).default([]), nextToken: z.string().optional() });

export type SavingsPlansContext = Pick<RegionContext, 'session' | 'account' | 'warnings'>;

/**
 * Active Savings Plans of one account, for commitment coverage: the engine will not advise buying
 * a commitment for an instance a Compute plan, or an EC2 Instance plan of its family and region,
 * already covers. A plan the API describes in a shape mlcost does not understand is dropped
 * with a warning naming it, never silently.
 */
export async function collectSavingsPlans(ctx: SavingsPlansContext): Promise<SavingsPlan[]> {
  const here = { ...ctx, region: SAVINGS_PLANS_REGION };
  const client = clientFor(here, 'savingsplans');
  const out: SavingsPlan[] = [];
  const pages = tokenPages(async (nextToken) => {
    const raw = await client.send(new DescribeSavingsPlansCommand({ states: ['active'], maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) }));
    const parsed = ApiPage.safeParse(raw);
    if (!parsed.success) throw shapeError('DescribeSavingsPlans', parsed.error);
    return parsed.data;
  });
  for await (const page of pages) {
    for (const item of page.savingsPlans) {
      const plan = toSavingsPlan(item, here);
      if (plan) out.push(plan);
    }
  }
  return out;
}

function toSavingsPlan(item: unknown, ctx: SavingsPlansContext & { region: string }): SavingsPlan | undefined {
  const r = ApiSavingsPlan.safeParse(item);
  const id =
    typeof item === 'object' && item !== null && typeof (item as { savingsPlanId?: unknown }).savingsPlanId === 'string'
      ? (item as { savingsPlanId: string }).savingsPlanId
      : '?';
  if (!r.success) {
    const issue = r.error.issues[0];
    ctx.warnings.add({
      code: 'invalid-response',
      message: `${ctx.account.accountId}: dropped Savings Plan ${id}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
      accountId: ctx.account.accountId,
      service: 'savingsplans',
      resourceId: id,
    });
    return undefined;
  }
  const p = r.data;
  if (p.currency && p.currency !== 'USD') {
    // Coverage does not depend on the amount, so the plan is kept; only its commitment is in another currency.
    ctx.warnings.add({
      code: 'currency',
      message: `${ctx.account.accountId}: Savings Plan ${p.savingsPlanId} commits ${p.commitment} ${p.currency}/hour; mlcost reports it unconverted`,
      accountId: ctx.account.accountId,
      service: 'savingsplans',
      resourceId: p.savingsPlanId,
    });
  }
  return {
    id: p.savingsPlanId,
    accountId: ctx.account.accountId,
    type: p.savingsPlanType,
    commitmentPerHour: Number(p.commitment),
    ...(p.region ? { region: p.region } : {}),
    ...(p.ec2InstanceFamily ? { instanceFamily: p.ec2InstanceFamily } : {}),
    start: new Date(p.start).toISOString(),
    end: new Date(p.end).toISOString(),
    state: p.state,
  };
}

/**
 * The plans, or none with one warning naming the account: a denied or unsupported Savings Plans
 * API must not stop the audit, but the report has to say coverage was judged without them.
 */
export async function savingsPlansOrWarn(ctx: SavingsPlansContext): Promise<SavingsPlan[]> {
  // Account-wide: the warning names the account only, whatever region the caller is working in.
  const scope = { account: ctx.account, warnings: ctx.warnings };
  const plans = await guarded(
    scope,
    'savingsplans',
    `Savings Plans (global endpoint, ${SAVINGS_PLANS_REGION})`,
    () => collectSavingsPlans(ctx),
    'buy-commitment advice may overlap plans already in force',
  );
  return plans ?? [];
}
