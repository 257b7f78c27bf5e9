import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { AwsSession } from '../../src/aws/session.js';
import { WarningSink, type Account } from '../../src/collect/context.js';
import { collectRecommendations, lookbackPeriodFor } from '../../src/collect/savings-plans-recommendations.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { stopAll } from '../helpers/teardown.js';
import { COST_EXPLORER_TARGET, savingsPlansRecommendation, type RecommendationShape } from './support/cost-explorer-aws.js';
import { HTML_500, json, startLoopback, type Loopback, type LoopbackAnswer, type LoopbackRequest } from './support/loopback-aws.js';

/** Cost Explorer's Savings Plans recommendations through the real SDK client, served in AWS's shape from loopback (moto lacks the API). */
const ACCOUNT = '123456789012';
const account: Account = { accountId: ACCOUNT, credentials: () => Promise.resolve(TEST_CREDENTIALS) };
const COMPUTE: RecommendationShape = {
  hourly: '2.125',
  monthlySavings: '689.12',
  savingsPct: '30.7',
  onDemandSpend: '1035.45',
  details: [{ hourly: '2.125', monthlySavings: '689.12', averageOnDemand: '3.08' }],
};
const EC2_INSTANCE: RecommendationShape = {
  hourly: '1.8',
  monthlySavings: '702.5',
  savingsPct: '34.2',
  onDemandSpend: '1035.45',
  details: [{ region: 'us-east-1', family: 'g5', hourly: '1.8', monthlySavings: '702.5', averageOnDemand: '2.9' }],
};

let ce: Loopback;
let answer: (req: LoopbackRequest) => LoopbackAnswer = () => HTML_500;

beforeAll(async () => {
  ce = await startLoopback((req) => answer(req));
});
afterAll(() => stopAll(ce));

async function read(days = 14, maxAttempts = 2) {
  const before = ce.requests.length;
  const warnings = new WarningSink();
  const session = new AwsSession({ endpointUrl: ce.url, maxAttempts });
  try {
    const window = { start: new Date('2026-11-06T00:00:00Z'), end: new Date('2026-11-20T00:00:00Z'), days, periodSeconds: 3600 };
    const recs = await collectRecommendations({ session, account, warnings, window });
    return { recs, warnings: warnings.list, requests: ce.requests.slice(before) };
  } finally {
    session.destroy();
  }
}

