import { describe, expect, it } from 'vitest';
import { billedRates } from '../../src/billing/billed-rates.js';
import { gpuLine, idleFraction } from '../../src/billing/gpu.js';
import type { DailySpend, InstanceUsage } from '../../src/billing/model.js';
import { buildSpendReport } from '../../src/billing/report.js';
import { SPEND_RENDERERS } from '../../src/billing/render/index.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { dailySeries } from '../../src/snapshot/daily.js';
import { instance, snapshotOf } from '../helpers/builders.js';

const SOURCE = { kind: 'cur', engine: 'duckdb', where: 'test' } as const;

/** 28 days, Oct 4–31: team a spends $10/day throughout; team b $5/day, then $20/day in the last week. */
function rows(): DailySpend[] {
  const out: DailySpend[] = [];
  for (let d = 4; d <= 31; d++) {
    const day = `2026-10-${String(d).padStart(2, '0')}`;
    out.push({ day, keys: ['a'], billed: 10, effective: 10, list: 12 });
    out.push({ day, keys: [null], billed: d >= 25 ? 20 : 5, effective: d >= 25 ? 20 : 5, list: null });
  }
  return out;
}

describe('spend report', () => {
  it('totals, shares, week-over-week delta and movers, by hand', () => {
    const r = buildSpendReport(rows(), { source: SOURCE, by: ['team'] });
    expect(r.held).toEqual({ start: '2026-10-04', end: '2026-11-01', days: 28 });
    // a: 28 × 10 = 280; untagged: 21 × 5 + 7 × 20 = 245.
    expect(r.totals).toEqual({ billed: 525, effective: 525, list: null });
    expect(r.groups.map((g) => [g.key.team, g.effective, g.share])).toEqual([
      ['a', 280, 0.5333],
      [null, 245, 0.4667],
    ]);
    expect(r.deltas.weekOverWeek).toMatchObject({ current: { effective: 210 }, previous: { effective: 105 }, change: 105, changePct: 100 });
    // October 4–31 has no September to compare with.
    expect(r.deltas.monthOverMonth).toBeNull();
    expect(r.topMovers).toEqual([{ key: { team: null }, previous: 35, current: 140, change: 105 }]);
  });

  it('limits groups and totals to --last, but not the deltas', () => {
    const r = buildSpendReport(rows(), { source: SOURCE, by: ['team'], lastDays: 7 });
    expect(r.window).toEqual({ start: '2026-10-25', end: '2026-11-01', days: 7 });
    expect(r.totals.effective).toBe(210);
    expect(r.deltas.weekOverWeek?.change).toBe(105);
  });

  it('renders every format without computing money again', () => {
    const r = buildSpendReport(rows(), { source: SOURCE, by: ['team'] });
    expect(SPEND_RENDERERS.table(r)).toContain('(untagged)');
    expect(SPEND_RENDERERS.table(r)).toContain('+$105.00');
    expect(SPEND_RENDERERS.csv(r)).toBe('team,effective_usd,billed_usd,list_usd,share\r\na,280.00,280.00,336.00,0.5333\r\n,245.00,245.00,,0.4667\r\n');
    expect(SPEND_RENDERERS.markdown(r)).toContain('| Team | Effective | Billed | List | Share |');
    expect(JSON.parse(SPEND_RENDERERS.json(r))).toMatchObject({ schemaVersion: 1, totals: { effective: 525 } });
  });
});

function gpuInstance(id: string, dailyMax: number[]): Ec2Instance {
  const i = instance({ id, type: 'g5.xlarge', gpu: [[50, 4]] });
  const util = i.metrics.gpus?.[0]?.utilization;
  if (!util) throw new Error('builder gave no GPU utilisation');
  util.daily = dailySeries(dailyMax.map((max, n) => ({ date: `2026-10-${String(n + 1).padStart(2, '0')}`, avg: max / 2, max, datapoints: 288 })));
  return i;
}

describe('GPU line', () => {
  const usage: InstanceUsage[] = [
    { resourceId: 'i-idle', instanceType: 'g5.xlarge', region: 'us-east-1', pricingModel: 'on-demand', hours: 100, billed: 100, effective: 100 },
    {
      resourceId: 'arn:aws:ec2:us-east-1:111122223333:instance/i-half',
      instanceType: 'g5.xlarge',
      region: 'us-east-1',
      pricingModel: 'on-demand',
      hours: 200,
      billed: 200,
      effective: 200,
    },
    { resourceId: 'i-unmeasured', instanceType: 'p4d.24xlarge', region: 'us-west-2', pricingModel: 'savings-plan', hours: 50, billed: 0, effective: 700 },
    { resourceId: 'i-cpu', instanceType: 'm5.xlarge', region: 'us-east-1', pricingModel: 'spot', hours: 500, billed: 25, effective: 25 },
  ];
  const snap = snapshotOf({ ec2Instances: [gpuInstance('i-idle', [1, 2, 0, 4]), gpuInstance('i-half', [1, 90, 2, 60])] });

  it('counts a day idle only when no GPU reached 5%', () => {
    expect(idleFraction(gpuInstance('x', [1, 90, 2, 60]))).toBe(0.5);
    expect(idleFraction(instance({ id: 'cpu-only', type: 'm5.xlarge', cpu: [1, 2, 3] }))).toBeUndefined();
  });

  it('sums instance-hours by family and applies idle fractions to billed hours', () => {
    const g = gpuLine(usage, snap);
    expect(g.families.map((f) => [f.family, f.instanceHours, f.effective, f.measuredHours, f.idleHours, f.idleShare])).toEqual([
      ['p4d', 50, 700, 0, 0, null],
      ['g5', 300, 300, 300, 200, 0.667],
    ]);
    expect(g).toMatchObject({ instanceHours: 350, effective: 1000, measuredHours: 300, idleHours: 200, idleShare: 0.667 });
    expect(gpuLine(usage).idleShare).toBeNull();
  });
});

describe('billed rates', () => {
  it('gives the resource’s own effective rate, else its type’s in its region', () => {
    const rates = billedRates([
      { resourceId: 'i-a', instanceType: 'g5.xlarge', region: 'us-east-1', pricingModel: 'on-demand', hours: 10, billed: 10, effective: 10 },
      { resourceId: 'i-a', instanceType: 'g5.xlarge', region: 'us-east-1', pricingModel: 'savings-plan', hours: 30, billed: 0, effective: 21 },
      { resourceId: 'i-b', instanceType: 'g5.xlarge', region: 'us-east-1', pricingModel: 'on-demand', hours: 40, billed: 40, effective: 40 },
    ]);
    expect(rates.lookup({ resourceId: 'i-a' })).toEqual({
      basis: 'resource',
      key: 'i-a',
      hourlyEffective: 0.775,
      hourlyBilled: 0.25,
      hours: 40,
      pricingModels: ['on-demand', 'savings-plan'],
    });
    expect(rates.lookup({ resourceId: 'i-new', instanceType: 'g5.xlarge', region: 'us-east-1' })).toMatchObject({
      basis: 'type-region',
      key: 'g5.xlarge|us-east-1',
      hourlyEffective: 0.8875,
      hours: 80,
    });
    expect(rates.lookup({ resourceId: 'i-new', instanceType: 'g5.xlarge', region: 'eu-west-1' })).toBeUndefined();
  });
});
