import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { readSnapshot, writeSnapshot } from '../../src/snapshot/io.js';
import type { PlanLine } from '../../src/engine/plan/schema.js';
import type { SavingsPlan, SavingsPlanOfferingRate, SnapshotInput } from '../../src/snapshot/schema.js';
import { audit, snapshotOf } from '../helpers/builders.js';
import { busyG5, busyM7i, savingsPlan } from '../helpers/plan-fixture.js';

/**
 * The commitment plan priced from the Savings Plans rates a live collect stores in the Snapshot.
 * g5.xlarge on-demand is $1.006/h and m7i.large $0.1008/h (the catalog's us-east-1 list prices).
 */
const SOURCE = 'AWS Savings Plans DescribeSavingsPlansOfferingRates, 2026-11-20';
const offer = (planType: SavingsPlanOfferingRate['planType'], termMonths: 12 | 36, instanceType: string, usd: number): SavingsPlanOfferingRate => ({
  planType,
  termMonths,
  payment: 'no-upfront',
  region: 'us-east-1',
  instanceType,
  use: 'instance',
  usd,
  source: SOURCE,
  asOf: '2026-11-20',
});
const G5_OFFERS = [
  offer('EC2Instance', 12, 'g5.xlarge', 0.6036),
  offer('Compute', 12, 'g5.xlarge', 0.7042),
  offer('EC2Instance', 36, 'g5.xlarge', 0.4024),
  offer('Compute', 36, 'g5.xlarge', 0.503),
];
const plan = savingsPlan;
const fleet = (rates: SnapshotInput['savingsPlanRates'], plans: SavingsPlan[] = []) => {
  const s = snapshotOf(
    {
      ec2Instances: [busyG5('i-g5'), busyM7i()],
    },
    { savingsPlanRates: rates },
  );
  s.resources.savingsPlans.push(...plans);
  return s;
};
async function lineOf(rates: SnapshotInput['savingsPlanRates'], family: string, plans: SavingsPlan[] = []) {
  const r = await audit(fleet(rates, plans), ['buy-commitment']);
  const line: PlanLine | undefined = r.commitmentPlan?.accounts[0]?.lines.find((l) => l.family === family);
  if (!line) throw new Error(`no ${family} line`);
  return { line, warnings: r.warnings };
}
const spOptions = (l: PlanLine) =>
  l.options.filter((o) => o.kind !== 'reserved-instance').map((o) => [o.kind, o.termMonths, o.commitmentHourly, o.monthlySavings]);

