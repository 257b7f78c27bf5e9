import { CreateLaunchTemplateCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import type { CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { describeCapacityReservations, type RecordedReservation } from './support/capacity-reservations-aws.js';
import { expectDeniedIsOneWarning, startCapacityStandIn, type CapacityStandIn } from './support/capacity-stand-in.js';
import { ec2Error } from './support/ec2-proxy.js';

/**
 * Capacity reservations end to end over the wire: moto_server 5.2.1 has no
 * DescribeCapacityReservations, so an EC2 proxy answers it as AWS does (two pages) and forwards
 * the rest of EC2, CloudWatch and every other service to moto, where the instances and the
 * AWS/EC2CapacityReservations metrics are seeded. The real SDK clients, paginator and
 * GetMetricData batching run; the rules are asserted on what came back, to the cent.
 */
const ACCOUNT = '123456789012';
const HOUR = 3_600_000;
// A whole hour, so the metric window ends exactly here and "hours left" is exact.
const NOW = new Date(Math.floor(Date.now() / HOUR) * HOUR);
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

const base = {
  ownerId: ACCOUNT,
  instancePlatform: 'Linux/UNIX',
  availabilityZone: 'us-east-1a',
  tenancy: 'default',
  createDate: at(-30 * 24),
  startDate: at(-30 * 24),
  endDateType: 'unlimited',
  instanceMatchCriteria: 'open',
  reservationType: 'default',
  state: 'active',
} as const;
const UNUSED: RecordedReservation = {
  ...base,
  capacityReservationId: 'cr-0unused0000000001',
  instanceType: 'p5.48xlarge',
  totalInstanceCount: 2,
  availableInstanceCount: 2,
  tags: { team: 'llm-pretrain' },
};
const USED: RecordedReservation = {
  ...base,
  capacityReservationId: 'cr-0used00000000001',
  instanceType: 'm5.large',
  totalInstanceCount: 1,
  availableInstanceCount: 0,
};
const BLOCK: RecordedReservation = {
  ...base,
  capacityReservationId: 'cr-0block0000000001',
  instanceType: 'p5.48xlarge',
  totalInstanceCount: 4,
  availableInstanceCount: 2,
  reservationType: 'capacity-block',
  instanceMatchCriteria: 'targeted',
  startDate: at(-68),
  endDate: at(100),
  endDateType: 'limited',
};
const LATER: RecordedReservation = { ...BLOCK, capacityReservationId: 'cr-0later0000000001', state: 'scheduled', startDate: at(30 * 24), endDate: at(31 * 24) };
const EXPIRED: RecordedReservation = { ...UNUSED, capacityReservationId: 'cr-0expired00000001', state: 'expired' };
// A future-dated reservation now active: 3 of its 4 slots committed for 60 more days, its empty slots billed to another account.
const COMMITTED: RecordedReservation = {
  ...UNUSED,
  capacityReservationId: 'cr-0committed000001',
  totalInstanceCount: 4,
  availableInstanceCount: 3,
  unusedReservationBillingOwnerId: '210987654321',
  commitmentInfo: { committedInstanceCount: 3, commitmentEndDate: at(60 * 24) },
  tags: {},
};
// Two blocks starting in two days: a launch template's latest version is aimed at one (no reminder), nothing at the other.
const AIMED: RecordedReservation = { ...BLOCK, capacityReservationId: 'cr-0aimed000000001', state: 'scheduled', startDate: at(48), endDate: at(48 + 168) };
const FORGOTTEN: RecordedReservation = { ...AIMED, capacityReservationId: 'cr-0forgotten00001' };

let standIn: CapacityStandIn;
let snapshot: Snapshot;
let usage: CollectUsage;

const unauthorized = (action: string) =>
  ec2Error(
    403,
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: ec2:${action}`,
  );

beforeAll(async () => {
  standIn = await startCapacityStandIn({
    now: NOW,
    answers: {
      DescribeCapacityReservations: describeCapacityReservations([
        [UNUSED, USED, EXPIRED, COMMITTED],
        [BLOCK, LATER, AIMED, FORGOTTEN],
      ]),
    },
    seed: async (moto) => {
      const { ec2, cw } = seedClients(moto.endpoint, 'us-east-1');
      // One on-demand p5 (moto's Deep Learning AMI, Amazon Linux) in the reservations' AZ, outside any of them; one m5 beside it.
      await ec2.send(
        new RunInstancesCommand({
          ImageId: 'ami-999844e0',
          InstanceType: 'p5.48xlarge',
          MinCount: 1,
          MaxCount: 1,
          Placement: { AvailabilityZone: 'us-east-1a' },
        }),
      );
      await launch(ec2, 'm5.large', 1);
      const template = (name: string, target: string) =>
        ec2.send(
          new CreateLaunchTemplateCommand({
            LaunchTemplateName: name,
            LaunchTemplateData: {
              InstanceType: 'p5.48xlarge',
              CapacityReservationSpecification: { CapacityReservationTarget: { CapacityReservationId: target } },
            },
          }),
        );
      await template('p5-pretrain', AIMED.capacityReservationId);
      await template('p5-old-run', 'cr-0somethingelse01');
      const series = (id: string, used: number, total: number) =>
        [
          ['UsedInstanceCount', used],
          ['AvailableInstanceCount', total - used],
          ['InstanceUtilization', (used / total) * 100],
        ].map(([metricName, v]) => ({
          namespace: 'AWS/EC2CapacityReservations',
          metricName: metricName as string,
          dimensions: { CapacityReservationId: id },
          points: daily(NOW, 14, () => v as number),
        }));
      await putSeries(cw, [
        ...series(UNUSED.capacityReservationId, 0, 2),
        ...series(USED.capacityReservationId, 1, 1),
        ...series(COMMITTED.capacityReservationId, 1, 4),
      ]);
    },
  });
  ({ snapshot, usage } = await standIn.collect());
}, 180_000);

afterAll(async () => {
  await standIn.stop();
});

describe('capacity reservations collected over the wire', () => {
  it('pages DescribeCapacityReservations with the billing states as a filter, in the region', () => {
    const calls = standIn.proxy.answered.filter((c) => c.action === 'DescribeCapacityReservations');
    expect(
      calls.map((c) => [
        c.region,
        c.params.get('Filter.1.Name'),
        c.params.get('Filter.1.Value.1'),
        c.params.get('Filter.1.Value.2'),
        c.params.get('NextToken'),
      ]),
    ).toEqual([
      ['us-east-1', 'state', 'active', 'scheduled', null],
      ['us-east-1', 'state', 'active', 'scheduled', '1'],
    ]);
    expect(usage.apiCalls['ec2:DescribeCapacityReservations']).toBe(2);
  });

  it('keeps active reservations and blocks, drops a scheduled one starting after the lookback horizon', () => {
    const list = snapshot.resources.capacityReservations;
    expect(list.map((r) => r.id)).toEqual([UNUSED, USED, COMMITTED, BLOCK, AIMED, FORGOTTEN].map((r) => r.capacityReservationId));
    expect(list[0]).toMatchObject({
      arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:capacity-reservation/${UNUSED.capacityReservationId}`,
      accountId: ACCOUNT,
      availabilityZone: 'us-east-1a',
      instanceType: 'p5.48xlarge',
      platform: 'Linux/UNIX',
      reservationType: 'default',
      instanceMatchCriteria: 'open',
      endDateType: 'unlimited',
      shared: false,
      tags: { team: 'llm-pretrain' },
    });
    expect(list[3]).toMatchObject({ reservationType: 'capacity-block', instanceMatchCriteria: 'targeted', endDate: at(100), availableInstanceCount: 2 });
    expect(list[2]).toMatchObject({ unusedBillingOwnerId: '210987654321', commitment: { committedInstanceCount: 3, commitmentEndDate: at(60 * 24) } });
    expect(list[0]?.commitment).toBeUndefined();
    expect(list[0]?.unusedBillingOwnerId).toBeUndefined();
  });

  it('reads the launch templates’ latest versions once and keeps the ones aimed at a reservation by id', () => {
    const calls = standIn.proxy.forwarded.filter((c) => c.action === 'DescribeLaunchTemplateVersions');
    expect(calls.map((c) => c.params.get('LaunchTemplateVersion.1'))).toEqual(['$Latest']);
    const byId = new Map(snapshot.resources.capacityReservations.map((r) => [r.id, r]));
    expect(byId.get(AIMED.capacityReservationId)?.launchTemplates).toEqual(['p5-pretrain']);
    expect(byId.get(FORGOTTEN.capacityReservationId)?.launchTemplates).toBeUndefined();
  });

  it('reads AWS/EC2CapacityReservations in the same GetMetricData call as the instance metrics', () => {
    const unused = snapshot.resources.capacityReservations[0]!;
    expect(unused.metrics.used).toMatchObject({ avg: 0, max: 0 });
    expect(unused.metrics.usedPeak).toMatchObject({ max: 0 });
    expect(unused.metrics.available).toMatchObject({ avg: 2 });
    expect(unused.metrics.used!.observedHours).toBeGreaterThanOrEqual(13 * 24);
    expect(snapshot.resources.capacityReservations[1]!.metrics.utilization).toMatchObject({ avg: 100 });
    expect(usage.apiCalls['cloudwatch:GetMetricData']).toBe(1);
  });

  it('finds the empty reservation and the half-empty block, priced to the cent, and nothing on the used one', async () => {
    const result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}) });
    const on = (id: string) => result.findings.filter((f) => f.resource.id === id);
    const [cancel] = on(UNUSED.capacityReservationId);
    expect(cancel).toMatchObject({
      ruleId: 'unused-capacity-reservation',
      action: { kind: 'release-capacity', from: '2 x p5.48xlarge', to: 'cancelled' },
      monthlySavings: 80358.4,
      monthlyCost: 80358.4,
      severity: 'high',
    });
    expect(cancel?.evidence).toMatchObject({ onDemandOutside: 1 });
    const [block] = on(BLOCK.capacityReservationId);
    expect(block).toMatchObject({ ruleId: 'idle-capacity-block', action: { kind: 'use-capacity-block' }, monthlySavings: 5504, severity: 'high' });
    expect(block?.evidence).toMatchObject({ emptySlots: 2, hoursLeft: 100, onDemandSameTypeInRegion: 1 });
    expect(on(USED.capacityReservationId)).toEqual([]);
    // Committed 3 of 4 until a date, 1 used: shrink to 3, saving the one slot above: 1 x $55.04 x 730.
    const [committed] = on(COMMITTED.capacityReservationId);
    expect(committed).toMatchObject({ action: { kind: 'release-capacity', from: '4 x p5.48xlarge', to: '3 x p5.48xlarge' }, monthlySavings: 40179.2 });
    expect(committed?.action.description).toBe(
      `Modify cr-0committed000001 from 4 to 3 x p5.48xlarge in us-east-1a (committed until ${at(60 * 24).slice(0, 10)}: cannot cancel below 3 instances); its empty slots bill to account 210987654321 (UnusedReservationBillingOwnerId), which pays for them`,
    );
    // The upcoming block a launch template aims at gets no reminder; the forgotten one does.
    expect(on(AIMED.capacityReservationId)).toEqual([]);
    expect(on(FORGOTTEN.capacityReservationId)).toMatchObject([{ ruleId: 'idle-capacity-block', severity: 'low' }]);
  });

  it('the printed IAM policy includes ec2:DescribeCapacityReservations', () => {
    expect(minimalPolicy().Statement[0]?.Action).toEqual(expect.arrayContaining(['ec2:DescribeCapacityReservations', 'ec2:DescribeLaunchTemplateVersions']));
  });

  it('denied: one warning naming the API and the region, everything else still collected; exit 3 only under --strict', async () => {
    await expectDeniedIsOneWarning(standIn, {
      action: 'DescribeCapacityReservations',
      error: unauthorized('DescribeCapacityReservations'),
      service: 'ec2',
      message: /could not read EC2 capacity reservations \(DescribeCapacityReservations\) \(UnauthorizedOperation/,
      list: (s) => s.resources.capacityReservations,
      collected: (s) => {
        expect(s.resources.ec2Instances).toHaveLength(2);
      },
      result: (r) => {
        expect(r.findings.some((f) => f.ruleId.includes('capacity'))).toBe(false);
      },
    });
  }, 180_000);

  it('DescribeLaunchTemplateVersions denied: one warning, the reservations kept and judged without the templates', async () => {
    const { snapshot: partial } = await standIn.deny('DescribeLaunchTemplateVersions', unauthorized('DescribeLaunchTemplateVersions'), () => standIn.collect());
    const w = partial.warnings.filter((x) => x.code === 'access-denied');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toMatch(
      /^123456789012\/us-east-1: could not read launch templates \(DescribeLaunchTemplateVersions\) \(UnauthorizedOperation: .*\); Capacity Blocks are judged without them$/,
    );
    expect(partial.resources.capacityReservations).toHaveLength(6);
    expect(partial.resources.capacityReservations.some((r) => r.launchTemplates !== undefined)).toBe(false);
  });
});

describe('mlcost audit --strict over the stand-in (the CLI as a user runs it)', () => {
  it('everything readable: exit 0 with the capacity findings in the JSON', async () => {
    const r = await standIn.audit(true);
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { findings: { ruleId: string; monthlySavings: number | null }[] };
    // The forgotten upcoming block: the one on-demand p5 beside it could move in for its 168 h: $55.04 x 168 = $9,246.72.
    expect(result.findings.filter((f) => f.ruleId.includes('capacity')).map((f) => [f.ruleId, f.monthlySavings])).toEqual([
      ['unused-capacity-reservation', 80358.4],
      ['unused-capacity-reservation', 40179.2],
      ['idle-capacity-block', 9246.72],
      ['idle-capacity-block', 5504],
    ]);
  }, 180_000);
});
