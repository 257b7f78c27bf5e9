import { describe, expect, it } from 'vitest';
import type { CapacityReservation } from '../../src/snapshot/types/capacity-reservation.js';
import { placed, reservation } from './capacity-resources.js';
import { findingsOn } from './resources.js';

// p5.48xlarge, us-east-1 on-demand: $55.04/h (src/catalog/data/ec2-ondemand-prices.json).
describe('unused-capacity-reservation', () => {
  const misses: [string, CapacityReservation][] = [
    ['fully used', reservation({ used: [2, 2] })],
    ['peak used every slot, even if the average is lower', reservation({ used: [1, 2] })],
    ['no metrics: not judged as empty', reservation({})],
    ['only 2 days observed', reservation({ used: [0, 0], days: 2 })],
    ['shared with this account: the owner pays', reservation({ used: [0, 0], shared: true, ownerId: '999988887777' })],
    ['a Capacity Block has its own rule', reservation({ used: [0, 0], reservationType: 'capacity-block' })],
    ['scheduled, not billing yet', reservation({ used: [0, 0], state: 'scheduled' })],
    [
      'committed for every slot until after the window: nothing can be released',
      reservation({ used: [0, 0], commitment: { committedInstanceCount: 2, commitmentEndDate: '2027-01-15T00:00:00.000Z' } }),
    ],
  ];
  it.each(misses)('does not match: %s', async (_, r) => {
    expect(await findingsOn('unused-capacity-reservation', { capacityReservations: [r] })).toEqual([]);
  });

  it('cancels an empty reservation of 2 x p5.48xlarge: 2 x $55.04 x 730 = $80,358.40', async () => {
    const [f] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ used: [0, 0] })] });
    expect(f?.action).toMatchObject({ kind: 'release-capacity', from: '2 x p5.48xlarge', to: 'cancelled' });
    expect(f?.action.description).toMatch(/^Cancel capacity reservation cr-0test/);
    expect(f?.monthlySavings).toBe(80358.4);
    expect(f?.monthlyCost).toBe(80358.4);
    expect(f?.evidence).toMatchObject({ unusedMonthlyCost: 80358.4, usedPeak: 0, onDemandOutside: 0 });
    expect(f?.severity).toBe('high');
  });

  it('modifies a half-used reservation of 4 down to its peak of 2: saving 2 x $55.04 x 730, empty slots cost 2.5 x rate', async () => {
    const [f] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ totalInstanceCount: 4, used: [1.5, 2] })] });
    expect(f?.action).toMatchObject({ from: '4 x p5.48xlarge', to: '2 x p5.48xlarge' });
    expect(f?.action.description).toMatch(/^Modify cr-0test from 4 to 2/);
    expect(f?.monthlySavings).toBe(80358.4);
    expect(f?.evidence).toMatchObject({ unusedAvg: 2.5, unusedMonthlyCost: 100448 });
    expect(f?.tradeoff.before?.gpus).toBe(32);
    expect(f?.tradeoff.after?.gpus).toBe(16);
  });

  it('committed until a date: shrinks to the committed count, saving only the slots above it (1 x $55.04 x 730 = $40,179.20)', async () => {
    const commitment = { committedInstanceCount: 3, commitmentEndDate: '2027-01-15T00:00:00.000Z' };
    const [f] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ totalInstanceCount: 4, used: [0.5, 1], commitment })] });
    expect(f?.action).toMatchObject({ from: '4 x p5.48xlarge', to: '3 x p5.48xlarge' });
    expect(f?.action.description).toBe('Modify cr-0test from 4 to 3 x p5.48xlarge in us-east-1a (committed until 2027-01-15: cannot cancel below 3 instances)');
    expect(f?.monthlySavings).toBe(40179.2);
    expect(f?.evidence).toMatchObject({ committedInstances: 3, commitmentEndDate: '2027-01-15T00:00:00.000Z', usedPeak: 1 });
  });

  it('a commitment that ended before the window’s end no longer holds: cancel', async () => {
    const commitment = { committedInstanceCount: 2, commitmentEndDate: '2026-11-01T00:00:00.000Z' };
    const [f] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ used: [0, 0], commitment })] });
    expect(f?.action).toMatchObject({ to: 'cancelled' });
    expect(f?.monthlySavings).toBe(80358.4);
    expect(f?.evidence).toMatchObject({ committedInstances: 0, commitmentEndDate: null });
  });

  it('says which account pays for the empty slots when UnusedReservationBillingOwnerId assigns them elsewhere', async () => {
    const [f] = await findingsOn('unused-capacity-reservation', {
      capacityReservations: [reservation({ used: [0, 0], unusedBillingOwnerId: '444455556666' })],
    });
    expect(f?.action.description).toMatch(/; its empty slots bill to account 444455556666 \(UnusedReservationBillingOwnerId\), which pays for them$/);
    expect(f?.evidence).toMatchObject({ unusedBilledTo: '444455556666' });
    const [own] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ used: [0, 0] })] });
    expect(own?.action.description).not.toMatch(/bill to account/);
    expect(own?.evidence).toMatchObject({ unusedBilledTo: '111122223333' });
  });

  it('says when on-demand instances of the same type and AZ ran outside it, and how (open vs targeted)', async () => {
    const beside = [placed('p5.48xlarge'), placed('p5.48xlarge', 'us-east-1b'), placed('p5.48xlarge', 'us-east-1a', { capacityReservationId: 'cr-other' })];
    const [open] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ used: [0, 0] })], ec2Instances: beside });
    expect(open?.evidence).toMatchObject({ onDemandOutside: 1, instanceMatchCriteria: 'open' });
    expect(open?.tradeoff.summary).toMatch(/1 on-demand p5\.48xlarge ran outside it in us-east-1a .*it is open/);
    const [targeted] = await findingsOn('unused-capacity-reservation', {
      capacityReservations: [reservation({ used: [0, 0], instanceMatchCriteria: 'targeted' })],
      ec2Instances: beside,
    });
    expect(targeted?.tradeoff.summary).toMatch(/it is targeted, so launch them with this reservation as their capacity reservation target/);
  });

  it('an instance type the catalog does not know is unpriced (null, with the reason), never $0', async () => {
    const [f] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ used: [0, 0], instanceType: 'p9.96xlarge' })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.monthlyCost).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/p9\.96xlarge/);
  });

  it('a Windows reservation is unpriced: the catalog holds Linux rates', async () => {
    const [f] = await findingsOn('unused-capacity-reservation', { capacityReservations: [reservation({ used: [0, 0], platform: 'Windows' })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/Windows/);
  });
});
