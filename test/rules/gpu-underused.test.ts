import { describe, expect, it } from 'vitest';
import { instanceSpec } from '../../src/catalog/index.js';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

const oneOf = (n: number, util = 84, mem = 11): [number, number][] => [[util, mem], ...Array.from({ length: n - 1 }, (): [number, number] => [0, 0.2])];

describe('gpu-underused', () => {
  it('g4dn.12xlarge using one T4 -> g4dn.xlarge, with the trade-off line', async () => {
    // Host memory measured: 192 GiB x 3% / 0.8 = 7.2 GiB fits the 16 GiB of g4dn.xlarge.
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], mem: [2, 2.5, 3], gpu: oneOf(4, 84, 11) }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'g4dn.12xlarge', to: 'g4dn.xlarge' });
    // (3.912 - 0.526) $/h x 730 h = $2,471.78
    expect(f?.monthlySavings).toBe(2471.78);
    expect(f?.tradeoff.summary).toContain('GPUs 4 -> 1, GPU mem 64 -> 16 GiB');
    expect(f?.tradeoff.summary).toContain('p95 GPU util 21% -> ~84%');
    expect(f?.tradeoff.after?.gpus).toBe(1);
  });

  it('keeps enough vCPU for the observed CPU peak, across families', async () => {
    // 48 vCPU x 30% p95 / 0.8 = 18 vCPU: 32-vCPU one-GPU sizes fit; an L4 (g6.8xlarge, $2.0144/h) does T4 work cheaper than g4dn.8xlarge ($2.176/h)
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [20, 30, 50], gpu: oneOf(4) }));
    expect(f?.action.to).toBe('g6.8xlarge');
    // 2,855.76 - 1,470.51 (each month rounded to cents)
    expect(f?.monthlySavings).toBe(1385.25);
    expect(f?.tradeoff.summary).toContain('GPU T4 -> L4 (FP16/INT8 tensor cores -> FP16/BF16/FP8 tensor cores)');
    expect(f?.tradeoff.performanceRisk).toBe('medium');
  });

  it('the p3.8xlarge that only used GPU 0 moves to one current-generation GPU with 16 vCPU (issue 13)', async () => {
    // 32 vCPU x 22% / 0.8 = 8.8 vCPU -> 16 vCPU; 11 GiB / 0.8 = 13.75 GiB per GPU; V100 work fits L4.
    // p3.2xlarge (8 vCPU) is CPU-tight; g6.4xlarge ($1.3232/h) is the cheapest that fits, below g5.4xlarge ($1.624/h).
    const [f] = await findingsFor('gpu-underused', instance({ type: 'p3.8xlarge', cpu: [12, 22, 40], gpu: oneOf(4, 60, 11) }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'p3.8xlarge', to: 'g6.4xlarge' });
    // (12.24 - 1.3232) x 730 = 7,969.26
    expect(f?.monthlySavings).toBe(7969.26);
    expect(f?.action.description).toContain('Change');
    expect(f?.tradeoff.summary).toContain('GPU V100 -> L4');
    expect(f?.tradeoff.summary).toContain('GPUs 4 -> 1');
    expect(f?.tradeoff.summary).toContain('vCPU 32 -> 16');
  });

  it('a rule param pins the move to the same family', async () => {
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [20, 30, 50], gpu: oneOf(4) }), { sameFamilyOnly: true });
    expect(f?.action.to).toBe('g4dn.8xlarge');
  });

  it('moves x86 work to Graviton only when the rule allows it', async () => {
    const shape = instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], mem: [2, 2.5, 3], gpu: oneOf(4, 84, 11) });
    // g5g.xlarge (one T4g, 4 vCPU, arm64, $0.42/h) has no instance store: the 900 GB NVMe must be given up explicitly.
    const [f] = await findingsFor('gpu-underused', shape, { allowGraviton: true, allowDropInstanceStore: true });
    // (3.912 - 0.42) x 730 = 2,549.16
    expect(f?.action.to).toBe('g5g.xlarge');
    expect(f?.monthlySavings).toBe(2549.16);
  });

  it('keeps the local instance store: a move to a type without one is excluded unless the rule allows it, then named as the risk', async () => {
    const shape = instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], mem: [2, 2.5, 3], gpu: oneOf(4, 84, 11) });
    const [kept] = await findingsFor('gpu-underused', shape, { allowGraviton: true });
    expect(kept?.action.to).toBe('g4dn.xlarge');
    expect(kept?.tradeoff.summary).toContain('instance store 900 -> 125 GB: check the scratch data fits');
    const [dropped] = await findingsFor('gpu-underused', shape, { allowGraviton: true, allowDropInstanceStore: true });
    expect(dropped?.tradeoff.summary).toContain('no instance store (was 900 GB local NVMe): move scratch data to EBS or FSx first');
    expect(dropped?.tradeoff.performanceRisk).toBe('medium');
  });

  it('multi-node training on EFA stays on an EFA type', async () => {
    const shape = { ...instance({ type: 'p4d.24xlarge', cpu: [3, 5, 10], mem: [1, 1, 2], gpu: oneOf(8) }), efaAttached: true };
    const [f] = await findingsFor('gpu-underused', shape);
    // g6e.2xlarge (the pick without EFA) has none; g6e.8xlarge (1 L40S, EFA, $4.52856/h) is the cheapest that fits and keeps it.
    expect(f?.action.to).toBe('g6e.8xlarge');
    expect(instanceSpec(f?.action.to ?? '')?.efa).toBe(true);
    expect(f?.tradeoff.summary).toContain('stays on EFA');
  });

  it('keeps the network bandwidth the box used: the candidate baseline holds the peak with headroom', async () => {
    // 20 TB a day in + out (1.85 Gbps on average); the builder draws 5-minute sums whose peak is several times that.
    const shape = instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], mem: [2, 2.5, 3], gpu: oneOf(4, 84, 11), netMBPerDay: 20_000_000 });
    const [f] = await findingsFor('gpu-underused', shape);
    const peak = f?.evidence['networkPeakGbps'] as number;
    expect(peak).toBeGreaterThan(5); // above g4dn.xlarge's 5 Gbps baseline
    expect(f?.action.to).not.toBe('g4dn.xlarge');
    expect(instanceSpec(f?.action.to ?? '')?.network?.baselineGbps).toBeGreaterThanOrEqual(peak / 0.8);
    expect(f?.tradeoff.summary).toMatch(/network baseline 50 -> \d+ Gbps \(peak used [\d.]+ Gbps\)/);
  });

  it('memory not measured: keeps the host memory per GPU in use, says so and raises the risk', async () => {
    // 192 GiB / 4 GPUs = 48 GiB for the one GPU in use: g4dn.xlarge (16 GiB) no longer fits; g4dn.4xlarge (64 GiB, $1.204/h) does.
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: oneOf(4, 84, 11) }));
    expect(f?.action.to).toBe('g4dn.4xlarge');
    // (3.912 - 1.204) x 730 = 1,976.84
    expect(f?.monthlySavings).toBe(1976.84);
    expect(f?.tradeoff.summary).toContain('memory not measured: install the CloudWatch agent (kept its memory per accelerator in use)');
    expect(f?.tradeoff.performanceRisk).toBe('medium');
    expect(f?.confidence).toBe('medium');
  });

  it('memory not measured, keepMemoryWhenUnmeasured: the new type keeps all 192 GiB', async () => {
    const [f] = await findingsFor('gpu-underused', instance({ type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: oneOf(4, 84, 11) }), {
      keepMemoryWhenUnmeasured: true,
    });
    expect(f?.tradeoff.after?.memoryGiB).toBeGreaterThanOrEqual(192);
    expect(f?.tradeoff.summary).toContain('(kept all its memory)');
  });

  it('never moves to a less capable GPU: V100 work does not go to a T4', async () => {
    const [f] = await findingsFor('gpu-underused', instance({ type: 'p3.8xlarge', cpu: [12, 22, 40], gpu: oneOf(4, 60, 11) }));
    expect(f?.tradeoff.after?.gpuModel).not.toBe('T4');
  });

  it('training on several NVLink GPUs stays on an NVLink type', async () => {
    // two of eight A100s busy on a p4d: nothing smaller with NVLink is cheaper, so no move
    const two: [number, number][] = [[80, 30], [80, 30], ...Array.from({ length: 6 }, (): [number, number] => [0, 0.2])];
    expect(await findingsFor('gpu-underused', instance({ type: 'p4d.24xlarge', cpu: [3, 5, 10], gpu: two }))).toEqual([]);
  });

  it('one busy A100 on a p4d moves to one L40S (no NVLink needed for one GPU)', async () => {
    // 96 vCPU x 5% / 0.8 = 6 vCPU -> g6e.2xlarge (8 vCPU, 48 GB L40S), (21.957642 - 2.24208) x 730 = 14,392.36
    // 1,152 GiB x 2% / 0.8 = 28.8 GiB of host memory measured
    const [f] = await findingsFor('gpu-underused', instance({ type: 'p4d.24xlarge', cpu: [3, 5, 10], mem: [1, 1, 2], gpu: oneOf(8) }));
    expect(f?.action.to).toBe('g6e.2xlarge');
    expect(f?.monthlySavings).toBe(14392.36);
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
    ['too little data', { type: 'g4dn.12xlarge', cpu: [3, 5, 10], gpu: oneOf(4), days: 2 }],
  ];
  it.each(misses)('no finding: %s', async (_, shape) => {
    expect(await findingsFor('gpu-underused', instance(shape))).toEqual([]);
  });
});

