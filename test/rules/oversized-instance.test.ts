import { describe, expect, it } from 'vitest';
import { findingsFor, instance, type InstanceShape } from '../helpers/builders.js';

describe('oversized-instance', () => {
  it('m5.4xlarge at 12% p95 CPU and 20% memory -> the cheapest 4 vCPU / 16 GiB type, m5a.xlarge (AMD)', async () => {
    const [f] = await findingsFor('oversized-instance', instance({ type: 'm5.4xlarge', cpu: [6, 12, 25], mem: [14, 18, 20], netMBPerDay: 1000 }));
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'm5.4xlarge', to: 'm5a.xlarge' });
    // 560.64 - 125.56 ($0.172/h x 730)
    expect(f?.monthlySavings).toBe(435.08);
    expect(f?.confidence).toBe('high');
    expect(f?.tradeoff.summary).toBe('vCPU 16 -> 4, mem 64 -> 16 GiB, p95 CPU 12% -> ~48%; network baseline 5 -> 1.25 Gbps (peak used <0.01 Gbps)');
  });

  it('pinned to the same family: m5.4xlarge -> m5.xlarge', async () => {
    const shape = instance({ type: 'm5.4xlarge', cpu: [6, 12, 25], mem: [14, 18, 20], netMBPerDay: 1000 });
    const [f] = await findingsFor('oversized-instance', shape, { sameFamilyOnly: true });
    expect(f?.action.to).toBe('m5.xlarge');
    // (0.768 - 0.192) x 730 = 420.48
    expect(f?.monthlySavings).toBe(420.48);
  });

  it('without memory metrics: keeps the memory per vCPU, medium confidence and says so', async () => {
    // 36 vCPU x 9% / 0.8 = 4.05 vCPU -> 8 vCPU; 2 GiB per vCPU -> 8.1 GiB: c6a.2xlarge ($0.306/h) under c5.2xlarge ($0.34/h)
    const [f] = await findingsFor('oversized-instance', instance({ type: 'c5.9xlarge', cpu: [5, 9, 31], netMBPerDay: 1000 }));
    expect(f?.action.to).toBe('c6a.2xlarge');
    // (1.53 - 0.306) x 730 = 893.52
    expect(f?.monthlySavings).toBe(893.52);
    expect(f?.confidence).toBe('medium');
    expect(f?.tradeoff.summary).toContain('memory not measured: install the CloudWatch agent (kept its memory per vCPU needed)');
    expect(f?.tradeoff.performanceRisk).toBe('medium');
  });

  it('memory peak limits the move: 36 GiB needed -> a memory-optimised type', async () => {
    // 64 GiB x 45% / 0.8 = 36 GiB; 16 vCPU x 10% / 0.8 = 2 vCPU -> r5a.2xlarge (8 vCPU, 64 GiB, $0.452/h)
    const [f] = await findingsFor('oversized-instance', instance({ type: 'm5.4xlarge', cpu: [5, 10, 20], mem: [40, 44, 45] }));
    expect(f?.action.to).toBe('r5a.2xlarge');
    expect(f?.tradeoff.after?.memoryGiB).toBeGreaterThanOrEqual(36);
  });

  it('pinned to the family, a memory peak that no smaller size holds gives no finding', async () => {
    const shape = instance({ type: 'm5.4xlarge', cpu: [5, 10, 20], mem: [40, 44, 45] });
    expect(await findingsFor('oversized-instance', shape, { sameFamilyOnly: true })).toEqual([]);
  });

  it('never proposes a burstable t-type or a Graviton type by default', async () => {
    const [f] = await findingsFor('oversized-instance', instance({ type: 'm5.large', cpu: [3, 8, 20], mem: [10, 10, 10] }));
    expect(f?.action.to).not.toMatch(/^t\d|^[a-z]+\dg/);
  });

  const misses: [string, InstanceShape][] = [
    ['busy CPU', { type: 'm5.4xlarge', cpu: [40, 70, 95], mem: [10, 15, 20] }],
    ['memory-bound', { type: 'r6i.2xlarge', cpu: [5, 9, 15], mem: [72, 80, 84] }],
    ['nothing cheaper fits', { type: 'c7a.medium', cpu: [3, 8, 20], mem: [10, 10, 10] }],
    ['GPU instance (GPU rules judge it)', { type: 'g5.12xlarge', cpu: [3, 8, 20] }],
    ['too little data', { type: 'm5.4xlarge', cpu: [6, 12, 25], days: 1 }],
    ['unknown instance type', { type: 'zz9.mega', cpu: [6, 12, 25] }],
  ];
  it.each(misses)('does not match: %s', async (_, shape) => {
    expect(await findingsFor('oversized-instance', instance(shape))).toEqual([]);
  });
});
