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

describe('idle-gpu-instance on Neuron boxes (NeuronCores count as the accelerators)', () => {
  it('finds an idle trn1.32xlarge like an idle p4d: all 32 NeuronCores idle, stop priced, text says NeuronCore', async () => {
    const [f] = await findingsFor('idle-gpu-instance', instance({ type: 'trn1.32xlarge', cpu: [1, 2, 4], gpu: idle(32) }));
    expect(f?.action.kind).toBe('stop');
    expect(f?.monthlySavings).toBe(f?.monthlyCost);
    expect(f?.monthlySavings).toBeGreaterThan(0);
    expect(f?.problem).toContain('All 32 Trainium NeuronCore(s) idle');
    expect(f?.problem).not.toContain('GPU');
    expect(f?.tradeoff.summary).toContain('frees 32 Trainium NeuronCores');
  });
  it('does not flag a Neuron box whose cores report only in part (16 of 32): missing data is not idle', async () => {
    expect(await findingsFor('idle-gpu-instance', instance({ type: 'trn1.32xlarge', cpu: [1, 2, 4], gpu: idle(16) }))).toEqual([]);
  });
  it('does not flag an inf2 whose model holds device memory on a core (loaded, waiting for traffic)', async () => {
    // inf2.xlarge: 2 NeuronCores of 16 GiB each; 4 GiB held is 25% of a core's share.
    expect(
      await findingsFor(
        'idle-gpu-instance',
        instance({
          type: 'inf2.xlarge',
          cpu: [1, 2, 4],
          gpu: [
            [0, 4],
            [0, 0],
          ],
        }),
      ),
    ).toEqual([]);
  });
  it('does not flag a Neuron box without NeuronCore metrics', async () => {
    expect(await findingsFor('idle-gpu-instance', instance({ type: 'inf2.xlarge', cpu: [1, 2, 4] }))).toEqual([]);
  });
});
