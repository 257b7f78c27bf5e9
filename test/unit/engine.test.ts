import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { compileCel, ruleEnvironment } from '../../src/engine/cel.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { filterFindings } from '../../src/engine/filter.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { audit, instance, snapshotOf, END } from '../helpers/builders.js';

const idleP4d = () =>
  instance({
    id: 'i-idle',
    type: 'p4d.24xlarge',
    cpu: [0.5, 1, 2],
    netMBPerDay: 0.5,
    gpu: Array.from({ length: 8 }, (): [number, number] => [0, 0.1]),
    tags: { team: 'research' },
  });
const underusedG4dn = () =>
  instance({
    id: 'i-under',
    type: 'g4dn.12xlarge',
    cpu: [3, 5, 10],
    // host memory measured, so the move may go down to g4dn.xlarge's 16 GiB
    mem: [2, 2.5, 3],
    netMBPerDay: 500,
    gpu: [
      [84, 11],
      [0, 0.1],
      [0, 0.1],
      [0, 0.1],
    ],
    tags: { Team: 'cv' },
  });
const oversizedM5 = () => instance({ id: 'i-big', type: 'm5.4xlarge', region: 'us-west-2', cpu: [6, 12, 25], mem: [14, 18, 20], netMBPerDay: 1000 });

