import { describe, expect, it } from 'vitest';
import { eksAudit, eksGroup, gpuPod } from './eks-resources.js';

const groups = [eksGroup({ nodes: [{ type: 'g5.12xlarge', util: [10, 20], memMaxPct: 10, requested: 4 }], tags: { team: 'platform' } })];
type PodShape = Parameters<typeof gpuPod>[0];
const idle: PodShape = { requested: 2, util: [0.5, 1], memMaxPct: 1 };

const matches: [string, PodShape][] = [
  ['two GPUs requested, none used', idle],
  ['one GPU requested, none used', { ...idle, requested: 1 }],
];
const misses: [string, PodShape][] = [
  ['GPUs busy', { requested: 2, util: [40, 90], memMaxPct: 30 }],
  ['a model held in GPU memory', { ...idle, memMaxPct: 40 }],
  ['no GPU requested', { ...idle, requested: 0 }],
  ['no utilisation reported', { requested: 2 }],
  ['too little data (1 day)', { ...idle, days: 1 }],
];

describe('gpu-pod-idle', () => {
  it.each(matches)('matches: %s', async (_, shape) => {
    const [f] = (await eksAudit({ groups, pods: [gpuPod(shape)] }, ['gpu-pod-idle'])).findings;
    expect(f?.action.kind).toBe('stop');
    expect(f?.resource.type).toBe('eks-gpu-pod');
  });
  it.each(misses)('does not match: %s', async (_, shape) => {
    expect((await eksAudit({ groups, pods: [gpuPod(shape)] }, ['gpu-pod-idle'])).findings).toEqual([]);
  });
  it("saves the pod's share of its node: requested GPUs / node GPUs x node hourly x 730 h", async () => {
    const result = await eksAudit({ groups, pods: [gpuPod(idle)] }, ['gpu-pod-idle']);
    const [f] = result.findings;
    // g5.12xlarge $5.672/h, 4 GPUs: 2 GPUs = $2.836/h x 730 = $2,070.28.
    expect(f?.monthlySavings).toBe(2070.28);
    expect(f?.monthlyCost).toBe(2070.28);
    expect(f?.action.description).toBe('Stop pod research/trainer-0 in cluster ml, or drop its nvidia.com/gpu request of 2');
    // A pod's cost is a share of its node's EC2 cost: the total counts the node only.
    expect(result.totals.monthlyCost).toBe(4140.56);
  });
  it("attributes the pod to its namespace's team, else its node groups' team tag", async () => {
    const tagged = gpuPod({ ...idle, tags: { team: 'platform' } });
    const [byTag] = (await eksAudit({ groups, pods: [tagged] }, ['gpu-pod-idle'])).findings;
    expect(byTag?.resource.team).toBe('platform');
    const mapped = await eksAudit({ groups, pods: [tagged] }, ['gpu-pod-idle'], { config: { eks: { namespaceTeams: { research: 'vision' } } } });
    expect(mapped.findings[0]?.resource.team).toBe('vision');
    expect(mapped.breakdowns.byTeam['vision']?.monthlySavings).toBe(2070.28);
  });
  it('is not priced when the cluster has GPU nodes of different prices per GPU and the pod names no node', async () => {
    const mixed = [
      eksGroup({
        nodes: [
          { type: 'g5.12xlarge', requested: 4 },
          { type: 'g4dn.xlarge', requested: 1 },
        ],
      }),
    ];
    const [f] = (await eksAudit({ groups: mixed, pods: [gpuPod(idle)] }, ['gpu-pod-idle'])).findings;
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toContain('differ in price per GPU');
  });
  it('is priced at its own node when a series named it', async () => {
    const mixed = [
      eksGroup({
        nodes: [
          { type: 'g5.12xlarge', requested: 4 },
          { type: 'g4dn.xlarge', requested: 1, nodeName: 'ip-10-0-0-9.ec2.internal' },
        ],
      }),
    ];
    const [f] = (await eksAudit({ groups: mixed, pods: [gpuPod({ ...idle, requested: 1, nodeName: 'ip-10-0-0-9.ec2.internal' })] }, ['gpu-pod-idle'])).findings;
    // g4dn.xlarge $0.526/h, its one GPU: $383.98.
    expect(f?.monthlySavings).toBe(383.98);
  });
});
