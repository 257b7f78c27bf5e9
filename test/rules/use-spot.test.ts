import { describe, expect, it } from 'vitest';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { instance } from '../helpers/builders.js';
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
    expect(f?.tradeoff.after?.interruptionBand).toBe('unknown');
    expect(f?.tradeoff.performanceRisk).toBe('medium');
    expect(f?.evidence['interruptionTolerance']).toBe('Auto Scaling group workers');
  });

  it('matches a tagged training box and shows the saving as unknown without a spot quote', async () => {
    const [f] = await findingsOn('use-spot', { ec2Instances: [instance({ type: 'm5.2xlarge', ...busy, tags: { workload: 'training' } })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/no spot price collected/);
  });

  it('reads the interruption band from the shipped Spot Instance Advisor snapshot', async () => {
    const inst = { ...inAsg(instance({ type: 'm7i.xlarge', ...busy })), region: 'ap-east-2' };
    const [f] = await findingsOn('use-spot', { ec2Instances: [inst] });
    expect(f?.tradeoff.after?.interruptionBand).toBe('15-20%');
    expect(f?.tradeoff.performanceRisk).toBe('high');
  });
});