describe('evaluate', () => {
  it('gives one finding per resource, sorted by saving, with totals and breakdowns', async () => {
    const result = await audit(snapshotOf({ ec2Instances: [oversizedM5(), idleP4d(), underusedG4dn()] }));
    expect(result.findings.map((f) => [f.resource.id, f.ruleId, f.monthlySavings])).toEqual([
      ['i-idle', 'idle-gpu-instance', 16029.08],
      ['i-under', 'gpu-underused', 2471.78],
      ['i-big', 'oversized-instance', 435.08],
    ]);
    // the sum of the rounded monthly costs: 16,029.08 + 2,855.76 + 560.64
    expect(result.totals).toEqual({ monthlyCost: 19445.48, monthlySavings: 18935.94, findingCount: 3, unpricedResources: 0 });
    expect(result.breakdowns.byCategory).toEqual({
      idle: { monthlySavings: 16029.08, findingCount: 1 },
      rightsize: { monthlySavings: 2906.86, findingCount: 2 },
    });
    expect(result.breakdowns.byTeam).toEqual({
      research: { monthlySavings: 16029.08, findingCount: 1 },
      cv: { monthlySavings: 2471.78, findingCount: 1 },
      '(untagged)': { monthlySavings: 435.08, findingCount: 1 },
    });
    expect(result.breakdowns.byRegion['us-west-2']).toEqual({ monthlySavings: 435.08, findingCount: 1 });
    expect(result.findings[0]?.id).toBe('idle-gpu-instance:111122223333:us-east-1:i-idle');
  });

  it('keeps stop over downsize on the same resource and records the alternative', async () => {
    // Idle on CPU and network, no GPU metrics: idle-instance (stop) and nothing else; add a
    // user rule that would downsize the same box to see the exclusion.
    const rules = await loadRules();
    const downsizeToo = rules.find((r) => r.spec.id === 'oversized-instance')!;
    const inst = instance({ id: 'i-both', type: 'm5.4xlarge', cpu: [1, 2, 4], mem: [5, 6, 7], netMBPerDay: 0.5 });
    const result = evaluate(snapshotOf({ ec2Instances: [inst] }), {
      rules: [downsizeToo, ...rules.filter((r) => r !== downsizeToo)],
      config: ConfigSchema.parse({}),
      now: END,
    });
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f?.action.kind).toBe('stop');
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(f?.evidence['alternatives']).toEqual([expect.objectContaining({ ruleId: 'oversized-instance', monthlySavings: expect.any(Number) })]);
  });

  it('shows an unknown price as null and warns, never as 0', async () => {
    // af-south-1: the embedded catalog prices p4d in the regions that sell it, and Cape Town is not one.
    const inst = instance({
      id: 'i-eu',
      type: 'p4d.24xlarge',
      region: 'af-south-1',
      cpu: [0.5, 1, 2],
      gpu: Array.from({ length: 8 }, (): [number, number] => [0, 0.1]),
    });
    const result = await audit(snapshotOf({ ec2Instances: [inst] }));
    expect(result.findings[0]?.monthlySavings).toBeNull();
    expect(result.findings[0]?.monthlyCost).toBeNull();
    expect(result.totals.unpricedResources).toBe(1);
    expect(result.warnings.map((w) => w.code)).toContain('price-unknown');
  });

  it('uses a live price collected into the snapshot over the embedded catalog', async () => {
    const inst = instance({ id: 'i-eu', type: 'm5.4xlarge', region: 'eu-west-1', cpu: [6, 12, 25], mem: [14, 18, 20], netMBPerDay: 1000 });
    const prices = ['m5.4xlarge', 'm5.xlarge'].map((key, i) => ({
      service: 'ec2' as const,
      region: 'eu-west-1',
      key,
      usd: i === 0 ? 0.856 : 0.214,
      unit: 'Hrs',
      source: 'AWS Pricing API GetProducts',
      asOf: '2026-11-19',
    }));
    const [f] = (await audit(snapshotOf({ ec2Instances: [inst] }, { prices }))).findings;
    // The live m5.4xlarge price against the cheapest fitting type: m5a.xlarge's embedded, dated eu-west-1
    // price ($0.192, AWS's feed of 2025-04-04) is below the live m5.xlarge one ($0.214): (0.856 - 0.192) x 730.
    expect(f?.monthlySavings).toBe(484.72);
    expect(f?.action.to).toBe('m5a.xlarge');
    expect(f?.pricing.prices[0]?.source).toContain('eu-west-1 price from the AWS Pricing API');
  });

  it('prices spot instances at the collected spot price', async () => {
    const inst = instance({ id: 'i-spot', type: 'g5.xlarge', lifecycle: 'spot', cpu: [0.5, 1, 2], gpu: [[0, 0.1]] });
    const spotPrices = [
      { region: 'us-east-1', instanceType: 'g5.xlarge', availabilityZone: 'us-east-1a', usdPerHour: 0.4, timestamp: '2026-11-19T00:00:00Z' },
      { region: 'us-east-1', instanceType: 'g5.xlarge', availabilityZone: 'us-east-1b', usdPerHour: 0.5, timestamp: '2026-11-19T00:00:00Z' },
    ];
    const [f] = (await audit(snapshotOf({ ec2Instances: [inst] }, { spotPrices }))).findings;
    expect(f?.monthlySavings).toBe(328.5); // mean 0.45 x 730
  });

  it('turns a rule that fails at run time on some resources into a warning, not a crash or a silent pass', async () => {
    const rules = await loadRules();
    const broken = { ...rules[0]!, when: compileCel(ruleEnvironment(), 'signals.running && signals.memMaxPctt > 50.0') };
    const stopped = instance({ id: 'i-stopped', type: 'm5.large', state: 'stopped' }); // `false && …` never reaches the bad key
    const result = evaluate(snapshotOf({ ec2Instances: [oversizedM5(), stopped] }), { rules: [broken], config: ConfigSchema.parse({}), now: END });
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'rule-error', message: expect.stringContaining('on 1 resource(s); first: ') })]);
    expect(result.warnings[0]?.message).toContain('No such key: memMaxPctt');
  });

  it('a rule that fails on every resource it applies to is an error naming the rule and the first error', async () => {
    const rules = await loadRules();
    const broken = { ...rules[0]!, when: compileCel(ruleEnvironment(), 'signals.running && signals.memMaxPctt > 50.0') };
    expect(() => evaluate(snapshotOf({ ec2Instances: [oversizedM5()] }), { rules: [broken], config: ConfigSchema.parse({}), now: END })).toThrow(
      new RegExp(`^rule ${broken.spec.id} failed on every resource it applies to \\(1\\); first error: .*No such key: memMaxPctt`),
    );
  });

  it('filters by severity and minimum saving and recomputes totals', async () => {
    const result = await audit(snapshotOf({ ec2Instances: [oversizedM5(), idleP4d(), underusedG4dn()] }));
    const high = filterFindings(result, { severity: 'high' });
    expect(high.findings.map((f) => f.ruleId)).toEqual(['idle-gpu-instance', 'gpu-underused']);
    expect(high.totals.monthlySavings).toBe(18500.86);
    const big = filterFindings(result, { minSavings: 3000 });
    expect(big.totals).toMatchObject({ findingCount: 1, monthlySavings: 16029.08, monthlyCost: result.totals.monthlyCost });
  });
});
