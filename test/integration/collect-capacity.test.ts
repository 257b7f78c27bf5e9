import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectWithUsage, type CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { describeCapacityReservations, type RecordedReservation } from './support/capacity-reservations-aws.js';
import { ec2Error, ec2Xml, startEc2Proxy, type Ec2Proxy } from './support/ec2-proxy.js';
import { json, startLoopback, type Loopback } from './support/loopback-aws.js';
import { COST_EXPLORER_TARGET, savingsPlansRecommendation } from './support/cost-explorer-aws.js';
import { runCli } from '../helpers/cli.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

let moto: Moto;
let proxy: Ec2Proxy;
let savingsPlans: Loopback;
let denied = false;
let snapshot: Snapshot;
let usage: CollectUsage;

const collect = () => collectWithUsage(testCollectOptions(proxy.url, { now: NOW }));

beforeAll(async () => {
  moto = await startMoto();
  const describe = describeCapacityReservations([
    [UNUSED, USED, EXPIRED],
    [BLOCK, LATER],
  ]);
  proxy = await startEc2Proxy(moto.endpoint, {
    DescribeCapacityReservations: (call) =>
      denied
        ? ec2Error(
            403,
            'UnauthorizedOperation',
            'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: ec2:DescribeCapacityReservations',
          )
        : describe(call),
    // moto lacks this one too; answered empty so that --strict below fails only for what the test denies.
    DescribeReservedInstances: () => ec2Xml('DescribeReservedInstances', '<reservedInstancesSet/>'),
    'SageMaker.ListTrainingPlans': () => json(200, { TrainingPlanSummaries: [] }, undefined, 'application/x-amz-json-1.1'),
    'bedrock:GET /provisioned-model-throughputs': () => json(200, { provisionedModelSummaries: [] }),
  });
  // Savings Plans and Cost Explorer's recommendations (neither in moto): none bought, nothing recommended.
  savingsPlans = await startLoopback((req) => (req.target === COST_EXPLORER_TARGET ? savingsPlansRecommendation(req, {}) : json(200, { savingsPlans: [] })));
  const { ec2, cw } = seedClients(moto.endpoint, 'us-east-1');
  // One on-demand p5 (moto's Deep Learning AMI, Amazon Linux) in the reservations' AZ, outside any of them; one m5 beside it.
  await ec2.send(
    new RunInstancesCommand({ ImageId: 'ami-999844e0', InstanceType: 'p5.48xlarge', MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' } }),
  );
  await launch(ec2, 'm5.large', 1);
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
  await putSeries(cw, [...series(UNUSED.capacityReservationId, 0, 2), ...series(USED.capacityReservationId, 1, 1)]);
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  ({ snapshot, usage } = await collect());
}, 180_000);

afterAll(async () => {
  await stopAll(savingsPlans, proxy, moto);
});

describe('capacity reservations collected over the wire', () => {
  it('pages DescribeCapacityReservations with the billing states as a filter, in the region', () => {
    const calls = proxy.answered.filter((c) => c.action === 'DescribeCapacityReservations');
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
    expect(list.map((r) => r.id)).toEqual([UNUSED.capacityReservationId, USED.capacityReservationId, BLOCK.capacityReservationId]);
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
    expect(list[2]).toMatchObject({ reservationType: 'capacity-block', instanceMatchCriteria: 'targeted', endDate: at(100), availableInstanceCount: 2 });
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
  });

  it('the printed IAM policy includes ec2:DescribeCapacityReservations', () => {
    expect(minimalPolicy().Statement[0]?.Action).toContain('ec2:DescribeCapacityReservations');
  });

  it('denied: one warning naming the API and the region, everything else still collected', async () => {
    denied = true;
    try {
      const partial = await collect();
      const w = partial.snapshot.warnings.filter((x) => x.code === 'access-denied');
      expect(w).toHaveLength(1);
      expect(w[0]).toMatchObject({ accountId: ACCOUNT, region: 'us-east-1', service: 'ec2' });
      expect(w[0]?.message).toMatch(
        /^123456789012\/us-east-1: could not read EC2 capacity reservations \(DescribeCapacityReservations\) \(UnauthorizedOperation/,
      );
      expect(partial.snapshot.resources.capacityReservations).toEqual([]);
      expect(partial.snapshot.resources.ec2Instances).toHaveLength(2);
    } finally {
      denied = false;
    }
  });
});

describe('mlcost audit --strict over the stand-in (the CLI as a user runs it)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'mlcost-capacity-'));
  const audit = () =>
    runCli(['audit', '--region', 'us-east-1', '--strict', '--prices', 'embedded', '--output', 'json'], {
      cwd: tmp,
      env: {
        HOME: tmp,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_MAX_ATTEMPTS: '2',
        AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL: proxy.url,
        AWS_ENDPOINT_URL_SAVINGSPLANS: savingsPlans.url,
        AWS_ENDPOINT_URL_COST_EXPLORER: savingsPlans.url,
      },
    });

  it('everything readable: exit 0 with both capacity findings in the JSON', async () => {
    const r = await audit();
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { findings: { ruleId: string; monthlySavings: number | null }[] };
    expect(result.findings.filter((f) => f.ruleId.includes('capacity')).map((f) => [f.ruleId, f.monthlySavings])).toEqual([
      ['unused-capacity-reservation', 80358.4],
      ['idle-capacity-block', expect.any(Number)],
    ]);
  }, 180_000);

  it('DescribeCapacityReservations denied: the warning names API and region, the rest is reported, exit 3', async () => {
    denied = true;
    try {
      const r = await audit();
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(
        /warning: 123456789012\/us-east-1: could not read EC2 capacity reservations \(DescribeCapacityReservations\) \(UnauthorizedOperation/,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const result = JSON.parse(r.stdout) as { findings: { ruleId: string }[]; scope: unknown };
      expect(result.findings.some((f) => f.ruleId.includes('capacity'))).toBe(false);
      expect(result.scope).toBeDefined();
    } finally {
      denied = false;
    }
  }, 180_000);
});
