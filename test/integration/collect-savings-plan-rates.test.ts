import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { AwsSession } from '../../src/aws/session.js';
import { WarningSink, type Account } from '../../src/collect/context.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectWithUsage } from '../../src/collect/run.js';
import { collectOfferingRates, offeringRatesOrWarn, rateNeeds } from '../../src/collect/savings-plan-rates.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { PlanLine } from '../../src/engine/plan/schema.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { SnapshotSchema, type Snapshot } from '../../src/snapshot/schema.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { json, startLoopback, type Loopback, type LoopbackAnswer, type LoopbackRequest } from './support/loopback-aws.js';
import { describeOfferingRates, describePlanRates, describeSavingsPlans, ec2Rate, ONE_YEAR, sagemakerRate, THREE_YEARS } from './support/savings-plans-aws.js';
import { testCollectOptions } from '../helpers/collect-options.js';

/**
 * Savings Plans rates end to end: a collect with --prices live reads today's offering rates and the
 * plans in force's own rates from the Savings Plans API (a loopback stand-in in AWS's shape: moto
 * has no Savings Plans backend), the rest of the account from moto_server, and the commitment plan
 * prices its Savings Plans options to the cent. Rates are synthetic; on-demand is the catalog's
 * us-east-1 list price (m6i.xlarge $0.192/h, c6i.xlarge $0.17/h).
 */
const ACCOUNT = '123456789012';
const OFFERINGS = [
  ec2Rate('EC2Instance', ONE_YEAR, 'us-east-1', 'm6i.xlarge', '0.121'),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'm6i.xlarge', '0.138'),
  ec2Rate('EC2Instance', THREE_YEARS, 'us-east-1', 'm6i.xlarge', '0.083'),
  ec2Rate('Compute', THREE_YEARS, 'us-east-1', 'm6i.xlarge', '0.096'),
  ec2Rate('EC2Instance', ONE_YEAR, 'us-east-1', 'm6i.large', '0.0605'),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'm6i.large', '0.069'),
  ec2Rate('EC2Instance', ONE_YEAR, 'us-east-1', 'c6i.xlarge', '0.1071'),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'c6i.xlarge', '0.123'),
  ec2Rate('EC2Instance', THREE_YEARS, 'us-east-1', 'c6i.xlarge', '0.074'),
  ec2Rate('Compute', THREE_YEARS, 'us-east-1', 'c6i.xlarge', '0.086'),
  // What the request's fields must keep out: another region, dedicated tenancy, Windows, another payment, a type not run.
  ec2Rate('Compute', ONE_YEAR, 'eu-west-1', 'm6i.xlarge', '0.15'),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'm6i.xlarge', '0.14', { usageType: 'DedicatedUsage:m6i.xlarge', tenancy: 'dedicated' }),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'm6i.xlarge', '0.2', { operation: 'RunInstances:0002' }),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'm6i.xlarge', '0.1', { paymentOption: 'Partial Upfront' }),
  ec2Rate('Compute', ONE_YEAR, 'us-east-1', 'p5.48xlarge', '40'),
  sagemakerRate(ONE_YEAR, 'us-east-1', 'Host', 'ml.g5.xlarge', '0.901'),
  sagemakerRate(ONE_YEAR, 'us-east-1', 'Notebk', 'ml.g5.xlarge', '0.911'),
  sagemakerRate(THREE_YEARS, 'us-east-1', 'Train', 'ml.g5.xlarge', '0.7'),
  sagemakerRate(ONE_YEAR, 'us-east-1', 'Studio_JupyterLab', 'ml.g5.xlarge', '0.92'),
  sagemakerRate(ONE_YEAR, 'us-east-1', 'Processing', 'ml.g5.xlarge', '0.93'),
];
const PLAN_RATES = {
  'sp-c6i': [
    ec2Rate('EC2Instance', ONE_YEAR, 'us-east-1', 'c6i.xlarge', '0.1071'),
    ec2Rate('EC2Instance', ONE_YEAR, 'us-east-1', 'c6i.large', '0.0536'),
    ec2Rate('EC2Instance', ONE_YEAR, 'us-east-1', 'c6i.xlarge', '0.09', { usageType: 'DedicatedUsage:c6i.xlarge', tenancy: 'dedicated' }),
  ],
};
const PLAN_C6I = {
  savingsPlanId: 'sp-c6i',
  savingsPlanArn: `arn:aws:savingsplans::${ACCOUNT}:savingsplan/sp-c6i`,
  savingsPlanType: 'EC2Instance',
  ec2InstanceFamily: 'c6i',
  region: 'us-east-1',
  state: 'active',
  start: '2026-01-01T00:00:00.000Z',
  end: '2027-01-01T00:00:00.000Z',
  commitment: '0.05',
  currency: 'USD',
  paymentOption: 'No Upfront',
  termDurationInSeconds: ONE_YEAR,
};
/** Below the API's 1,000 so paging shows: 10 EC2 rates match, 4 pages of 3. */
const PAGE = 3;

