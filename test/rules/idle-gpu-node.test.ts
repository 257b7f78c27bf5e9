import { describe, expect, it } from 'vitest';
import { eksAudit, eksGroup, type NodeShape } from './eks-resources.js';

const idle: NodeShape = { type: 'g5.12xlarge', util: [0.5, 1], memMaxPct: 1, requested: 0 };
const busy: NodeShape = { type: 'g5.12xlarge', util: [60, 90], memMaxPct: 40, requested: 4 };

const matches: [string, NodeShape[]][] = [
  ['one idle node beside a busy one', [busy, idle]],
  ['every node idle', [idle, idle]],
];
const misses: [string, NodeShape[]][] = [
  ['a pod requested a GPU though it sat idle', [{ ...idle, requested: 1 }]],
  ['GPUs busy', [busy]],
  ['GPU memory held', [{ ...idle, memMaxPct: 30 }]],
  ['no Container Insights GPU metrics', [{ type: 'g5.12xlarge' }]],
  ['request count never reported', [{ type: 'g5.12xlarge', util: [0.5, 1], memMaxPct: 1 }]],
  ['too little data (1 day)', [{ ...idle, days: 1 }]],
  ['node stopped', [{ ...idle, state: 'stopped' }]],
  ['CPU node group', [{ type: 'm5.xlarge', util: [0, 0], memMaxPct: 0, requested: 0 }]],
];

describe('idle-gpu-node', () => {
  it.each(matches)('matches: %s', async (_, nodes) => {
    const [f] = (await eksAudit({ groups: [eksGroup({ nodes })] }, ['idle-gpu-node'])).findings;
    expect(f?.action.kind).toBe('stop');
    expect(f?.resource.type).toBe('eks-node-group');
  });
  it.each(misses)('does not match: %s', async (_, nodes) => {
    expect((await eksAudit({ groups: [eksGroup({ nodes })] }, ['idle-gpu-node'])).findings).toEqual([]);
  });
  it("saves the idle nodes' EC2 cost, scaling the group down by their number", async () => {
    const result = await eksAudit({ groups: [eksGroup({ nodes: [busy, idle, idle], scaling: { minSize: 3, maxSize: 6, desiredSize: 3 } })] }, [
      'idle-gpu-node',
    ]);
    const [f] = result.findings;
    // g5.12xlarge us-east-1 $5.672/h x 730 h = $4,140.56 per idle node, two idle nodes.
    expect(f?.monthlySavings).toBe(8281.12);
    expect(f?.monthlyCost).toBe(12421.68);
    expect(f?.action.description).toBe('Scale node group gpu in cluster ml from 3 to 1 node(s) (lower its minimum size from 3 to 1)');
    expect(f?.tradeoff.summary).toContain('frees 8x A10G on 2 node(s)');
    // The node group's cost is its EC2 nodes' cost: the audit's total counts it once.
    expect(result.totals.monthlyCost).toBe(12421.68);
  });
  it('tells Karpenter users to consolidate', async () => {
    const [f] = (await eksAudit({ groups: [eksGroup({ nodes: [idle], managedBy: 'karpenter', name: 'gpu-pool' })] }, ['idle-gpu-node'])).findings;
    expect(f?.action.description).toContain('Let Karpenter consolidate 1 idle GPU node(s) of NodePool gpu-pool');
    expect(f?.monthlySavings).toBe(4140.56);
  });
  it('follows its params', async () => {
    const nodes = [{ ...idle, util: [4, 6] as [number, number] }];
    const groups = [eksGroup({ nodes })];
    expect((await eksAudit({ groups }, ['idle-gpu-node'])).findings).toEqual([]);
    const loose = await eksAudit({ groups }, ['idle-gpu-node'], { params: { 'idle-gpu-node': { maxGpuUtilPct: 5 } } });
    expect(loose.findings).toHaveLength(1);
  });
});

describe('idle-gpu-node on Trainium / Inferentia nodes (NeuronCores count as the accelerators)', () => {
  const idleTrn: NodeShape = { type: 'trn1.32xlarge', neuronUtil: [0.2, 0.5], neuronMemBytes: 0 };
  const neuronMisses: [string, NodeShape[]][] = [
    ['NeuronCores busy', [{ ...idleTrn, neuronUtil: [40, 80] }]],
    ['device memory held: a model is loaded (100 GiB of 512)', [{ ...idleTrn, neuronMemBytes: 100 * 2 ** 30 }]],
    ['no Container Insights Neuron metrics', [{ type: 'trn1.32xlarge' }]],
    ['too little data (1 day)', [{ ...idleTrn, days: 1 }]],
    ['GPU metrics on a Neuron node are not Neuron metrics', [{ type: 'trn1.32xlarge', util: [0, 0], memMaxPct: 0, requested: 0 }]],
  ];
  it('an idle trn1 node is found on utilisation alone (no NeuronCore request metric exists), and says so', async () => {
    const [f] = (await eksAudit({ groups: [eksGroup({ name: 'trn', nodes: [idleTrn] })] }, ['idle-gpu-node'])).findings;
    expect(f?.ruleId).toBe('idle-gpu-node');
    // trn1.32xlarge us-east-1 $21.50/h x 730 h
    expect(f?.monthlySavings).toBe(15695);
    expect(f?.problem).toContain('some had no NeuronCore work over the window (busiest node p95 NeuronCore util 0.2%)');
    expect(f?.tradeoff.summary).toContain('frees 32x Trainium NeuronCore on 1 node(s) with ~0 NeuronCore utilisation and device memory');
    expect(f?.tradeoff.summary).toContain('judged on utilisation alone');
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence['idleNodes']).toEqual([expect.objectContaining({ requestMetric: 'none published for NeuronCores' })]);
  });
  it('tells Karpenter users to consolidate the idle Trainium nodes', async () => {
    const [f] = (await eksAudit({ groups: [eksGroup({ nodes: [idleTrn], managedBy: 'karpenter', name: 'trn-pool' })] }, ['idle-gpu-node'])).findings;
    expect(f?.action.description).toContain('Let Karpenter consolidate 1 idle Trainium node(s) of NodePool trn-pool');
  });
  it.each(neuronMisses)('does not match: %s', async (_, nodes) => {
    expect((await eksAudit({ groups: [eksGroup({ nodes })] }, ['idle-gpu-node'])).findings).toEqual([]);
  });
});
