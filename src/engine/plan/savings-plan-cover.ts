import type { PriceLookup } from '../../catalog/index.js';
import type { SavingsPlan } from '../../snapshot/schema.js';
import type { SavingsPlanKind, SavingsPlanRate } from './options.js';
import type { UsagePool, UsageUse } from './schema.js';

/** Usage of one instance type left after the Reserved Instances, which Savings Plans in force may cover. */
export interface CoverItem {
  pool: UsagePool;
  region: string;
  family: string;
  instanceType: string;
  use: UsageUse;
  /** Instances per hour left after the RIs. */
  count: number;
  onDemandHourly: number;
  /** Instances per hour the plans cover (filled here). */
  covered: number;
  /** Plans that covered some of it. */
  coveredBy: string[];
  /** Set when a plan covers part of it at a rate not known (neither collected nor in the catalog): how much is then unknown. */
  unknown?: string;
}

/**
 * How each plan type applies, one row each, in AWS's order: EC2 Instance Savings Plans (their family
 * in their region) before Compute Savings Plans (any EC2 family or region); SageMaker Savings Plans
 * cover SageMaker usage only. Database Savings Plans cover nothing the plan counts.
 * Source: https://docs.aws.amazon.com/savingsplans/latest/userguide/sp-applying.html
 */
const PLAN_TYPES: Record<SavingsPlan['type'], { order: number; kind?: SavingsPlanKind; covers: (plan: SavingsPlan, item: CoverItem) => boolean }> = {
  EC2Instance: {
    order: 0,
    kind: 'ec2-instance-savings-plan',
    covers: (p, i) => i.pool === 'ec2' && i.region === p.region && i.family === p.instanceFamily,
  },
  Compute: { order: 1, kind: 'compute-savings-plan', covers: (_p, i) => i.pool === 'ec2' },
  SageMaker: { order: 2, kind: 'sagemaker-savings-plan', covers: (_p, i) => i.pool === 'sagemaker' },
  Database: { order: 3, covers: () => false },
};

const DAY_MS = 86_400_000;

/** A plan in force's own rate for a usage (DescribeSavingsPlanRates), or undefined when none was collected. */
export type BoughtRate = (savingsPlanId: string, instanceType: string, region: string, use: UsageUse) => PriceLookup | undefined;

/** A plan's term as the offering rates know it: over two years is the 3-year term. */
function termOf(plan: SavingsPlan): 12 | 36 {
  return new Date(plan.end).getTime() - new Date(plan.start).getTime() > 2 * 365 * DAY_MS ? 36 : 12;
}

/**
 * Applies the account's Savings Plans in force to the usage the RIs left, as AWS bills them: within a
 * plan, the usage with the highest saving off on-demand first (ties: the lower rate), until the hourly
 * commitment is spent. Each plan is priced at its own rates where they were collected, else at today's
 * offering rate of its type and term. Returns each plan's dollars spent per hour, or null when a rate it needed is
 * unknown. Without a rate, coverage is still known when the commitment exceeds all the usage it may
 * cover at on-demand prices (a plan's rate is never above on-demand); otherwise that usage is marked unknown.
 * Simplification: plans of one type are applied one after another, each at its own term's rate (AWS
 * applies them together; the two differ only when their terms' rates differ).
 */
export function coverBySavingsPlans(
  plans: readonly SavingsPlan[],
  items: CoverItem[],
  rate: SavingsPlanRate,
  bought: BoughtRate = () => undefined,
): Map<string, number | null> {
  const spent = new Map<string, number | null>();
  const ordered = [...plans].sort((a, b) => PLAN_TYPES[a.type].order - PLAN_TYPES[b.type].order || a.id.localeCompare(b.id));
  for (const plan of ordered) {
    const row = PLAN_TYPES[plan.type];
    const kind = row.kind;
    const eligible = kind === undefined ? [] : items.filter((i) => i.unknown === undefined && i.count - i.covered > 1e-9 && row.covers(plan, i));
    if (kind === undefined || !eligible.length) {
      spent.set(plan.id, 0);
      continue;
    }
    const rated = eligible.map((item) => ({
      item,
      rate: bought(plan.id, item.instanceType, item.region, item.use) ?? rate(kind, termOf(plan), item.instanceType, item.region, item.use),
    }));
    const left = (i: CoverItem) => i.count - i.covered;
    if (rated.some((r) => !r.rate.known)) {
      const onDemandLeft = eligible.reduce((s, i) => s + left(i) * i.onDemandHourly, 0);
      for (const i of eligible) {
        if (plan.commitmentPerHour >= onDemandLeft) i.covered = i.count;
        else i.unknown = `Savings Plan ${plan.id} covers part of it at a rate neither collected nor in the catalog`;
        i.coveredBy.push(plan.id);
      }
      spent.set(plan.id, null);
      continue;
    }
    const known = rated.map((r) => ({ item: r.item, usd: r.rate.known ? r.rate.price.usd : 0 }));
    known.sort((a, b) => savingPct(b.item.onDemandHourly, b.usd) - savingPct(a.item.onDemandHourly, a.usd) || a.usd - b.usd);
    let budget = plan.commitmentPerHour;
    for (const { item, usd } of known) {
      if (budget <= 0) break;
      const take = usd > 0 ? Math.min(left(item), budget / usd) : left(item);
      item.covered += take;
      item.coveredBy.push(plan.id);
      budget -= take * usd;
    }
    spent.set(plan.id, plan.commitmentPerHour - Math.max(0, budget));
  }
  return spent;
}

function savingPct(onDemand: number, rate: number): number {
  return onDemand > 0 ? 1 - rate / onDemand : 0;
}
