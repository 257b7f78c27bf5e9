import { describe, expect, it } from 'vitest';
import { PriceBook } from '../../src/catalog/index.js';
import { buildCommitmentPlan } from '../../src/engine/plan/build.js';
import type { SavingsPlanRate } from '../../src/engine/plan/options.js';
import type { CommitmentPlan, PlanLine } from '../../src/engine/plan/schema.js';
import type { SavingsPlan, Snapshot } from '../../src/snapshot/schema.js';
import { audit, END, snapshotOf } from '../helpers/builders.js';
import { busyG5, busyM7i, ceRecommendation, PLAN_ACCOUNT, planSnapshot, reservedInstance, savingsPlan } from '../helpers/plan-fixture.js';

/** Savings Plans already bought, netted in AWS's order before anything new is recommended. */
const ACCOUNT = PLAN_ACCOUNT;
const g5 = () => busyG5('i-g5');
const m7i = () => busyM7i();
const sp = savingsPlan;

/**
 * Savings Plans rates for the test, as a rate source would give them: a share of on-demand per plan kind
 * and term. g5.xlarge on-demand $1.006, m7i.large $0.1008 (the catalog's us-east-1 list prices).
 */
const SHARE = {
  'ec2-instance-savings-plan': { 12: 0.6, 36: 0.4 },
  'compute-savings-plan': { 12: 0.7, 36: 0.5 },
  'sagemaker-savings-plan': { 12: 0.7, 36: 0.5 },
};
const ON_DEMAND: Record<string, number> = { 'g5.xlarge': 1.006, 'm7i.large': 0.1008 };
const rates: SavingsPlanRate = (kind, term, type) => {
  const od = ON_DEMAND[type];
  // m7i gets a deeper Compute discount than g5 here, so AWS's "highest saving first" order is visible.
  const share = kind === 'compute-savings-plan' && type === 'm7i.large' && term === 12 ? 0.6 : SHARE[kind][term];
  return od === undefined
    ? { known: false, reason: `no test rate for ${type}` }
    : { known: true, price: { usd: od * share, unit: 'hour', source: 'test', asOf: '2026-11-20', basis: 'test' } };
};

async function planOf(snapshot: Snapshot, savingsPlanRate?: SavingsPlanRate): Promise<CommitmentPlan> {
  const r = await audit(snapshot, ['buy-commitment']);
  return buildCommitmentPlan(snapshot, r.findings, new PriceBook(snapshot.prices), savingsPlanRate ? { savingsPlanRate } : {});
}
const lineOf = (p: CommitmentPlan, family: string): PlanLine => {
  const l = p.accounts[0]?.lines.find((x) => x.family === family);
  if (!l) throw new Error(`no ${family} line`);
  return l;
};
const withPlans = (...plans: SavingsPlan[]) => {
  const s = snapshotOf({ ec2Instances: [g5(), m7i()] });
  s.resources.savingsPlans.push(...plans);
  return s;
};