type Mode = 'ok' | 'throttled' | 'denied' | 'malformed-page' | 'malformed-rate';
let mode: Mode = 'ok';
let moto: Moto;
let sp: Loopback;
let snapshot: Snapshot;
const account: Account = { accountId: ACCOUNT, credentials: () => Promise.resolve(TEST_CREDENTIALS) };

function offeringAnswer(req: LoopbackRequest): LoopbackAnswer {
  if (mode === 'throttled') return json(400, { message: 'Rate exceeded' }, 'ThrottlingException');
  if (mode === 'denied')
    return json(
      403,
      { message: `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: savingsplans:DescribeSavingsPlansOfferingRates` },
      'AccessDeniedException',
    );
  if (mode === 'malformed-page') return json(200, { searchResults: 'not a list' });
  if (mode === 'malformed-rate') return json(200, { searchResults: [{ rate: 'cheap', usageType: 'BoxUsage:m6i.xlarge' }] });
  return describeOfferingRates(req, OFFERINGS, PAGE);
}

function answer(req: LoopbackRequest): LoopbackAnswer {
  if (req.target === 'AWSPriceListService.GetProducts') return json(200, { FormatVersion: 'aws_v1', PriceList: [] }, undefined, 'application/x-amz-json-1.1');
  if (req.path === '/DescribeSavingsPlans') return describeSavingsPlans([PLAN_C6I]);
  if (req.path === '/DescribeSavingsPlansOfferingRates') return offeringAnswer(req);
  if (req.path === '/DescribeSavingsPlanRates') return describePlanRates(req, PLAN_RATES, PAGE);
  return json(400, { message: `no ${req.path}` }, 'UnknownOperationException');
}

const lineOf = (s: Snapshot, rules: Awaited<ReturnType<typeof loadRules>>, family: string): PlanLine => {
  const line = evaluate(s, { rules, config: ConfigSchema.parse({}) }).commitmentPlan?.accounts[0]?.lines.find((l) => l.family === family);
  if (!line) throw new Error(`no ${family} line`);
  return line;
};
const spOptions = (l: PlanLine) => l.options.filter((o) => o.kind !== 'reserved-instance').map((o) => [o.kind, o.termMonths, o.monthlySavings]);

beforeAll(async () => {
  moto = await startMoto();
  sp = await startLoopback(answer);
  const { ec2, cw } = seedClients(moto.endpoint, 'us-east-1');
  const boxes = [...(await launch(ec2, 'm6i.xlarge', 1, { Name: 'steady-m6i' })), ...(await launch(ec2, 'c6i.xlarge', 1, { Name: 'steady-c6i' }))];
  await putSeries(
    cw,
    boxes.map((i) => ({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: i.id }, points: daily(new Date(), 14, () => 45) })),
  );
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  process.env['AWS_ENDPOINT_URL'] = moto.endpoint;
  process.env['AWS_ENDPOINT_URL_SAVINGSPLANS'] = sp.url;
  process.env['AWS_ENDPOINT_URL_PRICING'] = sp.url;
  ({ snapshot } = await collectWithUsage(testCollectOptions(undefined, { prices: 'live', cacheDir: mkdtempSync(join(tmpdir(), 'mlcost-sp-rates-')) })));
}, 180_000);

afterAll(async () => {
  delete process.env['AWS_ENDPOINT_URL'];
  delete process.env['AWS_ENDPOINT_URL_SAVINGSPLANS'];
  delete process.env['AWS_ENDPOINT_URL_PRICING'];
  await stopAll(sp, moto);
});

