import { describe, expect, it } from 'vitest';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

describe('previous-generation', () => {
  const misses: [string, InstanceShape][] = [
    ['current generation', { type: 'm7i.2xlarge', cpu: [30, 50, 70] }],
    ['g4dn: every successor costs more', { type: 'g4dn.xlarge', cpu: [30, 50, 70], gpu: [[60, 8]] }],
    ['GPU box without GPU metrics', { type: 'p3.2xlarge', cpu: [30, 50, 70] }],
    ['idle (stop it instead)', { type: 'm5.2xlarge', cpu: [1, 2, 4] }],
    ['GPU box whose GPUs are idle', { type: 'p3.2xlarge', cpu: [20, 30, 50], gpu: [[0, 0.2]] }],
    ['no datapoints', { type: 'm5.2xlarge' }],
  ];
  it.each(misses)('does not match: %s', async (_, shape) => {
    expect(await findingsFor('previous-generation', instance(shape))).toEqual([]);
  });

  const saves: [string, InstanceShape, string, number][] = [
    ['m5.2xlarge -> m6a.2xlarge: 280.32 - 252.29', { type: 'm5.2xlarge', cpu: [30, 50, 70] }, 'm6a.2xlarge', 28.03],
    ['t2.xlarge -> t3.xlarge: 135.49 - 121.47', { type: 't2.xlarge', cpu: [10, 20, 40] }, 't3.xlarge', 14.02],
    ['p3.2xlarge using 10 GiB -> g5.4xlarge: 2233.80 - 1185.52', { type: 'p3.2xlarge', cpu: [20, 30, 50], gpu: [[70, 10]] }, 'g5.4xlarge', 1048.28],
    [
      'p3.8xlarge needs 244 GiB host memory, so g5.12xlarge (192 GiB) is out -> g5.24xlarge: 8935.20 - 5945.12',
      {
        type: 'p3.8xlarge',
        cpu: [30, 50, 70],
        gpu: [
          [90, 15],
          [90, 15],
          [90, 15],
          [90, 15],
        ],
      },
      'g5.24xlarge',
      2990.08,
    ],
    [
      'p3.2xlarge using 20 GiB needs 25 GiB per GPU -> g6e.2xlarge: 2233.80 - 1636.72',
      { type: 'p3.2xlarge', cpu: [20, 30, 50], gpu: [[70, 20]] },
      'g6e.2xlarge',
      597.08,
    ],
  ];
  it.each(saves)('%s', async (_, shape, to, saving) => {
    const [f] = await findingsFor('previous-generation', instance(shape));
    expect(f?.action).toMatchObject({ kind: 'change-instance-type', from: shape.type, to });
    expect(f?.monthlySavings).toBe(saving);
  });

  it('never proposes less GPU memory than the observed peak', async () => {
    const [f] = await findingsFor('previous-generation', instance({ type: 'p3.2xlarge', cpu: [20, 30, 50], gpu: [[70, 15]] }));
    expect(f?.tradeoff.after?.gpuMemoryGiB).toBeGreaterThanOrEqual(15 / 0.8);
    expect(f?.tradeoff.summary).toMatch(/V100 -> /);
  });
});
