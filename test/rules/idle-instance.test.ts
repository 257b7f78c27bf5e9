import { describe, expect, it } from 'vitest';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

describe('idle-instance', () => {
  const matches: [string, InstanceShape][] = [
    ['quiet dev box', { type: 't3.xlarge', cpu: [1, 2, 5], netMBPerDay: 1 }],
    ['GPU box without GPU metrics, CPU and network idle', { type: 'g5.2xlarge', cpu: [0.5, 1, 3], netMBPerDay: 0.5 }],
  ];
  const misses: [string, InstanceShape][] = [
    ['busy CPU', { type: 'm5.large', cpu: [30, 60, 90], netMBPerDay: 1 }],
    ['low CPU but network traffic (a proxy)', { type: 'm5.large', cpu: [2, 4, 8], netMBPerDay: 800 }],
    ['no datapoints is not idle', { type: 'm5.large' }],
    ['only 2 days of data', { type: 'm5.large', cpu: [1, 2, 5], netMBPerDay: 1, days: 2 }],
    ['GPU box whose GPU metrics exist (GPU rules judge it)', { type: 'g5.xlarge', cpu: [1, 2, 5], netMBPerDay: 1, gpu: [[70, 10]] }],
    ['stopped', { type: 'm5.large', state: 'stopped', cpu: [1, 2, 5], netMBPerDay: 1 }],
  ];
  it.each(matches)('matches: %s', async (_, shape) => {
    const [f] = await findingsFor('idle-instance', instance(shape));
    expect(f?.action.kind).toBe('stop');
  });
  it.each(misses)('does not match: %s', async (_, shape) => {
    expect(await findingsFor('idle-instance', instance(shape))).toEqual([]);
  });
  it('prices t3.xlarge at $0.1664/h x 730 = $121.47', async () => {
    const [f] = await findingsFor('idle-instance', instance({ type: 't3.xlarge', cpu: [1, 2, 5], netMBPerDay: 1 }));
    expect(f?.monthlySavings).toBe(121.47);
  });
});