describe('Savings Plans offering rates, collected with --prices live', () => {
  it('asks once per pool for every type and region found (No Upfront, Linux shared tenancy), paging with nextToken', () => {
    const calls = sp.requests.filter((r) => r.path === '/DescribeSavingsPlansOfferingRates');
    expect(calls).toHaveLength(4);
    expect(snapshot.scope.apiCalls?.['savingsplans:DescribeSavingsPlansOfferingRates']).toBe(4);
    expect(calls.map((c) => c.body['nextToken'])).toEqual([undefined, '3', '6', '9']);
    const first = calls[0]!;
    expect([first.service, first.region]).toEqual(['savingsplans', 'us-east-1']);
    expect(first.body).toMatchObject({
      savingsPlanTypes: ['Compute', 'EC2Instance'],
      products: ['EC2'],
      operations: ['RunInstances'],
      savingsPlanPaymentOptions: ['No Upfront'],
      maxResults: 1000,
    });
    const filters = first.body['filters'] as { name: string; values: string[] }[];
    expect(filters.find((f) => f.name === 'region')?.values).toEqual(['us-east-1']);
    // The types found and every size of their families (a resized box counts at its new size).
    expect(filters.find((f) => f.name === 'instanceType')?.values).toEqual(expect.arrayContaining(['m6i.xlarge', 'm6i.large', 'c6i.xlarge', 'c6i.2xlarge']));
  });

  it('stores the rates in the Snapshot with their source and date, and nothing the filters keep out', () => {
    const rates = snapshot.savingsPlanRates.offerings;
    expect(rates).toHaveLength(10);
    expect(rates.find((r) => r.instanceType === 'm6i.xlarge' && r.planType === 'Compute' && r.termMonths === 12)).toEqual({
      planType: 'Compute',
      termMonths: 12,
      payment: 'no-upfront',
      region: 'us-east-1',
      instanceType: 'm6i.xlarge',
      use: 'instance',
      usd: 0.138,
      source: `AWS Savings Plans DescribeSavingsPlansOfferingRates, ${snapshot.collectedAt.slice(0, 10)}`,
      asOf: snapshot.collectedAt.slice(0, 10),
    });
    // The Snapshot round-trips through its schema (what `audit --snapshot` reads).
    expect(SnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot))).savingsPlanRates).toEqual(snapshot.savingsPlanRates);
  });

  it("the plan's Savings Plans options show the saving to the cent", async () => {
    const m6i = lineOf(snapshot, await loadRules(), 'm6i');
    // (0.192 - rate) x 730: 0.071 -> 51.83, 0.054 -> 39.42, 0.109 -> 79.57, 0.096 -> 70.08.
    expect(spOptions(m6i)).toEqual([
      ['ec2-instance-savings-plan', 12, 51.83],
      ['compute-savings-plan', 12, 39.42],
      ['ec2-instance-savings-plan', 36, 79.57],
      ['compute-savings-plan', 36, 70.08],
    ]);
  });

  it("reads the plan in force's own rates (one call) and covers its family at them, so the line is priced, not -", async () => {
    const calls = sp.requests.filter((r) => r.path === '/DescribeSavingsPlanRates');
    expect(calls.map((c) => c.body['savingsPlanId'])).toEqual(['sp-c6i']);
    expect(snapshot.savingsPlanRates.bought.map((r) => [r.savingsPlanId, r.instanceType, r.usd])).toEqual([
      ['sp-c6i', 'c6i.xlarge', 0.1071],
      ['sp-c6i', 'c6i.large', 0.0536],
    ]);
    const c6i = lineOf(snapshot, await loadRules(), 'c6i');
    // $0.05 / 0.1071 = 0.466853 of the box at $0.17 on-demand: $0.0794/h covered.
    expect(c6i.savingsPlanCoveredHourly).toBe(0.0794);
    // 0.533147 of the box left, EC2 Instance 1-year: (0.17 - 0.1071) x 0.533147 x 730 = $24.48.
    expect(c6i.options.find((o) => o.kind === 'ec2-instance-savings-plan' && o.termMonths === 12)?.monthlySavings).toBe(24.48);
    // Without the plan's own rates, and no offering rate for the family either, the line was unknown.
    const offline = { ...snapshot, savingsPlanRates: { offerings: [], bought: [] } };
    expect(lineOf(offline, await loadRules(), 'c6i').savingsPlanCoveredHourly).toBeNull();
  });

  it('SageMaker plans: hosting, notebook, training and Studio rates of the ml.* types found; other SageMaker usage is dropped', async () => {
    const session = new AwsSession({ endpointUrl: sp.url });
    try {
      const needs = {
        ec2: { regions: new Set<string>(), types: new Set<string>() },
        sagemaker: { regions: new Set(['us-east-1']), types: new Set(['ml.g5.xlarge']) },
      };
      const before = sp.requests.length;
      const rates = await collectOfferingRates({ session, account, warnings: new WarningSink(), now: new Date('2026-11-20T00:00:00Z') }, needs);
      const calls = sp.requests.slice(before);
      // Five SageMaker rates of that type, pages of 3: two calls, the same request.
      expect(calls.map((c) => [c.body['savingsPlanTypes'], c.body['products'], c.body['nextToken']])).toEqual([
        [['SageMaker'], ['SageMaker'], undefined],
        [['SageMaker'], ['SageMaker'], '3'],
      ]);
      expect(rates.map((r) => [r.planType, r.termMonths, r.use, r.usd])).toEqual([
        ['SageMaker', 12, 'hosting', 0.901],
        ['SageMaker', 12, 'notebook', 0.911],
        ['SageMaker', 36, 'training', 0.7],
        ['SageMaker', 12, 'studio', 0.92],
      ]);
    } finally {
      session.destroy();
    }
  });

  it('the printed IAM policy includes both rate actions', () => {
    expect(minimalPolicy().Statement[0]?.Action).toEqual(
      expect.arrayContaining(['savingsplans:DescribeSavingsPlansOfferingRates', 'savingsplans:DescribeSavingsPlanRates']),
    );
  });
});

