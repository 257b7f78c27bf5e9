import { describe, expect, it } from 'vitest';
import type { PlanLine } from '../../src/engine/plan/schema.js';
import type { AuditResult } from '../../src/engine/result.js';
import type { ReservedInstance, SageMakerEndpoint, SavingsPlan } from '../../src/snapshot/schema.js';
import { audit, END, instance, snapshotOf } from '../helpers/builders.js';
import { busyG5, busyM7i, idleP4d, PLAN_ACCOUNT, reservedInstance, savingsPlan } from '../helpers/plan-fixture.js';

const ACCOUNT = PLAN_ACCOUNT;
const busyCpu = () => busyM7i('i-cpu');
const ri = (over: Partial<ReservedInstance>): ReservedInstance => reservedInstance({ id: 'ri-1', instanceType: 'g5.xlarge', ...over });
const endpoint = (): SageMakerEndpoint => ({
  name: 'ranker',
  accountId: ACCOUNT,
  region: 'us-east-1',
  status: 'InService',
  creationTime: new Date(END.getTime() - 60 * 86_400_000).toISOString(),
  tags: {},
  variants: [{ name: 'v1', instanceType: 'ml.m5.xlarge', instanceCount: 2, serverless: false, metrics: {} }],
});

const plan = (r: AuditResult) => {
  const p = r.commitmentPlan;
  if (!p) throw new Error('no plan');
  return p;
};
const line = (r: AuditResult, family: string): PlanLine => {
  const l = plan(r).accounts[0]?.lines.find((x) => x.family === family);
  if (!l) throw new Error(`no ${family} line`);
  return l;
};

