import { describe, expect, it } from 'vitest';
import type { Ec2Instance, SnapshotInput } from '../../src/snapshot/schema.js';
import { END, instance } from '../helpers/builders.js';
import { findingsOn } from './resources.js';

const steady = () => instance({ type: 'm5.2xlarge', cpu: [45, 70, 90], netMBPerDay: 9000 });
const reserved = (oneYear: number, threeYear: number): Partial<SnapshotInput> => ({
  prices: [
    {
      service: 'ec2',
      region: 'us-east-1',
      key: 'm5.2xlarge',
      term: 'reserved-1yr-no-upfront',
      usd: oneYear,
      unit: 'Hrs',
      source: 'AWS Pricing API',
      asOf: '2026-11-19',
    },
    {
      service: 'ec2',
      region: 'us-east-1',
      key: 'm5.2xlarge',
      term: 'reserved-3yr-no-upfront',
      usd: threeYear,
      unit: 'Hrs',
      source: 'AWS Pricing API',
      asOf: '2026-11-19',
    },
  ],
});
const ri = {
  id: 'ri-1',
  accountId: '111122223333',
  region: 'us-east-1',
  instanceType: 'm5.2xlarge',
  instanceCount: 1,
  scope: 'Region' as const,
  start: '2026-01-01T00:00:00Z',
  end: '2027-01-01T00:00:00Z',
  state: 'active',
};

describe('buy-commitment', () => {
  const misses: [string, Ec2Instance, Partial<SnapshotInput['resources']>][] = [
    ['covered by an active Reserved Instance', steady(), { reservedInstances: [ri] }],
    [
      'covered by a Compute Savings Plan',
      steady(),
      {
        savingsPlans: [
          {
            id: 'sp-1',
            accountId: '111122223333',
            type: 'Compute',
            commitmentPerHour: 5,
            start: '2026-01-01T00:00:00Z',
            end: '2029-01-01T00:00:00Z',
            state: 'active',
          },
        ],
      },
    ],
    ['ran 10 of 14 days', instance({ type: 'm5.2xlarge', cpu: [45, 70, 90], days: 10 }), {}],
    ['idle all along (stop it instead)', instance({ type: 'm5.2xlarge', cpu: [1, 2, 4], netMBPerDay: 1 }), {}],
    ['spot', instance({ type: 'm5.2xlarge', cpu: [45, 70, 90], lifecycle: 'spot' }), {}],
  ];
  it.each(misses)('does not match: %s', async (_, inst, extra) => {
    expect(await findingsOn('buy-commitment', { ec2Instances: [inst], ...extra }, reserved(0.242, 0.166))).toEqual([]);
  });

  it('an expired RI does not cover', async () => {
    const expired = { ...ri, end: new Date(END.getTime() - 86_400_000).toISOString(), state: 'retired' };
    expect(await findingsOn('buy-commitment', { ec2Instances: [steady()], reservedInstances: [expired] }, reserved(0.242, 0.166))).toHaveLength(1);
  });

  it('recommends 3-year for a box that never stopped: 280.32 - 121.18 = $159.14, break-even 15.6 of 36 months', async () => {
    const [f] = await findingsOn('buy-commitment', { ec2Instances: [steady()] }, reserved(0.242, 0.166));
    expect(f?.action).toMatchObject({ kind: 'buy-commitment', to: 'reserved-3yr-no-upfront' });
    expect(f?.monthlySavings).toBe(159.14);
    expect(f?.evidence['options']).toEqual([
      { term: 'reserved-1yr-no-upfront', hourly: 0.242, monthlySavings: 103.66, breakEvenMonths: 7.6 },
      { term: 'reserved-3yr-no-upfront', hourly: 0.166, monthlySavings: 159.14, breakEvenMonths: 15.6 },
    ]);
    expect(f?.tradeoff.performanceRisk).toBe('none');
  });

  it('without collected reserved prices the saving is unknown, never guessed', async () => {
    const [f] = await findingsOn('buy-commitment', { ec2Instances: [instance({ id: 'i-steady', type: 'i7i.2xlarge', cpu: [45, 70, 90], netMBPerDay: 9000 })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown).toHaveLength(2);
  });
});
