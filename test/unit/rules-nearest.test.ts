import { describe, expect, it } from 'vitest';
import { nearest } from '../../src/engine/rules/nearest.js';
import { editDistance } from '../../src/text/edit-distance.js';

describe('the nearest valid name to a typo', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('gpucuont', 'gpucount')).toBe(1);
    expect(editDistance('vcpu', 'vcpus')).toBe(1);
    expect(editDistance('cpumaxpct', 'cpup95pct')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest name, ignoring case, and nothing when none is close', () => {
    expect(nearest('gpuCuont', ['gpuCount', 'gpuModel', 'vcpu'])).toBe('gpuCount');
    expect(nearest('GPUCOUNT', ['gpuCount', 'gpuModel'])).toBe('gpuCount');
    expect(nearest('foo', ['vcpu', 'running'])).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});