describe('commitment plan: Savings Plans options priced from the collected offering rates', () => {
  it('prices every EC2 Savings Plans option of a steady box to the cent', async () => {
    const { line } = await lineOf({ offerings: G5_OFFERS }, 'g5');
    // (1.006 - rate) x 730: 0.4024 x 730 = 293.752; 0.3018 x 730 = 220.314; 0.6036 x 730 = 440.628; 0.503 x 730 = 367.19.
    expect(spOptions(line)).toEqual([
      ['ec2-instance-savings-plan', 12, 0.6036, 293.75],
      ['compute-savings-plan', 12, 0.7042, 220.31],
      ['ec2-instance-savings-plan', 36, 0.4024, 440.63],
      ['compute-savings-plan', 36, 0.503, 367.19],
    ]);
  });

  it('without collected rates (offline, --prices embedded) every Savings Plans option stays unpriced with the reason, never $0', async () => {
    const { line } = await lineOf(undefined, 'g5');
    const sp = line.options.filter((o) => o.kind !== 'reserved-instance');
    expect(sp).toHaveLength(4);
    for (const o of sp) {
      expect(o.monthlySavings).toBeNull();
      expect(o.unknown).toMatch(/^no Savings Plans rate was collected for it \(--prices live or auto reads them/);
    }
    // A rate for another type or region prices nothing here.
    const { line: other } = await lineOf({ offerings: [{ ...offer('Compute', 12, 'g5.xlarge', 0.7), region: 'eu-west-1' }] }, 'g5');
    expect(other.options.find((o) => o.kind === 'compute-savings-plan' && o.termMonths === 12)?.monthlySavings).toBeNull();
  });

  it('a rate under 10% of on-demand is distrusted: unpriced, with a warning naming it', async () => {
    const { line, warnings } = await lineOf({ offerings: [offer('Compute', 12, 'g5.xlarge', 0.05), ...G5_OFFERS.slice(0, 1)] }, 'g5');
    const compute = line.options.find((o) => o.kind === 'compute-savings-plan' && o.termMonths === 12);
    expect(compute?.monthlySavings).toBeNull();
    expect(compute?.unknown).toBe(
      'the collected compute-savings-plan 1-year no-upfront rate $0.05/h for g5.xlarge (instance) in us-east-1 is below 10% of on-demand ($1.006/h): not used',
    );
    expect(warnings.filter((w) => w.code === 'price-distrusted').map((w) => w.message)).toEqual([compute?.unknown]);
    // The trusted EC2 Instance rate beside it still prices its option.
    expect(line.options.find((o) => o.kind === 'ec2-instance-savings-plan' && o.termMonths === 12)?.monthlySavings).toBe(293.75);
  });

  it('a rate at or above on-demand is distrusted too', async () => {
    const { line, warnings } = await lineOf({ offerings: [offer('EC2Instance', 36, 'g5.xlarge', 1.006)] }, 'g5');
    expect(line.options.find((o) => o.kind === 'ec2-instance-savings-plan' && o.termMonths === 36)?.unknown).toMatch(/\$1\.006\/h .* is at or above on-demand/);
    expect(warnings.filter((w) => w.code === 'price-distrusted')).toHaveLength(1);
  });
});

describe('commitment plan: a plan in force spends its commitment at its own collected rates', () => {
  const bought = (instanceType: string, usd: number) => ({
    savingsPlanId: 'sp-compute',
    region: 'us-east-1',
    instanceType,
    use: 'instance' as const,
    usd,
    source: 'AWS Savings Plans DescribeSavingsPlanRates, 2026-11-20',
    asOf: '2026-11-20',
  });

  it('prices the lines it touches instead of leaving them unknown', async () => {
    // Without rates a $0.50 plan that cannot cover $1.1068 of on-demand leaves both lines unknown (commitment-plan-netting.test.ts).
    const { line } = await lineOf({ bought: [bought('m7i.large', 0.06048), bought('g5.xlarge', 0.7042)], offerings: G5_OFFERS }, 'g5', [plan({})]);
    // m7i saves 40% and is covered first (0.06048); 0.43952 / 0.7042 = 0.624141 of the g5 box: $0.6279/h of on-demand.
    expect(line.savingsPlanCoveredHourly).toBe(0.6279);
    // 0.375859 left, at 0.6036: (1.006 - 0.6036) x 0.375859 x 730 = $110.41.
    expect(line.options.find((o) => o.kind === 'ec2-instance-savings-plan' && o.termMonths === 12)?.monthlySavings).toBe(110.41);
  });

  it("without its own rates the plan falls back to today's offering rate of its type and term", async () => {
    const { line } = await lineOf(
      {
        offerings: [
          ...G5_OFFERS,
          offer('Compute', 12, 'm7i.large', 0.06048),
          offer('Compute', 36, 'm7i.large', 0.05),
          offer('EC2Instance', 12, 'm7i.large', 0.05),
          offer('EC2Instance', 36, 'm7i.large', 0.04),
        ],
      },
      'g5',
      [plan({})],
    );
    expect(line.savingsPlanCoveredHourly).toBe(0.6279);
  });
});

describe('Snapshot savingsPlanRates: bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-sp-rates-'));
  it.each([
    ['negative', -0.5, 'savingsPlanRates.offerings[0].usd: '],
    ['not a number', 'cheap', 'savingsPlanRates.offerings[0].usd: '],
  ])('a %s rate is one line naming the file and the field (exit 2)', async (what, usd, path) => {
    const p = join(dir, `${what}.json`);
    await writeSnapshot(p, fleet({ offerings: G5_OFFERS }));
    const raw = JSON.parse(readFileSync(p, 'utf8')) as { savingsPlanRates: { offerings: { usd: unknown }[] } };
    raw.savingsPlanRates.offerings[0]!.usd = usd;
    writeFileSync(p, JSON.stringify(raw));
    const err = await readSnapshot(p).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(`${p}: invalid snapshot: ${path}`);
    expect((err as UserError).message).not.toContain('\n');
  });

  it('a Snapshot saved before the field existed reads as none collected', async () => {
    const p = join(dir, 'old.json');
    await writeSnapshot(p, fleet(undefined));
    const raw = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
    delete raw['savingsPlanRates'];
    writeFileSync(p, JSON.stringify(raw));
    expect((await readSnapshot(p)).savingsPlanRates).toEqual({ offerings: [], bought: [] });
  });
});
