import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { AwsSession } from '../../src/aws/session.js';
import { WarningSink, type Account } from '../../src/collect/context.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectWithUsage } from '../../src/collect/run.js';
import { collectSavingsPlans, savingsPlansOrWarn } from '../../src/collect/savings-plans.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { HTML_500, json, startLoopback, type Loopback, type LoopbackAnswer } from './support/loopback-aws.js';
import { stopAll } from '../helpers/teardown.js';
import { testCollectOptions } from '../helpers/collect-options.js';

/**
 * Savings Plans through the real SDK client. moto_server 5.2.1 has no Savings Plans backend (it
 * answers DescribeSavingsPlans with an HTML 500 page), so the API is a loopback endpoint that
 * answers as AWS does, in two pages; the rest of the account is moto_server, reached through
 * AWS_ENDPOINT_URL while AWS_ENDPOINT_URL_SAVINGSPLANS points at the loopback endpoint.
 */
const ACCOUNT = '123456789012';
const plan = (id: string, over: Record<string, unknown>) => ({
  offeringId: `offering-${id}`,
  savingsPlanId: id,
  savingsPlanArn: `arn:aws:savingsplans::${ACCOUNT}:savingsplan/${id}`,
  description: '1 year No Upfront',
  start: '2026-01-01T00:00:00.000Z',
  end: '2027-01-01T00:00:00.000Z',
  state: 'active',
  paymentOption: 'No Upfront',
  productTypes: ['EC2'],
  currency: 'USD',
  upfrontPaymentAmount: '0.00',
  recurringPaymentAmount: '0.25',
  termDurationInSeconds: 31536000,
  tags: {},
  ...over,
});
const PAGE_1 = {
  savingsPlans: [
    plan('sp-m6i-use1', {
      savingsPlanType: 'EC2Instance',
      ec2InstanceFamily: 'm6i',
      region: 'us-east-1',
      commitment: '0.25000000',
      description: '1 year No Upfront m6i EC2 Instance Savings Plan in us-east-1',
    }),
    plan('sp-sagemaker', { savingsPlanType: 'SageMaker', productTypes: ['SageMaker'], commitment: '1.10000000' }),
  ],
  nextToken: 'page-2',
};
const PAGE_2 = {
  savingsPlans: [
    plan('sp-c6i-euw1', { savingsPlanType: 'EC2Instance', ec2InstanceFamily: 'c6i', region: 'eu-west-1', commitment: '0.50000000' }),
    plan('sp-odd', { savingsPlanType: 'Quantum', commitment: '2.0' }),
  ],
};

let moto: Moto;
let sp: Loopback;
let mode: 'ok' | 'denied' | 'html-500' | 'unavailable' = 'ok';
let snapshot: Snapshot;
const ids: Record<string, string> = {};
const account: Account = { accountId: ACCOUNT, credentials: () => Promise.resolve(TEST_CREDENTIALS) };

function answer(body: Record<string, unknown>): LoopbackAnswer {
  if (mode === 'denied')
    return json(
      403,
      { message: `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: savingsplans:DescribeSavingsPlans` },
      'AccessDeniedException',
    );
  if (mode === 'html-500') return HTML_500;
  if (mode === 'unavailable') return json(503, { message: 'Service Unavailable' }, 'InternalServerException');
  return json(200, body['nextToken'] === 'page-2' ? PAGE_2 : PAGE_1);
}

beforeAll(async () => {
  moto = await startMoto();
  sp = await startLoopback((req) => answer(req.body));
  const { ec2, cw } = seedClients(moto.endpoint, 'us-east-1');
  const [m6i] = await launch(ec2, 'm6i.xlarge', 1, { Name: 'covered-by-plan' });
  const [c6i] = await launch(ec2, 'c6i.xlarge', 1, { Name: 'not-covered' });
  Object.assign(ids, { m6i: m6i!.id, c6i: c6i!.id });
  await putSeries(
    cw,
    [m6i!, c6i!].map((i) => ({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: { InstanceId: i.id },
      points: daily(new Date(), 14, () => 45),
    })),
  );
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  process.env['AWS_ENDPOINT_URL'] = moto.endpoint;
  process.env['AWS_ENDPOINT_URL_SAVINGSPLANS'] = sp.url;
  ({ snapshot } = await collectWithUsage(testCollectOptions(undefined)));
}, 180_000);

afterAll(async () => {
  delete process.env['AWS_ENDPOINT_URL'];
  delete process.env['AWS_ENDPOINT_URL_SAVINGSPLANS'];
  await stopAll(sp, moto);
});

