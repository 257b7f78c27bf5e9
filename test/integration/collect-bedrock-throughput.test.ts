import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectWithUsage, type CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { bedrockAccessDenied, LIST_PROVISIONED, listProvisionedModelThroughputs, type RecordedProvisionedModel } from './support/bedrock-aws.js';
import { ec2Xml, startEc2Proxy, type Ec2Proxy } from './support/ec2-proxy.js';
import { json, startLoopback, type Loopback } from './support/loopback-aws.js';

/**
 * Bedrock Provisioned Throughput end to end over the wire: moto_server 5.2.1 has no
 * ListProvisionedModelThroughputs, so the loopback proxy answers it as AWS does (restJson, two
 * pages) and forwards the rest to moto, where AWS/Bedrock Invocations is seeded for the model that
 * is used. The real SDK client, paginator and GetMetricData batching run.
 */
const ACCOUNT = '123456789012';
const HOUR = 3_600_000;
const NOW = new Date(Math.floor(Date.now() / HOUR) * HOUR);
const at = (days: number) => new Date(NOW.getTime() + days * 24 * HOUR).toISOString();

const model = (id: string, fields: Partial<RecordedProvisionedModel>): RecordedProvisionedModel => ({
  provisionedModelName: `pt-${id}`,
  provisionedModelArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/${id}`,
  modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
  desiredModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
  foundationModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
  modelUnits: 1,
  desiredModelUnits: 1,
  status: 'InService',
  creationTime: at(-60),
  lastModifiedTime: at(-60),
  ...fields,
});
const IDLE = model('idle00000001', { modelUnits: 2, desiredModelUnits: 2 });
const USED = model('used00000001', {});
const COMMITTED = model('commit000001', { commitmentDuration: 'SixMonths', commitmentExpirationTime: at(20) });

let moto: Moto;
let proxy: Ec2Proxy;
let savingsPlans: Loopback;
let denied = false;
let snapshot: Snapshot;
let usage: CollectUsage;

const collect = () => collectWithUsage(testCollectOptions(proxy.url, { now: NOW }));

beforeAll(async () => {
  moto = await startMoto();
  const list = listProvisionedModelThroughputs([[IDLE, USED], [COMMITTED]]);
  proxy = await startEc2Proxy(moto.endpoint, {
    [LIST_PROVISIONED]: (call) => (denied ? bedrockAccessDenied('ListProvisionedModelThroughputs') : list(call)),
    DescribeCapacityReservations: () => ec2Xml('DescribeCapacityReservations', '<capacityReservationSet/>'),
    DescribeReservedInstances: () => ec2Xml('DescribeReservedInstances', '<reservedInstancesSet/>'),
  });
  savingsPlans = await startLoopback(() => json(200, { savingsPlans: [] }));
  const { cw } = seedClients(moto.endpoint, 'us-east-1');
  await putSeries(cw, [
    { namespace: 'AWS/Bedrock', metricName: 'Invocations', dimensions: { ModelId: USED.provisionedModelArn }, points: daily(NOW, 14, () => 500) },
  ]);
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  ({ snapshot, usage } = await collect());
}, 180_000);

afterAll(async () => {
  await stopAll(savingsPlans, proxy, moto);
});

describe('Bedrock provisioned throughput collected over the wire', () => {
  it('pages ListProvisionedModelThroughputs in the region with the nextToken AWS sent', () => {
    const calls = proxy.answered.filter((c) => c.action === LIST_PROVISIONED);
    expect(calls.map((c) => [c.region, c.query?.get('nextToken') ?? null])).toEqual([
      ['us-east-1', null],
      ['us-east-1', '1'],
    ]);
    expect(usage.apiCalls['bedrock:ListProvisionedModelThroughputs']).toBe(2);
  });

  it('keeps each with its fields, and reads Invocations by ModelId = the provisioned model ARN', () => {
    const list = snapshot.resources.bedrockProvisionedThroughputs;
    expect(list.map((p) => p.name)).toEqual(['pt-idle00000001', 'pt-used00000001', 'pt-commit000001']);
    expect(list[0]).toMatchObject({ arn: IDLE.provisionedModelArn, modelUnits: 2, status: 'InService', creationTime: at(-60), accountId: ACCOUNT });
    expect(list[0]?.metrics.invocations).toBeUndefined();
    expect(list[1]?.metrics.invocations?.sum).toBe(7000);
    expect(list[2]).toMatchObject({ commitmentDuration: 'SixMonths', commitmentExpirationTime: at(20) });
  });

  it('finds the idle one (delete, priced: 2 model units x $20.50 x 730) and the idle committed one (do not renew), not the used one', async () => {
    const result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}), now: NOW });
    const found = result.findings.filter((f) => f.resource.type === 'bedrock-provisioned-throughput');
    const byName = new Map(found.map((f) => [f.resource.id, f]));
    expect([...byName.keys()].sort()).toEqual([COMMITTED.provisionedModelName, IDLE.provisionedModelName]);
    const idle = byName.get(IDLE.provisionedModelName);
    expect(idle).toMatchObject({ ruleId: 'idle-bedrock-provisioned-throughput', action: { kind: 'delete' }, monthlySavings: 29930 });
    expect(idle?.resource.arn).toBe(IDLE.provisionedModelArn);
    expect(byName.get(COMMITTED.provisionedModelName)?.action.description).toMatch(/SixMonths commitment ends .* \(in 20 days\): do not renew it/);
  });

  it('the printed IAM policy includes bedrock:ListProvisionedModelThroughputs', () => {
    expect(minimalPolicy().Statement[0]?.Action).toContain('bedrock:ListProvisionedModelThroughputs');
  });

  it('denied: one warning naming the API and the region, everything else still collected', async () => {
    denied = true;
    try {
      const partial = await collect();
      const w = partial.snapshot.warnings.filter((x) => x.code === 'access-denied');
      expect(w).toHaveLength(1);
      expect(w[0]).toMatchObject({ accountId: ACCOUNT, region: 'us-east-1', service: 'bedrock' });
      expect(w[0]?.message).toMatch(
        /^123456789012\/us-east-1: could not read Bedrock provisioned throughput \(ListProvisionedModelThroughputs\) \(AccessDeniedException/,
      );
      expect(partial.snapshot.resources.bedrockProvisionedThroughputs).toEqual([]);
    } finally {
      denied = false;
    }
  });
});
