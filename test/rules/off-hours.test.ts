import { describe, expect, it } from 'vitest';
import { profileFromHours } from '../../src/snapshot/hour-of-week.js';
import type { Ec2Instance, HourOfWeekProfile } from '../../src/snapshot/schema.js';
import { findingsFor, instance } from '../helpers/builders.js';

/** Busy Monday-Friday 08:00-20:00 UTC at `busy` percent, `quiet` percent otherwise; the listed hours without data. */
function officeProfile(busy: number, quiet: number, unobserved: number[] = []): HourOfWeekProfile {
  return profileFromHours(Array.from({ length: 168 }, (_, h) => (unobserved.includes(h) ? null : h < 120 && h % 24 >= 8 && h % 24 < 20 ? busy : quiet)));
}

function withProfile(inst: Ec2Instance, profile: HourOfWeekProfile): Ec2Instance {
  return { ...inst, metrics: { ...inst.metrics, cpu: { ...inst.metrics.cpu!, hourOfWeek: profile } } };
}

const devBox = () => instance({ type: 't3.xlarge', cpu: [12, 40, 60], netMBPerDay: 300 });

describe('off-hours', () => {
  const misses: [string, Ec2Instance][] = [
    ['busy at night too', withProfile(devBox(), officeProfile(40, 30))],
    ['idle all week (an idle-instance finding instead)', withProfile(devBox(), officeProfile(1, 1))],
    ['no hour-of-week profile', devBox()],
    ['a night hour without data is not idle', withProfile(devBox(), officeProfile(40, 1, [2]))],
    ['the last night hour of the week without data', withProfile(devBox(), officeProfile(40, 1, [167]))],
    ['a weekend stopped for a few hours (unobserved, its mean 0, is not idle)', withProfile(devBox(), officeProfile(40, 1, [130, 131, 132]))],
    ['in an Auto Scaling group', { ...withProfile(devBox(), officeProfile(40, 1)), membership: { autoScalingGroup: 'web' } }],
  ];
  it.each(misses)('does not match: %s', async (_, inst) => {
    expect(await findingsFor('off-hours', inst)).toEqual([]);
  });

  it('prices 108 off hours a week of t3.xlarge at 0.1664 x 108 x 730/168 = $78.09', async () => {
    const [f] = await findingsFor('off-hours', withProfile(devBox(), officeProfile(40, 1)));
    expect(f?.action.kind).toBe('schedule');
    expect(f?.monthlySavings).toBe(78.09);
    expect(f?.evidence).toMatchObject({ offHoursPerWeek: 108, metric: 'CPU' });
  });

  it('a working hour without data does not stop it: only off-hours must be observed', async () => {
    const [f] = await findingsFor('off-hours', withProfile(devBox(), officeProfile(40, 1, [10, 11])));
    expect(f?.evidence).toMatchObject({ offHoursPerWeek: 108, metric: 'CPU', maxOffHoursUtilPct: 1 });
  });

  it('a GPU box whose GPUs were unobserved an off-hour is not scheduled, even with its CPU idle then', async () => {
    const gpuBox = withProfile(instance({ type: 'g5.xlarge', cpu: [12, 40, 60], netMBPerDay: 300, gpu: [[60, 10]] }), officeProfile(40, 1));
    gpuBox.metrics.gpuUtilHourOfWeek = officeProfile(70, 0, [3]);
    expect(await findingsFor('off-hours', gpuBox)).toEqual([]);
  });

  it("judges a GPU box by its GPUs' profile, not its CPU (busy at night with data loading)", async () => {
    const gpuBox = withProfile(instance({ type: 'g5.xlarge', cpu: [12, 40, 60], netMBPerDay: 300, gpu: [[60, 10]] }), officeProfile(40, 30));
    gpuBox.metrics.gpuUtilHourOfWeek = officeProfile(70, 0);
    const [f] = await findingsFor('off-hours', gpuBox);
    expect(f?.evidence).toMatchObject({ offHoursPerWeek: 108, metric: 'GPU util', maxOffHoursUtilPct: 0 });
    gpuBox.metrics.gpuUtilHourOfWeek = officeProfile(70, 20);
    expect(await findingsFor('off-hours', gpuBox)).toEqual([]);
  });

  it('shifts the working day by the configured UTC offset', async () => {
    const { workingHours } = await import('../../src/engine/actions/schedule.js');
    expect(workingHours(8, 20, -5).has(13)).toBe(true);
    expect(workingHours(8, 20, -5).has(8)).toBe(false);
    expect(workingHours(8, 9, 1).has(7)).toBe(true);
  });
});
