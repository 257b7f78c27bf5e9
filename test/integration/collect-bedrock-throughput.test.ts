import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, putSeries, seedClients } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import type { CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { bedrockAccessDenied, LIST_PROVISIONED, listProvisionedModelThroughputs, type RecordedProvisionedModel } from './support/bedrock-aws.js';
import { expectDeniedIsOneWarning, startCapacityStandIn, type CapacityStandIn } from './support/capacity-stand-in.js';

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

let standIn: CapacityStandIn;
let snapshot: Snapshot;
let usage: CollectUsage;

beforeAll(async () => {
  standIn = await startCapacityStandIn({
    now: NOW,
    answers: { [LIST_PROVISIONED]: listProvisionedModelThroughputs([[IDLE, USED], [COMMITTED]]) },
    seed: async (moto) => {
      const { cw } = seedClients(moto.endpoint, 'us-east-1');
      await putSeries(cw, [
        { namespace: 'AWS/Bedrock', metricName: 'Invocations', dimensions: { ModelId: USED.provisionedModelArn }, points: daily(NOW, 14, () => 500) },
      ]);
    },
  });
  ({ snapshot, usage } = await standIn.collect());
}, 180_000);

afterAll(async () => {
  await standIn.stop();
});

describe('Bedrock provisioned throughput collected over the wire', () => {
  it('pages ListProvisionedModelThroughputs in the region with the nextToken AWS sent', () => {
    const calls = standIn.proxy.answered.filter((c) => c.action === LIST_PROVISIONED);
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

  it('denied: one warning naming the API and the region, everything else still collected; exit 3 only under --strict', async () => {
    await expectDeniedIsOneWarning(standIn, {
      action: LIST_PROVISIONED,
      error: bedrockAccessDenied('ListProvisionedModelThroughputs'),
      service: 'bedrock',
      message: /could not read Bedrock provisioned throughput \(ListProvisionedModelThroughputs\) \(AccessDeniedException/,
      list: (s) => s.resources.bedrockProvisionedThroughputs,
      result: (r) => {
        expect(r.findings.some((f) => f.ruleId === 'idle-bedrock-provisioned-throughput')).toBe(false);
      },
    });
  }, 180_000);
});
