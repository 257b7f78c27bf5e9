import { describe, expect, it } from 'vitest';
import type { CapacityReservation } from '../../src/snapshot/types/capacity-reservation.js';
import { capacityBlock, placed } from './capacity-resources.js';
import { findingsOn } from './resources.js';

// p5.48xlarge, us-east-1 on-demand: $55.04/h.
describe('idle-capacity-block', () => {
  const misses: [string, CapacityReservation][] = [
    ['every slot in use', capacityBlock({ startedHoursAgo: 24, durationHours: 168, totalInstanceCount: 4, availableInstanceCount: 0 })],
    ['an On-Demand Capacity Reservation', capacityBlock({ startedHoursAgo: 24, durationHours: 168, reservationType: 'default' })],
    ['upcoming in 10 days: beyond the 7-day reminder', capacityBlock({ startedHoursAgo: -240, durationHours: 168 })],
    ['upcoming with an instance tag naming it', capacityBlock({ startedHoursAgo: -48, durationHours: 168, id: 'cr-0queued' })],
    ['upcoming with a launch template aimed at it', capacityBlock({ startedHoursAgo: -48, durationHours: 168, launchTemplates: ['p5-pretrain'] })],
    ['shared with this account', capacityBlock({ startedHoursAgo: 24, durationHours: 168, shared: true, ownerId: '999988887777' })],
  ];
  it.each(misses)('does not match: %s', async (_, r) => {
    const queued = placed('m5.large', 'us-east-1a', { state: 'stopped', tags: { 'capacity-block': 'cr-0queued' } });
    expect(await findingsOn('idle-capacity-block', { capacityReservations: [r], ec2Instances: [queued] })).toEqual([]);
  });

  it('half-used block with 100 h left and 3 on-demand p5 running: moving 2 saves 2 x $55.04 x 100 h = $11,008, high severity', async () => {
    const block = capacityBlock({ startedHoursAgo: 68, durationHours: 168, totalInstanceCount: 4, availableInstanceCount: 2 });
    const running = [
      placed('p5.48xlarge'),
      placed('p5.48xlarge', 'us-east-1b'),
      placed('p5.48xlarge', 'us-east-1c'),
      placed('p5.48xlarge', 'us-east-1a', { state: 'stopped' }),
    ];
    const [f] = await findingsOn('idle-capacity-block', { capacityReservations: [block], ec2Instances: running });
    expect(f?.action).toMatchObject({ kind: 'use-capacity-block', from: '2 of 4 slots empty', to: '2 on-demand moved in' });
    expect(f?.monthlySavings).toBe(11008);
    expect(f?.severity).toBe('high');
    expect(f?.evidence).toMatchObject({ emptySlots: 2, hoursLeft: 100, emptySlotHoursLeft: 200, onDemandSameTypeInRegion: 3 });
    expect(f?.action.description).toMatch(/^Launch the 2 on-demand p5\.48xlarge/);
  });

  it('saving is capped at a month of hours; nothing of that type on-demand: $0 saving, still reported', async () => {
    const long = capacityBlock({ startedHoursAgo: 1, durationHours: 1000, totalInstanceCount: 2, availableInstanceCount: 1 });
    const [f] = await findingsOn('idle-capacity-block', { capacityReservations: [long], ec2Instances: [placed('p5.48xlarge')] });
    expect(f?.monthlySavings).toBe(40179.2);
    const [none] = await findingsOn('idle-capacity-block', { capacityReservations: [long] });
    expect(none?.monthlySavings).toBe(0);
    expect(none?.action.description).toMatch(/^Launch queued work into Capacity Block/);
  });

  it.each([
    [100, 'high'],
    [48, 'medium'],
    [10, 'low'],
  ])('severity follows hours left: %i h -> %s', async (left, severity) => {
    const block = capacityBlock({ startedHoursAgo: 168 - left, durationHours: 168, availableInstanceCount: 1 });
    const [f] = await findingsOn('idle-capacity-block', { capacityReservations: [block] });
    expect(f?.severity).toBe(severity);
  });

  it('an upcoming block within 7 days with nothing queued for it is a low-severity reminder', async () => {
    const [f] = await findingsOn('idle-capacity-block', { capacityReservations: [capacityBlock({ startedHoursAgo: -48, durationHours: 24 })] });
    expect(f?.severity).toBe('low');
    expect(f?.action.description).toMatch(/starts in 48 h and nothing is queued for it/);
    expect(f?.monthlySavings).toBe(0);
  });

  it('an instance type the catalog does not know, with work to move: unpriced, never $0', async () => {
    const block = capacityBlock({ startedHoursAgo: 24, durationHours: 168, instanceType: 'p9.96xlarge', availableInstanceCount: 1 });
    const [f] = await findingsOn('idle-capacity-block', { capacityReservations: [block], ec2Instances: [placed('p9.96xlarge')] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/p9\.96xlarge/);
  });
});
