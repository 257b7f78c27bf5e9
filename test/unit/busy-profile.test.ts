import { describe, expect, it } from 'vitest';
import { busyMetric, busyProfile, hasBusyProfile } from '../../src/engine/signals/ec2-usage.js';
import { profileFromHours } from '../../src/snapshot/hour-of-week.js';
import type { Ec2Instance, HourOfWeekProfile } from '../../src/snapshot/schema.js';
import { instance } from '../helpers/builders.js';

const flat = (v: number | null) => profileFromHours(Array.from({ length: 168 }, () => v));

function withProfiles(profiles: { cpu?: HourOfWeekProfile; gpu?: HourOfWeekProfile }): Ec2Instance {
  const inst = instance({
    type: 'g5.12xlarge',
    cpu: [10, 20, 30],
    gpu: [
      [50, 10],
      [50, 10],
    ],
  });
  if (profiles.cpu) inst.metrics.cpu = { ...inst.metrics.cpu!, hourOfWeek: profiles.cpu };
  if (profiles.gpu) inst.metrics.gpuUtilHourOfWeek = profiles.gpu;
  return inst;
}

describe('busyProfile', () => {
  it('prefers the instance GPU profile (the mean the collector folded across GPUs) to CPU', () => {
    const gpu = profileFromHours(Array.from({ length: 168 }, (_, h) => (h === 7 ? null : 3)));
    const inst = withProfiles({ cpu: flat(40), gpu });
    expect(hasBusyProfile(inst)).toBe(true);
    expect(busyMetric(inst)).toBe('GPU util');
    expect(busyProfile(inst)).toBe(gpu);
  });

  it('falls back to CPU without a GPU profile', () => {
    const cpu = flat(40);
    const inst = withProfiles({ cpu });
    expect(hasBusyProfile(inst)).toBe(true);
    expect(busyMetric(inst)).toBe('CPU');
    expect(busyProfile(inst)).toBe(cpu);
  });

  it('a GPU profile of unobserved hours is still the GPU profile: unobserved is not idle, and not CPU either', () => {
    const gpu = flat(null);
    const inst = withProfiles({ cpu: flat(1), gpu });
    expect(busyMetric(inst)).toBe('GPU util');
    expect(busyProfile(inst)).toBe(gpu);
    expect(gpu.unobserved).toHaveLength(168);
  });

  it('is undefined, and hasBusyProfile false, without any hour-of-week profile', () => {
    const inst = withProfiles({});
    expect(hasBusyProfile(inst)).toBe(false);
    expect(busyMetric(inst)).toBeUndefined();
    expect(busyProfile(inst)).toBeUndefined();
  });
});
