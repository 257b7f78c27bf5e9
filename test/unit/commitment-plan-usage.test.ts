import { describe, expect, it } from 'vitest';
import type { PlanLine } from '../../src/engine/plan/schema.js';
import type { AuditResult } from '../../src/engine/result.js';
import type { SageMakerTrainingJob } from '../../src/snapshot/schema.js';
import { audit, snapshotOf } from '../helpers/builders.js';
import { eksAudit, eksGroup, type NodeShape } from '../rules/eks-resources.js';
import { trainingJob } from '../rules/training-jobs.js';

/** Training jobs as plan usage (an average over the window), and EKS node-group findings applied to their nodes' usage. */
const line = (r: AuditResult, family: string): PlanLine => {
  const l = r.commitmentPlan?.accounts[0]?.lines.find((x) => x.family === family);
  if (!l) throw new Error(`no ${family} line`);
  return l;
};
const jobs = (...j: SageMakerTrainingJob[]) => snapshotOf({ sagemakerTrainingJobs: j });

describe('commitment plan: training jobs', () => {
  it('counts on-demand training as billed instance-hours / window hours at the Train rate, and leaves managed spot out', async () => {
    // 2 x ml.g5.2xlarge x 3 h = 6 instance-hours in 14 x 24 = 336 h: 0.017857 instances per hour x $1.515 = $0.0271/h.
    const r = await audit(jobs(trainingJob({ instanceCount: 2 }), trainingJob({ name: 'on-spot', managedSpot: true })), []);
    const l = line(r, 'ml.g5');
    expect(l.pool).toBe('sagemaker');
    expect(l.usage).toEqual([{ instanceType: 'ml.g5.2xlarge', use: 'training', count: 0.0179, onDemandHourly: 1.515 }]);
    expect(l.netHourly).toBe(0.0271);
    expect(r.commitmentPlan?.method).toContain('an average over the window, not a steady box');
  });

  it('keeps training apart from hosting of the same type: each its own use', async () => {
    const s = jobs(trainingJob({ instanceType: 'ml.m5.xlarge', billableTimeSeconds: 336 * 3600 }));
    s.resources.sagemakerEndpoints.push({
      name: 'ranker',
      accountId: '111122223333',
      region: 'us-east-1',
      status: 'InService',
      creationTime: s.scope.lookback.start,
      tags: {},
      variants: [{ name: 'v1', instanceType: 'ml.m5.xlarge', instanceCount: 1, serverless: false, metrics: {} }],
    });
    const l = line(await audit(s, []), 'ml.m5');
    expect(l.usage.map((u) => [u.use, u.count])).toEqual([
      ['hosting', 1],
      ['training', 1],
    ]);
  });

  it('a job moving to managed spot leaves the plan', async () => {
    const r = await audit(jobs(trainingJob({ instanceCount: 2, checkpointS3Uri: 's3://ckpt/run/' })), ['training-without-spot']);
    const l = line(r, 'ml.g5');
    expect(l.usage).toEqual([]);
    expect(l.netHourly).toBe(0);
    expect(l.netted).toEqual([
      { resourceId: 'train-test', ruleId: 'training-without-spot', effect: 'to train on managed spot, which commitments do not cover' },
    ]);
  });

  it('a dropped warm pool takes its retained hours out, the job’s own hours stay', async () => {
    // 3 h trained + 1.5 h retained = 4.5 h gross (0.013393/h); 3 h left (0.008929/h) x $1.515 = $0.0135/h.
    const job = trainingJob({ managedSpot: false, keepAlivePeriodSeconds: 5400, warmPool: { status: 'Terminated', retainedBillableSeconds: 5400 } });
    const r = await audit(jobs(job), ['unused-warm-pool']);
    const l = line(r, 'ml.g5');
    expect(l.grossHourly).toBe(0.0203);
    expect(l.netHourly).toBe(0.0135);
    expect(l.usage).toEqual([{ instanceType: 'ml.g5.2xlarge', use: 'training', count: 0.0089, onDemandHourly: 1.515 }]);
    expect(l.netted).toEqual([{ resourceId: 'train-test', ruleId: 'unused-warm-pool', effect: 'its warm pool to be dropped: the job’s own hours stay' }]);
  });

  it('a job downsized to fewer instances counts at its new size', async () => {
    const job = trainingJob({ instanceCount: 4, trainingTimeSeconds: 3 * 3600, billableTimeSeconds: 3 * 3600, gpu: [10, 15, 30] });
    const r = await audit(jobs(job), ['training-gpu-underused']);
    const f = r.findings[0];
    expect(f?.action.to).toMatch(/^1 x ml\.g5\.2xlarge$/);
    // 12 instance-hours / 336 = 0.035714 before; one instance of four: 0.008929.
    const l = line(r, 'ml.g5');
    expect(l.usage).toEqual([{ instanceType: 'ml.g5.2xlarge', use: 'training', count: 0.0089, onDemandHourly: 1.515 }]);
    expect(l.netted).toEqual([{ resourceId: 'train-test', ruleId: 'training-gpu-underused', effect: 'committed at its new size, 1 x ml.g5.2xlarge' }]);
  });
});

describe('commitment plan: EKS node groups', () => {
  const idleNode: NodeShape = { type: 'g5.12xlarge', util: [0.5, 1], memMaxPct: 1, requested: 0 };
  const oneGpuNode: NodeShape = { type: 'g5.12xlarge', util: [20, 40], memMaxPct: 10, requested: 1, cpuP95: 5 };

  it('a node the node-group finding stops is not committed to, though the EC2 instance has no finding of its own', async () => {
    const group = eksGroup({ nodes: [idleNode, oneGpuNode] });
    const r = await eksAudit({ groups: [group] }, ['idle-gpu-node']);
    expect(r.findings.map((f) => f.resource.type)).toEqual(['eks-node-group']);
    const idleId = group.group.nodes[0]?.instanceId ?? '';
    const l = line(r, 'g5');
    expect(l.usage).toEqual([{ instanceType: 'g5.12xlarge', use: 'instance', count: 1, onDemandHourly: expect.any(Number) as number }]);
    expect(l.netted).toEqual([{ resourceId: idleId, ruleId: 'idle-gpu-node', effect: 'to be stopped' }]);
  });

  it('nodes of a node group moved to a smaller type are committed at that type, once', async () => {
    const group = eksGroup({ nodes: [oneGpuNode, oneGpuNode] });
    const r = await eksAudit({ groups: [group] }, ['gpu-nodegroup-oversized']);
    const to = r.findings[0]?.action.to ?? '';
    expect(to).toMatch(/^g/);
    const counted = (r.commitmentPlan?.accounts[0]?.lines ?? []).flatMap((l) => l.usage.map((u) => [u.instanceType, u.count]));
    expect(counted).toEqual([[to, 2]]);
  });
});