describe('Cost Explorer Savings Plans recommendations', () => {
  it('asks for every plan type and term, no upfront, on the us-east-1 endpoint, and keeps the summary and details in USD numbers', async () => {
    answer = (req) => savingsPlansRecommendation(req, { 'COMPUTE_SP/ONE_YEAR': COMPUTE, 'EC2_INSTANCE_SP/ONE_YEAR': EC2_INSTANCE });
    const r = await read(30);
    expect(
      r.requests.map((q) => [
        q.target,
        q.service,
        q.region,
        q.body['SavingsPlansType'],
        q.body['TermInYears'],
        q.body['PaymentOption'],
        q.body['LookbackPeriodInDays'],
      ]),
    ).toEqual(
      ['COMPUTE_SP', 'EC2_INSTANCE_SP', 'SAGEMAKER_SP'].flatMap((t) =>
        ['ONE_YEAR', 'THREE_YEARS'].map((term) => [COST_EXPLORER_TARGET, 'ce', 'us-east-1', t, term, 'NO_UPFRONT', 'THIRTY_DAYS']),
      ),
    );
    expect(r.warnings).toEqual([]);
    expect(r.recs).toHaveLength(6);
    expect(r.recs[0]).toEqual({
      accountId: ACCOUNT,
      savingsPlansType: 'COMPUTE_SP',
      termInYears: 'ONE_YEAR',
      paymentOption: 'NO_UPFRONT',
      lookbackPeriodInDays: 'THIRTY_DAYS',
      generatedAt: '2026-11-19T06:00:00Z',
      hourlyCommitment: 2.125,
      estimatedMonthlySavings: 689.12,
      estimatedSavingsPercentage: 30.7,
      currentOnDemandSpend: 1035.45,
      details: [{ hourlyCommitment: 2.125, estimatedMonthlySavings: 689.12, currentAverageHourlyOnDemandSpend: 3.08 }],
    });
    expect(r.recs[2]?.details).toEqual([
      { region: 'us-east-1', instanceFamily: 'g5', hourlyCommitment: 1.8, estimatedMonthlySavings: 702.5, currentAverageHourlyOnDemandSpend: 2.9 },
    ]);
    // No summary: Cost Explorer recommends nothing for that type and term.
    expect(r.recs[1]).toMatchObject({
      savingsPlansType: 'COMPUTE_SP',
      termInYears: 'THREE_YEARS',
      hourlyCommitment: 0,
      estimatedMonthlySavings: 0,
      details: [],
    });
  });

  it.each([
    [7, 'SEVEN_DAYS'],
    [14, 'SEVEN_DAYS'],
    [19, 'THIRTY_DAYS'],
    [45, 'SIXTY_DAYS'],
    [90, 'SIXTY_DAYS'],
  ] as const)('a %i-day lookback asks Cost Explorer for %s', (days, period) => {
    expect(lookbackPeriodFor(days)).toBe(period);
  });

  it('access denied: one warning naming the account, one call, no recommendations, never a failure', async () => {
    answer = () =>
      json(
        400,
        {
          __type: 'AccessDeniedException',
          Message: `User: arn:aws:iam::${ACCOUNT}:user/auditor is not authorized to perform: ce:GetSavingsPlansPurchaseRecommendation`,
        },
        'AccessDeniedException',
      );
    const r = await read();
    expect(r.recs).toEqual([]);
    expect(r.requests).toHaveLength(1);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'access-denied', accountId: ACCOUNT, service: 'ce' });
    expect(r.warnings[0]?.message).toMatch(
      /^123456789012: could not read Cost Explorer's COMPUTE_SP ONE_YEAR Savings Plans recommendation .*; the commitment plan is shown without it$/,
    );
  });

  it('DataUnavailable for one plan type: a warning for it, the others kept', async () => {
    answer = (req) =>
      req.body['SavingsPlansType'] === 'SAGEMAKER_SP'
        ? json(400, { __type: 'DataUnavailableException', Message: 'Data is not available for this request' }, 'DataUnavailableException')
        : savingsPlansRecommendation(req, { 'COMPUTE_SP/ONE_YEAR': COMPUTE });
    const r = await read();
    expect(r.recs.map((x) => `${x.savingsPlansType} ${x.termInYears}`)).toEqual([
      'COMPUTE_SP ONE_YEAR',
      'COMPUTE_SP THREE_YEARS',
      'EC2_INSTANCE_SP ONE_YEAR',
      'EC2_INSTANCE_SP THREE_YEARS',
    ]);
    expect(r.warnings.map((w) => [w.code, w.message.includes('DataUnavailableException')])).toEqual([
      ['error', true],
      ['error', true],
    ]);
  });

  it('an endpoint without the API (HTML 500, as moto_server answers): one warning, no recommendations', async () => {
    answer = () => HTML_500;
    const r = await read(14, 4);
    expect(r.recs).toEqual([]);
    expect(r.requests).toHaveLength(1);
    expect(r.warnings.map((w) => w.code)).toEqual(['not-implemented']);
  });

  it('an amount that is not a number is refused with a warning naming the response, not read as 0', async () => {
    answer = (req) => savingsPlansRecommendation(req, { 'COMPUTE_SP/ONE_YEAR': { ...COMPUTE, hourly: 'lots' } });
    const r = await read();
    expect(r.recs.some((x) => x.savingsPlansType === 'COMPUTE_SP' && x.termInYears === 'ONE_YEAR')).toBe(false);
    expect(r.warnings[0]?.message).toMatch(
      /unexpected shape \(SavingsPlansPurchaseRecommendation\.SavingsPlansPurchaseRecommendationSummary\.HourlyCommitmentToPurchase: not a decimal amount\)/,
    );
  });

  it('the printed IAM policy includes ce:GetSavingsPlansPurchaseRecommendation', () => {
    expect(minimalPolicy().Statement[0]?.Action).toContain('ce:GetSavingsPlansPurchaseRecommendation');
  });
});
