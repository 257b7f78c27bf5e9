import { describe, expect, it } from 'vitest';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

describe('oversized-instance', () => {
  it('m5.4xlarge at 12% p95 CPU and 20% memory -> m5.xlarge', async () => {
    const [f] = await findingsFor('oversized-instance', instance({ type: 'm5.4xlarge', cpu: [6, 12, 25], mem: [14, 18, 20], netMBPerDay: 1000 }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'm5.4xlarge', to: 'm5.xlarge' });
    // (0.768 - 0.192) x 730 = 420.48
    expect(f?.monthlySavings).toBe(420.48);
    expect(f?.confidence).toBe('high');
    expect(f?.tradeoff.summary).toBe('vCPU 16 -> 4, mem 64 -> 16 GiB, p95 CPU 12% -> ~48%');
  });

  it('without memory metrics: medium confidence and says so', async () => {
    const [f] = await findingsFor('oversized-instance', instance({ type: 'c5.9xlarge', cpu: [5, 9, 31], netMBPerDay: 1000 }));
    expect(f?.action.to).toBe('c5.2xlarge');
    expect(f?.confidence).toBe('medium');
    expect(f?.tradeoff.summary).toContain('host memory not measured');
  });

  it('memory peak limits how far it shrinks', async () => {
    // 64 GiB x 45% / 0.8 = 36 GiB -> m5.4xlarge is the smallest with >= 36 GiB: no smaller size, no finding
    expect(await findingsFor('oversized-instance', instance({ type: 'm5.4xlarge', cpu: [5, 10, 20], mem: [40, 44, 45] }))).toEqual([]);
  });

  const misses: [string, InstanceShape][] = [
    ['busy CPU', { type: 'm5.4xlarge', cpu: [40, 70, 95], mem: [10, 15, 20] }],
    ['memory-bound', { type: 'r6i.2xlarge', cpu: [5, 9, 15], mem: [72, 80, 84] }],
    ['already the smallest size', { type: 'm5.large', cpu: [3, 8, 20], mem: [10, 10, 10] }],
    ['GPU instance (GPU rules judge it)', { type: 'g5.12xlarge', cpu: [3, 8, 20] }],
    ['too little data', { type: 'm5.4xlarge', cpu: [6, 12, 25], days: 1 }],
    ['unknown instance type', { type: 'zz9.mega', cpu: [6, 12, 25] }],
  ];
  it.each(misses)('does not match: %s', async (_, shape) => {
    expect(await findingsFor('oversized-instance', instance(shape))).toEqual([]);
  });
});