describe('Savings Plans rate failures: one warning, the options stay - (never $0)', () => {
  const read = async (m: Mode) => {
    mode = m;
    const warnings = new WarningSink();
    const session = new AwsSession({ endpointUrl: sp.url, maxAttempts: 2 });
    const before = sp.requests.length;
    try {
      const offerings = await offeringRatesOrWarn({ session, account, warnings, now: new Date() }, rateNeeds(snapshot.resources));
      const m6i = lineOf({ ...snapshot, savingsPlanRates: { offerings, bought: [] } }, await loadRules(), 'm6i');
      return { offerings, warnings: warnings.list, m6i, requests: sp.requests.length - before };
    } finally {
      session.destroy();
      mode = 'ok';
    }
  };
  const unpriced = (l: PlanLine) => {
    const sps = l.options.filter((o) => o.kind !== 'reserved-instance');
    expect(sps).toHaveLength(4);
    for (const o of sps) {
      expect(o.monthlySavings).toBeNull();
      expect(o.unknown).toMatch(/^no Savings Plans rate was collected/);
    }
  };

  it('throttled (after the SDK retries): one warning naming the API, no rates', async () => {
    const r = await read('throttled');
    expect(r.offerings).toEqual([]);
    expect(r.requests).toBe(2);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'throttled',
        `${ACCOUNT}: could not read Savings Plans offering rates (DescribeSavingsPlansOfferingRates) (ThrottlingException: Rate exceeded); Savings Plans options stay unpriced`,
      ],
    ]);
    unpriced(r.m6i);
  });

  it('denied: one access-denied warning, no rates', async () => {
    const r = await read('denied');
    expect(r.warnings.map((w) => w.code)).toEqual(['access-denied']);
    unpriced(r.m6i);
  });

  it('a malformed page: one line saying what was wrong', async () => {
    const r = await read('malformed-page');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.message).toMatch(
      /DescribeSavingsPlansOfferingRates answered in an unexpected shape \(searchResults: .*\); Savings Plans options stay unpriced$/,
    );
    expect(r.warnings[0]?.message).not.toContain('\n');
    unpriced(r.m6i);
  });

  it('a malformed rate is dropped and counted in one warning', async () => {
    const r = await read('malformed-rate');
    expect(r.offerings).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['invalid-response', `${ACCOUNT}: DescribeSavingsPlansOfferingRates: 1 rate(s) in an unexpected shape were not used`],
    ]);
    unpriced(r.m6i);
  });
});