describe('commitment plan', () => {
  it('prices every Reserved Instance term of a steady GPU box and recommends the largest saving that pays back within a year', async () => {
    const r = await audit(snapshotOf({ ec2Instances: [busyG5()] }));
    const g5 = line(r, 'g5');
    expect(g5.usage).toEqual([{ instanceType: 'g5.xlarge', use: 'instance', count: 1, onDemandHourly: 1.006 }]);
    expect(g5.netHourly).toBe(1.006);
    const ris = g5.options.filter((o) => o.kind === 'reserved-instance');
    // (1.006 - rate) x 730; break-even = term months x rate / 1.006
    expect(ris.map((o) => [o.termMonths, o.payment, o.commitmentHourly, o.monthlySavings, o.breakEvenMonth])).toEqual([
      [12, 'no-upfront', 0.6338, 271.72, 7.6],
      [12, 'partial-upfront', 0.6036, 293.73, 7.2],
      [36, 'no-upfront', 0.4346, 417.13, 15.6],
      [36, 'partial-upfront', 0.4024, 440.61, 14.4],
    ]);
    expect(g5.options[g5.recommended ?? -1]).toMatchObject({ kind: 'reserved-instance', termMonths: 12, payment: 'partial-upfront' });
    expect(plan(r).totals.monthlySavings).toBe(293.73);
  });

  it('leaves a box another finding stops out of the plan, and says which finding took it', async () => {
    const r = await audit(snapshotOf({ ec2Instances: [idleP4d(), busyG5()] }));
    expect(r.findings.find((f) => f.resource.id === 'i-idle')?.action.kind).toBe('stop');
    const p4d = line(r, 'p4d');
    expect(p4d.grossHourly).toBe(21.9576);
    expect(p4d.netHourly).toBe(0);
    expect(p4d.options).toEqual([]);
    expect(p4d.netted).toEqual([{ resourceId: 'i-idle', ruleId: 'idle-gpu-instance', effect: 'to be stopped' }]);
    expect(plan(r).totals).toMatchObject({ grossHourly: 22.9636, netHourly: 1.006 });
  });

  it('commits a resized box at its new size, in its new family', async () => {
    const under = instance({
      id: 'i-under',
      type: 'g4dn.12xlarge',
      cpu: [3, 5, 10],
      netMBPerDay: 500,
      gpu: [
        [84, 11],
        [0, 0.1],
        [0, 0.1],
        [0, 0.1],
      ],
    });
    const r = await audit(snapshotOf({ ec2Instances: [under] }));
    const f = r.findings.find((x) => x.resource.id === 'i-under');
    expect(['downsize', 'change-instance-type']).toContain(f?.action.kind);
    const to = f?.action.to ?? '';
    const g4dn = line(r, 'g4dn');
    expect(g4dn.netted).toEqual([{ resourceId: 'i-under', ruleId: f?.ruleId, effect: `committed at its new size, 1 x ${to}` }]);
    const after = line(r, to.split('.')[0] ?? '');
    expect(after.usage).toEqual([expect.objectContaining({ instanceType: to, count: 1 })]);
  });

  it('does not commit to spot boxes or boxes that ran only part of the window', async () => {
    const spot = instance({ id: 'i-spot', type: 'g5.xlarge', lifecycle: 'spot', cpu: [40, 60, 80], netMBPerDay: 5000, gpu: [[90, 20]] });
    const partTime = instance({ id: 'i-part', type: 'g5.xlarge', days: 5, cpu: [40, 60, 80], netMBPerDay: 5000, gpu: [[90, 20]] });
    const r = await audit(snapshotOf({ ec2Instances: [spot, partTime] }));
    expect(plan(r).accounts).toEqual([]);
  });

  it('counts Reserved Instances in force as covering their type first, flags those expiring within 60 days and shows how full they stay after the findings', async () => {
    const snapshot = snapshotOf({ ec2Instances: [busyG5(), idleP4d()] }, {});
    snapshot.resources.reservedInstances.push(
      ri({}),
      ri({ id: 'ri-2', instanceType: 'p4d.24xlarge', instanceCount: 2, end: new Date(END.getTime() + 400 * 86_400_000).toISOString() }),
    );
    const r = await audit(snapshot);
    const g5 = line(r, 'g5');
    expect(g5.coveredHourly).toBe(1.006);
    expect(g5.options).toEqual([]);
    expect(plan(r).accounts[0]?.existing.map((e) => [e.id, e.daysLeft, e.expiringSoon, e.utilizationAfterFindingsPct])).toEqual([
      ['ri-1', 30, true, 100],
      ['ri-2', 400, false, 0],
    ]);
    expect(plan(r).totals.expiringSoon).toBe(1);
  });

  it('leaves options without a rate unpriced and counts the line, never $0', async () => {
    const r = await audit(snapshotOf({ ec2Instances: [busyCpu()], sagemakerEndpoints: [endpoint()] }));
    // m7i.large now has dated RI rates (priced); its Savings Plans options stay unknown, never $0.
    const m7i = line(r, 'm7i');
    expect(m7i.netHourly).toBe(0.1008);
    for (const o of m7i.options.filter((x) => x.kind !== 'reserved-instance')) {
      expect(o.monthlySavings).toBeNull();
      expect(o.unknown).toMatch(/no Savings Plans rate/);
    }
    const sm = line(r, 'ml.m5');
    expect(sm.pool).toBe('sagemaker');
    expect(sm.usage).toEqual([{ instanceType: 'ml.m5.xlarge', use: 'hosting', count: 2, onDemandHourly: 0.23 }]);
    expect(sm.options.map((o) => [o.kind, o.termMonths, o.monthlySavings])).toEqual([
      ['sagemaker-savings-plan', 12, null],
      ['sagemaker-savings-plan', 36, null],
    ]);
    expect(plan(r).totals.unpricedLines).toBe(1);
  });

  it('prices with collected Reserved terms where the catalog has none', async () => {
    const snapshot = snapshotOf({ ec2Instances: [busyCpu()] });
    snapshot.prices.push({
      service: 'ec2',
      region: 'us-east-1',
      key: 'm7i.large',
      term: 'reserved-1yr-no-upfront',
      usd: 0.0635,
      unit: 'Hrs',
      source: 'AWS Pricing API',
      asOf: '2026-11-19',
    });
    const r = await audit(snapshot);
    const o = line(r, 'm7i').options.find((x) => x.kind === 'reserved-instance' && x.termMonths === 12 && x.payment === 'no-upfront');
    expect(o).toMatchObject({ commitmentHourly: 0.0635, monthlySavings: 27.23, breakEvenMonth: 7.6 });
  });

  it('lists Savings Plans in force with their hourly commitment per pool and how much of it the usage after the findings spends', async () => {
    const sp = (over: Partial<SavingsPlan>): SavingsPlan =>
      savingsPlan({ id: 'sp-1', commitmentPerHour: 2.5, end: new Date(END.getTime() + 20 * 86_400_000).toISOString(), ...over });
    const snapshot = snapshotOf({ ec2Instances: [busyG5()] });
    snapshot.resources.savingsPlans.push(sp({}), sp({ id: 'sp-2', type: 'SageMaker', commitmentPerHour: 1 }), sp({ id: 'sp-old', state: 'retired' }));
    const r = await audit(snapshot);
    const a = plan(r).accounts[0];
    expect(a?.savingsPlansHourly).toEqual({ ec2: 2.5, sagemaker: 1 });
    expect(a?.existing.map((e) => [e.id, e.kind, e.what, e.quantity, e.expiringSoon, e.utilizationAfterFindingsPct])).toEqual([
      // The Compute plan covers the g5 box (2.50 >= 1.006 on-demand) at a rate neither collected nor in the catalog: spent unknown.
      ['sp-1', 'savings-plan', 'Compute', 2.5, true, null],
      // No SageMaker usage: nothing of it is spent.
      ['sp-2', 'savings-plan', 'SageMaker', 1, true, 0],
    ]);
  });
});
