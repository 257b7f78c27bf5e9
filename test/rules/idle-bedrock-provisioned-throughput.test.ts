import { describe, expect, it } from 'vitest';
import type { BedrockProvisionedThroughput } from '../../src/snapshot/types/bedrock-provisioned-throughput.js';
import { END } from '../helpers/builders.js';
import { findingsOn } from './resources.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(END.getTime() + days * DAY).toISOString();
const summary = (sum: number) => ({ avg: sum / 10, p50: 0, p95: 0, max: sum, sum, datapoints: 10, observedHours: 300, periodSeconds: 300 });

function throughput(p: Partial<BedrockProvisionedThroughput> = {}): BedrockProvisionedThroughput {
  return {
    name: 'support-bot-pt',
    arn: 'arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcd1234efgh',
    accountId: '111122223333',
    region: 'us-east-1',
    modelArn: 'arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/xyz987',
    foundationModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
    modelUnits: 2,
    status: 'InService',
    creationTime: at(-30),
    tags: {},
    metrics: {},
    ...p,
  };
}

describe('idle-bedrock-provisioned-throughput', () => {
  const misses: [string, BedrockProvisionedThroughput][] = [
    ['invoked in the window', throughput({ metrics: { invocations: summary(1200) } })],
    ['created 2 days ago: too new to call idle', throughput({ creationTime: at(-2) })],
    ['still Creating', throughput({ status: 'Creating' })],
  ];
  it.each(misses)('does not match: %s', async (_, p) => {
    expect(await findingsOn('idle-bedrock-provisioned-throughput', { bedrockProvisionedThroughputs: [p] })).toEqual([]);
  });

  it("no commitment, no invocations (no datapoints at all): delete, priced at the base model's no-commitment rate: 2 x $20.50 x 730 = $29,930", async () => {
    const [f] = await findingsOn('idle-bedrock-provisioned-throughput', { bedrockProvisionedThroughputs: [throughput()] });
    expect(f?.action.kind).toBe('delete');
    expect(f?.action.description).toMatch(/^Delete Provisioned Throughput support-bot-pt \(2 model units of .*custom-model.*\): no invocations/);
    expect(f?.monthlySavings).toBe(29930);
    expect(f?.monthlyCost).toBe(29930);
    expect(f?.pricing.prices[0]).toMatchObject({ usd: 20.5, asOf: '2025-03-10' });
    expect(f?.evidence).toMatchObject({ invocations: 0, modelUnits: 2, commitmentDuration: null });
    expect(f?.confidence).toBe('high');
  });

  it('a model the catalog has no rate for: unpriced with the reason, never $0', async () => {
    const claude = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:1:200k';
    const [f] = await findingsOn('idle-bedrock-provisioned-throughput', {
      bedrockProvisionedThroughputs: [throughput({ modelArn: claude, foundationModelArn: claude })],
    });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.monthlyCost).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/no Bedrock provisioned-throughput rate for anthropic\.claude-v2:1:200k/);
  });

  it("outside the source's region the rate is unknown", async () => {
    const [f] = await findingsOn('idle-bedrock-provisioned-throughput', { bedrockProvisionedThroughputs: [throughput({ region: 'eu-central-1' })] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(/covers us-east-1 only/);
  });

  it('datapoints that sum to zero are no invocations too', async () => {
    const [f] = await findingsOn('idle-bedrock-provisioned-throughput', {
      bedrockProvisionedThroughputs: [throughput({ metrics: { invocations: summary(0) } })],
    });
    expect(f?.evidence).toMatchObject({ invocations: 0 });
  });

  it('with a commitment running: says when it ends and not to renew it', async () => {
    const p = throughput({ commitmentDuration: 'SixMonths', commitmentExpirationTime: at(40) });
    const [f] = await findingsOn('idle-bedrock-provisioned-throughput', { bedrockProvisionedThroughputs: [p] });
    expect(f?.action.description).toMatch(/its SixMonths commitment ends .* \(in 40 days\): do not renew it, and delete it then$/);
    expect(f?.tradeoff.summary).toMatch(/only renewal can be avoided/);
    expect(f?.evidence).toMatchObject({ commitmentDuration: 'SixMonths', commitmentExpirationTime: at(40) });
    // Priced at the 6-month rate: 2 x $14.80 x 730, what not renewing saves each month after the term.
    expect(f?.monthlySavings).toBe(21608);
  });

  it('a commitment already expired: delete', async () => {
    const p = throughput({ commitmentDuration: 'OneMonth', commitmentExpirationTime: at(-1) });
    const [f] = await findingsOn('idle-bedrock-provisioned-throughput', { bedrockProvisionedThroughputs: [p] });
    expect(f?.action.description).toMatch(/^Delete Provisioned Throughput/);
  });
});