describe('commitment plan: Savings Plans in force are subtracted', () => {
  it('spends a Compute plan on the usage it discounts most first, then prices what is left to the cent', async () => {
    const p = await planOf(withPlans(sp({})), rates);
    // m7i.large saves 40% (rate 0.06048), g5.xlarge 30% (0.7042): the m7i box is covered first, whole.
    const m = lineOf(p, 'm7i');
    expect(m.savingsPlanCoveredHourly).toBe(0.1008);
    expect(m.options).toEqual([]);
    expect(m.recommended).toBeUndefined();
    expect(m.noneBecause).toBe('Savings Plans (sp-compute) in force already cover all of it');
    // The $0.43952 left covers 0.43952 / 0.7042 = 0.624141 of the g5 box: $0.6279/h of on-demand.
    const g = lineOf(p, 'g5');
    expect(g.savingsPlanCoveredHourly).toBe(0.6279);
    // 0.375859 instance left: no whole Reserved Instance; EC2 Instance SP 1-year at 0.6036: (0.378114 - 0.226868) x 730 = $110.41.
    expect(g.options.map((o) => [o.kind, o.termMonths, o.commitmentHourly, o.monthlySavings, o.breakEvenMonth])).toEqual([
      ['ec2-instance-savings-plan', 12, 0.2269, 110.41, 7.2],
      ['compute-savings-plan', 12, 0.2647, 82.81, 8.4],
      ['ec2-instance-savings-plan', 36, 0.1512, 165.61, 14.4],
      ['compute-savings-plan', 36, 0.1891, 138.01, 18],
    ]);
    expect(g.options[g.recommended ?? -1]).toMatchObject({ kind: 'ec2-instance-savings-plan', termMonths: 12 });
    expect(p.accounts[0]?.existing.find((e) => e.id === 'sp-compute')?.utilizationAfterFindingsPct).toBe(100);
  });

  it('applies an EC2 Instance plan to its family and region only, before the Compute plan', async () => {
    const p = await planOf(
      withPlans(sp({ id: 'sp-g5', type: 'EC2Instance', instanceFamily: 'g5', region: 'us-east-1', commitmentPerHour: 0.2 }), sp({ commitmentPerHour: 0.2 })),
      rates,
    );
    // sp-g5: 0.2 / 0.6036 = 0.331345 of the g5 box. Compute: m7i whole (0.06048), then 0.13952 / 0.7042 = 0.198126 of g5.
    expect(lineOf(p, 'g5').savingsPlanCoveredHourly).toBe(0.5326);
    expect(lineOf(p, 'm7i').savingsPlanCoveredHourly).toBe(0.1008);
    expect(p.accounts[0]?.existing.filter((e) => e.kind === 'savings-plan').map((e) => [e.id, e.utilizationAfterFindingsPct])).toEqual([
      ['sp-compute', 100],
      ['sp-g5', 100],
    ]);
    // An EC2 Instance plan of another family covers nothing here.
    const other = await planOf(withPlans(sp({ id: 'sp-c6i', type: 'EC2Instance', instanceFamily: 'c6i', region: 'us-east-1' })), rates);
    expect(lineOf(other, 'g5').savingsPlanCoveredHourly).toBe(0);
    expect(other.accounts[0]?.existing.find((e) => e.id === 'sp-c6i')?.utilizationAfterFindingsPct).toBe(0);
  });

  it('a plan larger than all the usage it may cover covers everything, even without its rates: nothing to buy, and it says why', async () => {
    const p = await planOf(withPlans(sp({ id: 'sp-big', commitmentPerHour: 3 })));
    for (const family of ['g5', 'm7i']) {
      const l = lineOf(p, family);
      expect(l.options).toEqual([]);
      expect(l.recommended).toBeUndefined();
      expect(l.noneBecause).toBe('Savings Plans (sp-big) in force already cover all of it');
    }
    expect(lineOf(p, 'g5').savingsPlanCoveredHourly).toBe(1.006);
    expect(p.totals).toMatchObject({ monthlySavings: 0, unpricedLines: 0 });
    // How much of $3 the boxes spend depends on the rates, which the catalog lacks.
    expect(p.accounts[0]?.existing[0]?.utilizationAfterFindingsPct).toBeNull();
  });

  it('a plan that covers part of the usage at unknown rates leaves the lines unpriced, counted, never $0', async () => {
    const p = await planOf(withPlans(sp({})));
    for (const family of ['g5', 'm7i']) {
      const l = lineOf(p, family);
      expect(l.savingsPlanCoveredHourly).toBeNull();
      expect(l.options.length).toBeGreaterThan(0);
      expect(
        l.options.every(
          (o) => o.monthlySavings === null && o.unknown === 'Savings Plan sp-compute covers part of it at a rate neither collected nor in the catalog',
        ),
      ).toBe(true);
    }
    expect(p.totals.unpricedLines).toBe(2);
  });

  it('Reserved Instances cover their type before any Savings Plan', async () => {
    const s = withPlans(sp({}));
    s.resources.reservedInstances.push(
      reservedInstance({
        id: 'ri-g5',
        instanceType: 'g5.xlarge',
        start: new Date(END.getTime() - 30 * 86_400_000).toISOString(),
        end: new Date(END.getTime() + 300 * 86_400_000).toISOString(),
      }),
    );
    const p = await planOf(s, rates);
    expect(lineOf(p, 'g5')).toMatchObject({
      coveredHourly: 1.006,
      savingsPlanCoveredHourly: 0,
      options: [],
      noneBecause: 'Reserved Instances in force already cover all of it',
    });
    // The plan then spends only on the m7i box: 0.06048 of 0.5.
    expect(p.accounts[0]?.existing.find((e) => e.id === 'sp-compute')?.utilizationAfterFindingsPct).toBe(12.1);
  });
});

describe('commitment plan: Cost Explorer’s recommendation beside ours', () => {
  it('shows theirs and ours per plan type and term, and names the usage the findings removed that theirs still commits to', async () => {
    const s = planSnapshot();
    s.resources.savingsPlansRecommendations.push(ceRecommendation({ savingsPlansType: 'SAGEMAKER_SP', hourlyCommitment: 0, estimatedMonthlySavings: 0 }));
    const r = await audit(s);
    const ce = r.commitmentPlan?.accounts[0]?.costExplorer ?? [];
    // Ours, 1-year: the g5 box's best 1-year option (Reserved Instance, partial upfront, $0.6036/h, $293.73/month).
    expect(ce[0]).toMatchObject({
      savingsPlansType: 'COMPUTE_SP',
      termInYears: 'ONE_YEAR',
      hourlyCommitment: 14.5,
      estimatedMonthlySavings: 4400,
      oursHourlyCommitment: 0.6036,
      oursMonthlySavings: 293.73,
      // The idle p4d.24xlarge the findings stop: $21.9576/h of on-demand usage.
      removedByFindingsHourly: 21.9576,
    });
    expect(ce[0]?.why).toBe(
      'Cost Explorer sizes on the last 7 days of billed usage, which still includes $21.96/h of on-demand usage the findings above stop, shrink or move to Spot: a commitment on it would be paid every hour after that usage is gone.',
    );
    expect(ce[1]).toMatchObject({ savingsPlansType: 'SAGEMAKER_SP', hourlyCommitment: 0, oursHourlyCommitment: 0, removedByFindingsHourly: 0 });
  });

  it('an account with nothing to plan still shows Cost Explorer’s recommendation', async () => {
    const s = snapshotOf({});
    s.resources.savingsPlansRecommendations.push(ceRecommendation());
    const r = await audit(s);
    expect(r.commitmentPlan?.accounts.map((a) => [a.accountId, a.lines.length, a.costExplorer?.length])).toEqual([[ACCOUNT, 0, 1]]);
  });
});
