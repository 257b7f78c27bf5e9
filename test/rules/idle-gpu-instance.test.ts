import { describe, expect, it } from 'vitest';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

const idle = (n: number): [number, number][] => Array.from({ length: n }, () => [0.5, 0.2]);

const matches: [string, InstanceShape][] = [
  ['8 idle A100s', { type: 'p4d.24xlarge', cpu: [1, 2, 4], gpu: idle(8) }],
  ['1 idle T4', { type: 'g4dn.xlarge', cpu: [1, 2, 4], gpu: idle(1) }],
];
const misses: [string, InstanceShape][] = [
  [
    'one GPU busy',
    {
      type: 'g4dn.12xlarge',
      cpu: [1, 2, 4],
      gpu: [
        [60, 10],
        [0, 0.1],
        [0, 0.1],
        [0, 0.1],
      ],
    },
  ],
  ['GPU memory held by a loaded model', { type: 'g4dn.xlarge', cpu: [1, 2, 4], gpu: [[0, 9]] }],
  ['too little data (1 day)', { type: 'p4d.24xlarge', cpu: [1, 2, 4], gpu: idle(8), days: 1 }],
  ['agent reports only some GPUs', { type: 'p4d.24xlarge', cpu: [1, 2, 4], gpu: idle(4) }],
  ['no GPU metrics at all', { type: 'p4d.24xlarge', cpu: [1, 2, 4] }],
  ['stopped', { type: 'p4d.24xlarge', state: 'stopped', cpu: [1, 2, 4], gpu: idle(8) }],
  ['CPU instance', { type: 'm5.large', cpu: [1, 2, 4] }],
];

describe('idle-gpu-instance', () => {
  it.each(matches)('matches: %s', async (_, shape) => {
    const [f] = await findingsFor('idle-gpu-instance', instance(shape));
    expect(f?.action.kind).toBe('stop');
    expect(f?.monthlySavings).toBe(f?.monthlyCost);
  });
  it.each(misses)('does not match: %s', async (_, shape) => {
    expect(await findingsFor('idle-gpu-instance', instance(shape))).toEqual([]);
  });
  it('prices the stop at the on-demand rate x 730 h', async () => {
    const [f] = await findingsFor('idle-gpu-instance', instance({ type: 'p4d.24xlarge', cpu: [1, 2, 4], gpu: idle(8) }));
    // p4d.24xlarge us-east-1 $21.957642/h (Pricing API 2026-07-20) x 730 = $16,029.08
    expect(f?.monthlySavings).toBe(16029.08);
    expect(f?.tradeoff.performanceRisk).toBe('low');
    expect(f?.tradeoff.summary).toContain('frees 8x A100');
  });
});