describe('Savings Plans collection', () => {
  it('pages through DescribeSavingsPlans (active only) on the global endpoint, signed for us-east-1', () => {
    const calls = sp.requests.filter((r) => r.path === '/DescribeSavingsPlans');
    expect(calls.map((r) => [r.service, r.region, r.body['states'], r.body['nextToken']])).toEqual([
      ['savingsplans', 'us-east-1', ['active'], undefined],
      ['savingsplans', 'us-east-1', ['active'], 'page-2'],
    ]);
    expect(snapshot.scope.apiCalls?.['savingsplans:DescribeSavingsPlans']).toBe(2);
  });

  it("puts every plan of both pages in the Snapshot, in the engine's shape", () => {
    expect(snapshot.resources.savingsPlans).toEqual([
      {
        id: 'sp-m6i-use1',
        accountId: ACCOUNT,
        type: 'EC2Instance',
        commitmentPerHour: 0.25,
        region: 'us-east-1',
        instanceFamily: 'm6i',
        start: '2026-01-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
        state: 'active',
      },
      {
        id: 'sp-sagemaker',
        accountId: ACCOUNT,
        type: 'SageMaker',
        commitmentPerHour: 1.1,
        start: '2026-01-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
        state: 'active',
      },
      {
        id: 'sp-c6i-euw1',
        accountId: ACCOUNT,
        type: 'EC2Instance',
        commitmentPerHour: 0.5,
        region: 'eu-west-1',
        instanceFamily: 'c6i',
        start: '2026-01-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
        state: 'active',
      },
    ]);
  });

  it('a plan in a shape mlcost does not know is dropped with a warning naming it', () => {
    const odd = snapshot.warnings.filter((w) => w.resourceId === 'sp-odd');
    expect(odd).toEqual([expect.objectContaining({ code: 'invalid-response', accountId: ACCOUNT, service: 'savingsplans' })]);
    expect(odd[0]?.message).toMatch(/^123456789012: dropped Savings Plan sp-odd: savingsPlanType: /);
  });

  it('coverage: the engine advises no commitment for the m6i the EC2 Instance plan covers, and does for the c6i it does not (its plan is for eu-west-1)', async () => {
    const result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}) });
    const buy = (id: string) => result.findings.some((f) => f.resource.id === id && f.action.kind === 'buy-commitment');
    expect(buy(ids['c6i']!)).toBe(true);
    expect(buy(ids['m6i']!)).toBe(false);
  });

  it('--prices embedded asks for no Savings Plans rates: the Snapshot carries none', () => {
    expect(sp.requests.filter((r) => r.path !== '/DescribeSavingsPlans')).toEqual([]);
    expect(snapshot.savingsPlanRates).toEqual({ offerings: [], bought: [] });
  });

  it('the printed IAM policy includes savingsplans:DescribeSavingsPlans', () => {
    expect(minimalPolicy().Statement[0]?.Action).toContain('savingsplans:DescribeSavingsPlans');
  });
});

describe('Savings Plans failures become one warning, never a crash', () => {
  const read = async (m: typeof mode, maxAttempts = 3) => {
    mode = m;
    const before = sp.requests.length;
    const warnings = new WarningSink();
    const session = new AwsSession({ endpointUrl: sp.url, maxAttempts });
    try {
      const plans = await savingsPlansOrWarn({ session, account, warnings });
      return { plans, warnings: warnings.list, requests: sp.requests.length - before };
    } finally {
      session.destroy();
      mode = 'ok';
    }
  };

  it('access denied: no plans, one warning naming the account and what coverage now lacks', async () => {
    const r = await read('denied');
    expect(r.plans).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'access-denied', accountId: ACCOUNT, service: 'savingsplans' });
    expect(r.warnings[0]?.message).toMatch(
      /^123456789012: could not read Savings Plans \(global endpoint, us-east-1\) \(AccessDeniedException: User: .* savingsplans:DescribeSavingsPlans\); buy-commitment advice may overlap/,
    );
    expect(r.requests).toBe(1);
  });

  it('an endpoint without the API (HTML 500, as moto_server answers): one request, no retries, a not-implemented warning', async () => {
    const r = await read('html-500', 6);
    expect(r.requests).toBe(1);
    expect(r.warnings.map((w) => [w.code, w.message.includes('HTTP 500')])).toEqual([['not-implemented', true]]);
  });

  it('a transient 503 is still retried up to the attempt limit', async () => {
    const r = await read('unavailable', 3);
    expect(r.requests).toBe(3);
    expect(r.warnings).toHaveLength(1);
  });

  it('--endpoint-url wins over AWS_ENDPOINT_URL_SAVINGSPLANS', async () => {
    const other = await startLoopback(() => json(200, { savingsPlans: [plan('sp-compute', { savingsPlanType: 'Compute', commitment: '3' })] }));
    const session = new AwsSession({ endpointUrl: other.url });
    try {
      expect((await collectSavingsPlans({ session, account, warnings: new WarningSink() })).map((p) => [p.id, p.type])).toEqual([['sp-compute', 'Compute']]);
    } finally {
      session.destroy();
      await other.stop();
    }
  });
});
