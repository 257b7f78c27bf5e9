import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectUsage } from '../../src/collect/run.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { expectDeniedIsOneWarning, startCapacityStandIn, type CapacityStandIn } from './support/capacity-stand-in.js';
import { listTrainingPlans, sagemakerAccessDenied, type RecordedTrainingPlan } from './support/training-plans-aws.js';

/**
 * SageMaker training plans end to end over the wire: moto_server 5.2.1 has no ListTrainingPlans,
 * so the loopback proxy answers it as AWS does (two pages, awsJson 1.1) and forwards every other
 * call to moto. The real SDK client and paginator run; the rule is asserted on what came back.
 */
const ACCOUNT = '123456789012';
const HOUR = 3_600_000;
const NOW = new Date(Math.floor(Date.now() / HOUR) * HOUR);
const epoch = (hours: number) => (NOW.getTime() + hours * HOUR) / 1000;
const arn = (name: string) => `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-plan/${name}`;

const plan = (name: string, fields: Partial<RecordedTrainingPlan>): RecordedTrainingPlan => ({
  TrainingPlanArn: arn(name),
  TrainingPlanName: name,
  Status: 'Active',
  StartTime: epoch(-20),
  EndTime: epoch(80),
  DurationHours: 100,
  DurationMinutes: 0,
  UpfrontFee: '50000.00',
  CurrencyCode: 'USD',
  TotalInstanceCount: 4,
  AvailableInstanceCount: 2,
  InUseInstanceCount: 2,
  TargetResources: ['training-job'],
  ReservedCapacitySummaries: [
    {
      ReservedCapacityArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:reserved-capacity/${name}-rc`,
      InstanceType: 'ml.p5.48xlarge',
      TotalInstanceCount: 4,
      Status: 'Active',
      AvailabilityZone: 'us-east-1a',
      DurationHours: 100,
      StartTime: epoch(-20),
      EndTime: epoch(80),
    },
  ],
  ...fields,
});
const HALF_EMPTY = plan('llm-pretrain', {});
const FULL = plan('full-plan', { AvailableInstanceCount: 0, InUseInstanceCount: 4 });
const LATER = plan('later-plan', { Status: 'Scheduled', StartTime: epoch(48), EndTime: epoch(148) });

let standIn: CapacityStandIn;
let snapshot: Snapshot;
let usage: CollectUsage;

beforeAll(async () => {
  standIn = await startCapacityStandIn({ now: NOW, answers: { 'SageMaker.ListTrainingPlans': listTrainingPlans([[HALF_EMPTY, FULL], [LATER]]) } });
  ({ snapshot, usage } = await standIn.collect());
}, 180_000);

afterAll(async () => {
  await standIn.stop();
});

describe('SageMaker training plans collected over the wire', () => {
  it('pages ListTrainingPlans in the region with the NextToken AWS sent', () => {
    const calls = standIn.proxy.answered.filter((c) => c.action === 'SageMaker.ListTrainingPlans');
    expect(calls.map((c) => [c.region, c.json?.['NextToken'] ?? null])).toEqual([
      ['us-east-1', null],
      ['us-east-1', '1'],
    ]);
    expect(usage.apiCalls['sagemaker:ListTrainingPlans']).toBe(2);
  });

  it('keeps every plan with its fields parsed: fee as a number, times as ISO, the reserved capacity', () => {
    const list = snapshot.resources.sagemakerTrainingPlans;
    expect(list.map((p) => [p.name, p.status])).toEqual([
      ['llm-pretrain', 'Active'],
      ['full-plan', 'Active'],
      ['later-plan', 'Scheduled'],
    ]);
    expect(list[0]).toMatchObject({
      arn: arn('llm-pretrain'),
      accountId: ACCOUNT,
      region: 'us-east-1',
      upfrontFee: 50000,
      currencyCode: 'USD',
      durationHours: 100,
      totalInstanceCount: 4,
      availableInstanceCount: 2,
      inUseInstanceCount: 2,
      endTime: new Date(epoch(80) * 1000).toISOString(),
      targetResources: ['training-job'],
      reservedCapacities: [{ instanceType: 'ml.p5.48xlarge', totalInstanceCount: 4, status: 'Active', availabilityZone: 'us-east-1a' }],
    });
  });

  it('finds the half-empty plan only: 2 of 4 empty for 80 h, $20,000 of the fee already paid, saving a known $0', async () => {
    const result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}), now: NOW });
    const found = result.findings.filter((f) => f.resource.type === 'sagemaker-training-plan');
    expect(found.map((f) => [f.resource.id, f.ruleId])).toEqual([['llm-pretrain', 'unused-training-plan']]);
    expect(found[0]).toMatchObject({ ruleId: 'unused-training-plan', action: { kind: 'use-capacity-block' }, monthlySavings: 0, severity: 'high' });
    expect(found[0]?.evidence).toMatchObject({ availableInstances: 2, hoursLeft: 80, unusedPaidUsd: 20000 });
  });

  it('the printed IAM policy includes sagemaker:ListTrainingPlans', () => {
    expect(minimalPolicy().Statement[0]?.Action).toContain('sagemaker:ListTrainingPlans');
  });

  it('denied: one warning naming the API and the region, everything else still collected; exit 3 only under --strict', async () => {
    await expectDeniedIsOneWarning(standIn, {
      action: 'SageMaker.ListTrainingPlans',
      error: sagemakerAccessDenied('ListTrainingPlans'),
      service: 'sagemaker',
      message: /could not read SageMaker training plans \(ListTrainingPlans\) \(AccessDeniedException/,
      list: (s) => s.resources.sagemakerTrainingPlans,
      result: (r) => {
        expect(r.findings.some((f) => f.ruleId === 'unused-training-plan')).toBe(false);
      },
    });
  }, 180_000);
});
