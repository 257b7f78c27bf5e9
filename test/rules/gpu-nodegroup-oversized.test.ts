import { describe, expect, it } from 'vitest';
import { instanceSpec } from '../../src/catalog/index.js';
import { eksAudit, eksGroup, type NodeShape } from './eks-resources.js';

// Pods ask for one GPU per node and use 10% of the node's 89.6 GiB GPU memory (9 GiB): a one-GPU type fits.
const oneGpuUsed: NodeShape = { type: 'g5.12xlarge', util: [20, 40], memMaxPct: 10, requested: 1, cpuP95: 5 };

const matches: [string, NodeShape[]][] = [
  ['one of four GPUs requested', [oneGpuUsed, oneGpuUsed]],
  ['every GPU requested, little memory used', [{ type: 'g5.xlarge', util: [30, 60], memMaxPct: 20, requested: 1, cpuP95: 10 }]],
];
const misses: [string, NodeShape[]][] = [
  ['every GPU requested and memory used', [{ type: 'g5.12xlarge', util: [70, 95], memMaxPct: 80, requested: 4 }]],
  ['no GPU requested (idle-gpu-node applies)', [{ ...oneGpuUsed, requested: 0 }]],
  ['no Container Insights GPU metrics', [{ type: 'g5.12xlarge' }]],
  ['too little data (1 day)', [{ ...oneGpuUsed, days: 1 }]],
  ['CPU node group', [{ type: 'm5.4xlarge', util: [0, 0], memMaxPct: 0, requested: 1 }]],
  // No NeuronCore request metric exists: what the pods need per node is unknown, so there is nothing to fit.
  ['Trainium node group, NeuronCores half used', [{ type: 'trn1.32xlarge', neuronUtil: [40, 60], neuronMemBytes: 2 ** 30 }]],
];

describe('gpu-nodegroup-oversized', () => {
  it.each(matches)('matches: %s', async (_, nodes) => {
    const [f] = (await eksAudit({ groups: [eksGroup({ nodes })] }, ['gpu-nodegroup-oversized'])).findings;
    expect(f?.action.kind).toBe('downsize');
    expect(f?.resource.type).toBe('eks-node-group');
  });
  it.each(misses)('does not match: %s', async (_, nodes) => {
    expect((await eksAudit({ groups: [eksGroup({ nodes })] }, ['gpu-nodegroup-oversized'])).findings).toEqual([]);
  });
  it('moves every node to the cheapest type that fits, through the EC2 fitting function', async () => {
    const [f] = (await eksAudit({ groups: [eksGroup({ nodes: [oneGpuUsed, oneGpuUsed] })] }, ['gpu-nodegroup-oversized'])).findings;
    // Need: 1 GPU, 9 GiB / 0.8 headroom per GPU, 2.4 / 0.8 vCPU: g6.xlarge ($0.8048/h) is the cheapest fit.
    expect(f?.action.from).toBe('g5.12xlarge');
    expect(f?.action.to).toBe('g6.xlarge');
    // Nodes now: 2 x $5.672 x 730 h = $8,281.12; proposed: 2 x $0.8048 x 730 h = $1,175.01; saving $7,106.11.
    expect(f?.monthlySavings).toBe(7106.11);
    expect(f?.tradeoff.summary).toContain('GPUs 4 -> 1');
  });
  it('keeps the same family when the rule pins it', async () => {
    const [f] = (
      await eksAudit({ groups: [eksGroup({ nodes: [oneGpuUsed] })] }, ['gpu-nodegroup-oversized'], {
        params: { 'gpu-nodegroup-oversized': { sameFamilyOnly: true } },
      })
    ).findings;
    expect(f?.action.to).toBe('g5.xlarge');
    // ($5.672 - $1.006) x 730 = $3,406.18.
    expect(f?.monthlySavings).toBe(3406.18);
  });
  it('leaves the saving unknown for a spot node group', async () => {
    const [f] = (await eksAudit({ groups: [eksGroup({ nodes: [oneGpuUsed], capacityType: 'SPOT' })] }, ['gpu-nodegroup-oversized'])).findings;
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.join(' ')).toContain('runs on spot');
  });
});

describe('gpu-nodegroup-oversized keeps what the nodes rely on', () => {
  it('a node with EFA attached stays on an EFA type; the trade-off names the store and network change', async () => {
    const plain = (await eksAudit({ groups: [eksGroup({ nodes: [oneGpuUsed, oneGpuUsed] })] }, ['gpu-nodegroup-oversized'])).findings[0];
    const efa = (await eksAudit({ groups: [eksGroup({ nodes: [{ ...oneGpuUsed, efaAttached: true }, oneGpuUsed] })] }, ['gpu-nodegroup-oversized']))
      .findings[0];
    expect(instanceSpec(plain?.action.to ?? '')?.efa).toBe(false);
    expect(instanceSpec(efa?.action.to ?? '')?.efa).toBe(true);
    expect(efa?.tradeoff.summary).toContain('stays on EFA');
    expect(plain?.tradeoff.summary).toMatch(/instance store 3800 -> \d+ GB: check the scratch data fits/);
  });
});
