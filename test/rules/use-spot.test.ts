import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { END, instance, snapshotOf } from '../helpers/builders.js';
import { findingsOn } from './resources.js';

const busy = { cpu: [40, 70, 90] as [number, number, number], netMBPerDay: 5000 };
const inAsg = (i: Ec2Instance): Ec2Instance => ({ ...i, membership: { autoScalingGroup: 'workers' } });
const spotQuote = (usd: number) => ({ spotPrices: [{ region: 'us-east-1', instanceType: 'm5.2xlarge', usdPerHour: usd, timestamp: '2026-11-19T00:00:00Z' }] });

describe('use-spot', () => {
  const misses: [string, Ec2Instance][] = [
    ['stateful single instance without a tag', instance({ type: 'm5.2xlarge', ...busy })],
    ['already spot', inAsg(instance({ type: 'm5.2xlarge', lifecycle: 'spot', ...busy }))],
    ['tagged but too little data', instance({ type: 'm5.2xlarge', ...busy, days: 2, tags: { workload: 'batch' } })],
    ['a tag that does not say so', instance({ type: 'm5.2xlarge', ...busy, tags: { workload: 'database' } })],
  ];
  it.each(misses)('does not match: %s', async (_, inst) => {
    expect(await findingsOn('use-spot', { ec2Instances: [inst] }, spotQuote(0.12))).toEqual([]);
  });

  it('prices an Auto Scaling worker at (0.384 - 0.12) x 730 = $192.72 from the collected spot price', async () => {
    const [f] = await findingsOn('use-spot', { ec2Instances: [inAsg(instance({ type: 'm5.2xlarge', ...busy }))] }, spotQuote(0.12));
    expect(f?.action).toMatchObject({ kind: 'use-spot', from: 'on-demand', to: 'spot' });
    expect(f?.monthlySavings).toBe(192.72);
    expect(f?.confidence).toBe('medium');
    expect(f?.pricing.method).toMatch(/collected spot/);
    expect(f?.evidence['spotPriceBasis']).toBe('collected');
    // m5.2xlarge in us-east-1: Spot Instance Advisor band index 4 (>20%), typical saving 64%.
    expect(f?.tradeoff.after?.interruptionBand).toBe('>20%');
    expect(f?.tradeoff.performanceRisk).toBe('high');
    expect(f?.evidence['interruptionTolerance']).toBe('Auto Scaling group workers');
  });

  // Without a collected quote: saving = on-demand x 730 x the Advisor's typical saving, at low confidence.
  const fallback: [string, Ec2Instance, number, string, 'low' | 'medium' | 'high'][] = [
    // m5.2xlarge us-east-1: 0.384 x 730 x 64% = $179.40
    ['m5.2xlarge tagged training in us-east-1', instance({ type: 'm5.2xlarge', ...busy, tags: { workload: 'training' } }), 179.4, '>20%', 'high'],
    // g6.12xlarge us-west-2: 4.6016 x 730 x 49% = $1,645.99
    [
      'g6.12xlarge training in us-west-2',
      { ...instance({ type: 'g6.12xlarge', ...busy, tags: { workload: 'training' } }), region: 'us-west-2' },
      1645.99,
      '15-20%',
      'high',
    ],
    // g5.2xlarge us-east-2: 1.212 x 730 x 67% = $592.79
    [
      'g5.2xlarge in an Auto Scaling group in us-east-2',
      { ...inAsg(instance({ type: 'g5.2xlarge', ...busy })), region: 'us-east-2' },
      592.79,
      '10-15%',
      'high',
    ],
    // p5.48xlarge us-east-1: 55.04 x 730 x 57% = $22,902.14, band <5%
    ['p5.48xlarge tagged batch in us-east-1', instance({ type: 'p5.48xlarge', ...busy, tags: { workload: 'batch' } }), 22902.14, '<5%', 'low'],
  ];
  it.each(fallback)('falls back to the Advisor typical saving: %s', async (_, inst, saving, band, risk) => {
    const [f] = await findingsOn('use-spot', { ec2Instances: [inst] });
    expect(f?.monthlySavings).toBe(saving);
    expect(f?.confidence).toBe('low');
    expect(f?.tradeoff.after?.interruptionBand).toBe(band);
    expect(f?.tradeoff.performanceRisk).toBe(risk);
    expect(f?.evidence['spotPriceBasis']).toBe('spot-advisor-typical-saving');
    expect(f?.pricing.method).toMatch(/typical Spot saving \(Spot Instance Advisor\).*no spot price was collected/);
    expect(f?.pricing.prices[1]?.item).toMatch(/Advisor typical saving/);
    expect(f?.pricing.prices[1]?.source).toMatch(/spot-advisor-data\.json/);
    expect(f?.pricing.prices[1]?.asOf).toBe('2026-08-10');
    expect(f?.pricing.unknown).toBeUndefined();
  });

  it('keeps the saving unknown (null, never 0) when neither a quote nor Advisor data covers the type and region', async () => {
    const inst = { ...instance({ type: 'm5.2xlarge', ...busy, tags: { workload: 'training' } }), region: 'us-west-1' };
    const [f] = await findingsOn('use-spot', { ec2Instances: [inst] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.confidence).toBe('low');
    expect(f?.tradeoff.after?.interruptionBand).toBe('unknown');
    expect(f?.pricing.unknown?.join(' ')).toMatch(/no spot price collected/);
  });

  it('reads the interruption band from the shipped Spot Instance Advisor snapshot', async () => {
    const inst = { ...inAsg(instance({ type: 'm7i.xlarge', ...busy })), region: 'ap-east-2' };
    const [f] = await findingsOn('use-spot', { ec2Instances: [inst] });
    expect(f?.tradeoff.after?.interruptionBand).toBe('15-20%');
    expect(f?.tradeoff.performanceRisk).toBe('high');
  });

  describe('spot sanity: a collected price below 10% of on-demand or above it is not used', () => {
    const worker = () => inAsg(instance({ type: 'm5.2xlarge', ...busy }));
    it.each([
      ['$0.00001/h (what an emulator returns)', 0.00001, /\$0\.00001\/h for m5\.2xlarge in us-east-1 is below 10% of on-demand \(\$0\.384\/h\)/],
      ['$0.5/h, above on-demand', 0.5, /\$0\.5\/h for m5\.2xlarge in us-east-1 is above on-demand/],
    ])('%s: falls back to the Advisor and warns', async (_, usd, why) => {
      const advisorOnly = (await findingsOn('use-spot', { ec2Instances: [worker()] }))[0];
      const snapshot = snapshotOf({ ec2Instances: [worker()] }, spotQuote(usd));
      const rules = (await loadRules()).filter((r) => r.spec.id === 'use-spot');
      const result = evaluate(snapshot, { rules, config: ConfigSchema.parse({}), now: END });
      const [f] = result.findings;
      expect(f?.monthlySavings).toBe(advisorOnly?.monthlySavings);
      expect(f?.monthlySavings).not.toBeNull();
      expect(f?.confidence).toBe('low');
      expect(f?.evidence['spotPriceBasis']).toBe('spot-advisor-typical-saving');
      expect(f?.evidence['distrustedSpotPrice']).toMatch(why);
      expect(f?.pricing.method).toMatch(/collected spot price was not used/);
      const warning = result.warnings.find((w) => w.code === 'price-distrusted');
      expect(warning?.message).toMatch(why);
      expect(warning?.message).toMatch(/\(1 finding\(s\)\)$/);
    });

    it('uses a quote at 13% of on-demand', async () => {
      const [f] = await findingsOn('use-spot', { ec2Instances: [worker()] }, spotQuote(0.05));
      expect(f?.evidence['spotPriceBasis']).toBe('collected');
      // (0.384 - 0.05) x 730 = 280.32 - 36.50
      expect(f?.monthlySavings).toBe(243.82);
      expect(f?.evidence['distrustedSpotPrice']).toBeUndefined();
    });
  });
});
