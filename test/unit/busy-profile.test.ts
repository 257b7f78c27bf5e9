import { describe, expect, it } from 'vitest';
import { busyProfile, hasBusyProfile } from '../../src/engine/signals/ec2-usage.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { instance } from '../helpers/builders.js';

const flat = (v: number | null) => Array.from({ length: 168 }, () => v);

function withProfiles(profiles: { cpu?: (number | null)[]; gpu?: (number | null)[] }): Ec2Instance {
  const inst = instance({ type: 'g5.12xlarge', cpu: [10, 20, 30], gpu: [[50, 10], [50, 10]] });
  if (profiles.cpu) inst.metrics.cpu = { ...inst.metrics.cpu!, hourOfWeek: profiles.cpu };
  if (profiles.gpu) inst.metrics.gpuUtilHourOfWeek = profiles.gpu;
  return inst;
}

describe('busyProfile', () => {
  it('prefers the instance GPU profile (the mean the collector folded across GPUs) to CPU', () => {
    const gpu = flat(3).map((v, h) => (h === 7 ? null : v));
    const inst = withProfiles({ cpu: flat(40), gpu });
    expect(hasBusyProfile(inst)).toBe(true);
    expect(busyProfile(inst)).toEqual({ metric: 'GPU util', values: gpu });
  });

  it('falls back to CPU without a GPU profile', () => {
    const inst = withProfiles({ cpu: flat(40) });
    expect(hasBusyProfile(inst)).toBe(true);
    expect(busyProfile(inst)).toEqual({ metric: 'CPU', values: flat(40) });
  });

  it('a GPU profile of unobserved hours is still the GPU profile: unobserved is not idle, and not CPU either', () => {
    const inst = withProfiles({ cpu: flat(1), gpu: flat(null) });
    expect(busyProfile(inst)).toEqual({ metric: 'GPU util', values: flat(null) });
  });

  it('is undefined, and hasBusyProfile false, without any hour-of-week profile', () => {
    const inst = withProfiles({});
    expect(hasBusyProfile(inst)).toBe(false);
    expect(busyProfile(inst)).toBeUndefined();
  });
});
