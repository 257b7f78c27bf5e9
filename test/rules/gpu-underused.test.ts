import { describe, expect, it } from 'vitest';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

const oneOf = (n: number, util = 84, mem = 11): [number, number][] => [[util, mem], ...Array.from({ length: n - 1 }, (): [number, number] => [0, 0.2])];

describe('gpu-underused', () => {
  it('g4dn.12xlarge using one T4 -> g4dn.xlarge, with the trade-off line', async () => {
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: oneOf(4, 84, 11) }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'g4dn.12xlarge', to: 'g4dn.xlarge' });
    // (3.912 - 0.526) $/h x 730 h = $2,471.78
    expect(f?.monthlySavings).toBe(2471.78);
    expect(f?.tradeoff.summary).toContain('GPUs 4 -> 1, GPU mem 64 -> 16 GiB');
    expect(f?.tradeoff.summary).toContain('p95 GPU util 21% -> ~84%');
    expect(f?.tradeoff.after?.gpus).toBe(1);
  });

  it('keeps enough vCPU for the observed CPU peak', async () => {
    // 48 vCPU x 30% p95 / 0.8 = 18 vCPU -> g4dn.8xlarge (32 vCPU) is the smallest 1-GPU size that fits
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [20, 30, 50], gpu: oneOf(4) }));
    expect(f?.action.to).toBe('g4dn.8xlarge');
  });

  it('p5.48xlarge using one H100 -> p5.4xlarge', async () => {
    const [f] = await findingsFor('gpu-underused', instance({ type: 'p5.48xlarge', cpu: [2, 4, 8], gpu: oneOf(8, 78, 61) }));
    expect(f?.action.to).toBe('p5.4xlarge');
    // (55.04 - 6.88) x 730 = 35,156.80
    expect(f?.monthlySavings).toBe(35156.8);
  });

  const misses: [string, InstanceShape][] = [
    ['all GPUs busy', { type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: Array.from({ length: 4 }, (): [number, number] => [80, 12]) }],
    ['all GPUs idle (idle-gpu-instance handles it)', { type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: oneOf(4, 0, 0.1) }],
    ['single-GPU instance', { type: 'g5.xlarge', cpu: [3, 5, 10], gpu: [[50, 10]] }],
    [
      'no smaller size fits two GPUs in g6e (4 -> 4)',
      {
        type: 'g6e.12xlarge',
        cpu: [3, 5, 10],
        gpu: [
          [60, 30],
          [60, 30],
          [0, 0.2],
          [0, 0.2],
        ],
      },
    ],
    ['p4d has no smaller size', { type: 'p4d.24xlarge', cpu: [3, 5, 10], gpu: oneOf(8) }],
    ['too little data', { type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: oneOf(4), days: 2 }],
  ];
  it.each(misses)('no finding: %s', async (_, shape) => {
    expect(await findingsFor('gpu-underused', instance(shape))).toEqual([]);
  });
});