describe('gpu-underused on Neuron boxes (NeuronCores count as the accelerators)', () => {
  const twoOf32: [number, number][] = [[80, 10], [78, 10], ...Array.from({ length: 30 }, (): [number, number] => [0, 0])];
  it('trn1.32xlarge using 2 of its 32 NeuronCores -> trn1.2xlarge, same Trainium device, text in NeuronCores', async () => {
    const [f] = await findingsFor('gpu-underused', instance({ type: 'trn1.32xlarge', cpu: [2, 3, 6], gpu: twoOf32 }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'trn1.32xlarge', to: 'trn1.2xlarge' });
    // trn1.32xlarge $21.50/h x 730 = 15,695.00; trn1.2xlarge $1.34375/h x 730 = 980.94
    expect(f?.monthlySavings).toBe(14714.06);
    expect(f?.problem).toContain('Uses 2 of 32 Trainium NeuronCores');
    expect(f?.problem).not.toContain('GPU');
    expect(f?.tradeoff.summary).toContain('NeuronCores 32 -> 2');
    expect(f?.tradeoff.summary).not.toContain('GPU');
  });
  it('never proposes a GPU or another Neuron device for Neuron work', async () => {
    const [f] = await findingsFor(
      'gpu-underused',
      instance({ type: 'inf2.48xlarge', cpu: [2, 3, 6], gpu: [[70, 8], ...Array.from({ length: 23 }, (): [number, number] => [0, 0])] }),
    );
    expect(f?.action.to).toMatch(/^inf2\./);
  });
});
