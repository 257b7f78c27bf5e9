import { describe, expect, it } from 'vitest';
import { gpus, rng } from '../../scripts/synthetic.js';
import { WINDOW } from '../helpers/builders.js';
import { eksAudit, eksGroup, type NodeShape } from '../rules/eks-resources.js';

/** An EKS node group whose nodes' instances also report the CloudWatch agent's nvidia_smi metrics, so EC2 rules fire on them too. */
function groupWithAgent(nodes: NodeShape[], perNodeGpuUtil: number[][]) {
  const built = eksGroup({ nodes });
  built.instances.forEach((inst, i) => {
    inst.metrics.gpus = gpus(
      WINDOW,
      (perNodeGpuUtil[i] ?? []).map((utilP95) => ({ utilP95, memMiB: utilP95 > 0 ? 8 * 1024 : 10 })),
      22.4 * 1024,
      rng(i + 1),
    );
  });
  return built;
}

const idleNode: NodeShape = { type: 'g5.12xlarge', util: [0.5, 1], memMaxPct: 1, requested: 0 };
const oneGpuNode: NodeShape = { type: 'g5.12xlarge', util: [20, 40], memMaxPct: 10, requested: 1, cpuP95: 5 };

describe('one finding per resource: EKS findings take the place of their nodes’ EC2 findings', () => {
  it('an idle node is found once, as the node group’s, and its saving counted once', async () => {
    const group = groupWithAgent([idleNode], [[0, 0, 0, 0]]);
    const ec2Only = await eksAudit({ groups: [group] }, ['idle-gpu-instance']);
    // Without the EKS rule the instance's own finding stands: the test below can fail.
    expect(ec2Only.findings.map((f) => f.ruleId)).toEqual(['idle-gpu-instance']);
    expect(ec2Only.totals.monthlySavings).toBe(4140.56);

    const both = await eksAudit({ groups: [group] }, ['idle-gpu-instance', 'idle-gpu-node']);
    expect(both.findings.map((f) => `${f.ruleId} ${f.resource.type}`)).toEqual(['idle-gpu-node eks-node-group']);
    expect(both.totals.monthlySavings).toBe(4140.56);
    expect(both.totals.findingCount).toBe(1);
    expect(both.findings[0]?.evidence['supersedes']).toEqual([
      { ruleId: 'idle-gpu-instance', resourceId: group.group.nodes[0]!.instanceId, monthlySavings: 4140.56 },
    ]);
  });

  it('a node group moved to a smaller type replaces its nodes’ gpu-underused findings', async () => {
    const group = groupWithAgent(
      [oneGpuNode, oneGpuNode],
      [
        [40, 0, 0, 0],
        [40, 0, 0, 0],
      ],
    );
    const ec2Only = await eksAudit({ groups: [group] }, ['gpu-underused']);
    expect(ec2Only.findings.map((f) => f.ruleId)).toEqual(['gpu-underused', 'gpu-underused']);
    const both = await eksAudit({ groups: [group] }, ['gpu-underused', 'gpu-nodegroup-oversized']);
    expect(both.findings.map((f) => f.ruleId)).toEqual(['gpu-nodegroup-oversized']);
    expect(both.totals.monthlySavings).toBe(both.findings[0]?.monthlySavings);
  });

  it('leaves EC2 findings of nodes the EKS move does not touch', async () => {
    // Only the second node is idle; the busy first node keeps its own (gpu-underused) finding.
    const group = groupWithAgent(
      [{ ...oneGpuNode, requested: 1 }, idleNode],
      [
        [40, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    );
    const result = await eksAudit({ groups: [group] }, ['gpu-underused', 'idle-gpu-instance', 'idle-gpu-node']);
    expect(result.findings.map((f) => `${f.ruleId} ${f.resource.id}`).sort()).toEqual(
      [`gpu-underused ${group.group.nodes[0]!.instanceId}`, `idle-gpu-node ml/gpu`].sort(),
    );
  });
});
