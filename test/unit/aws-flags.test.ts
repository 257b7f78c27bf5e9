import { describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../src/aws/counter.js';
import { estimateApiCostUsd } from '../../src/aws/cost.js';
import { classifyAwsError } from '../../src/aws/errors.js';
import { collectOptionsFromFlags, parseLookback } from '../../src/cli/aws-flags.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { UserError } from '../../src/errors.js';

const config = ConfigSchema.parse({ lookbackDays: 21, prices: 'embedded' });

describe('AWS flags -> CollectOptions', () => {
  it('defaults come from the config', () => {
    expect(collectOptionsFromFlags({}, config)).toMatchObject({ regions: [], allRegions: false, lookbackDays: 21, org: false, prices: 'embedded' });
  });

  it('flags win: regions list, lookback, endpoint, org role, prices', () => {
    const o = collectOptionsFromFlags(
      {
        regions: 'us-east-1, us-west-2',
        lookback: '30d',
        'endpoint-url': 'http://127.0.0.1:5000',
        org: true,
        'org-role': 'Audit',
        prices: 'live',
        profile: 'ml',
      },
      config,
    );
    expect(o).toMatchObject({
      regions: ['us-east-1', 'us-west-2'],
      lookbackDays: 30,
      endpointUrl: 'http://127.0.0.1:5000',
      org: true,
      orgRoleName: 'Audit',
      prices: 'live',
      profile: 'ml',
    });
    expect(collectOptionsFromFlags({ region: 'eu-west-1' }, config).regions).toEqual(['eu-west-1']);
  });

  it.each([
    ['14d', 14],
    ['4w', 28],
    ['7', 7],
    ['455d', 455],
  ])('lookback %s = %i days', (text, days) => {
    expect(parseLookback(text)).toBe(days);
  });

  it.each([
    [{ lookback: '2y' }, '--lookback: "2y" is not a window of 1 to 455 days'],
    [{ lookback: '0d' }, '--lookback'],
    [{ regions: 'us-east-1,mars' }, '"mars" is not an AWS region name'],
    [{ regions: ' , ' }, '--regions: give at least one region'],
    [{ 'endpoint-url': 'localhost:5000' }, '--endpoint-url: "localhost:5000" is not an http(s) URL'],
  ])('bad input %j is a one-line usage error', (flags, message) => {
    let error: unknown;
    try {
      collectOptionsFromFlags(flags, config);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toContain(message);
    expect((error as UserError).message).not.toContain('\n');
  });
});

describe('API cost and error kinds', () => {
  it('prices GetMetricData per metric and the other billed reads per request', () => {
    const c = new ApiCallCounter();
    for (let i = 0; i < 108; i++) c.add('cloudwatch:GetMetricData');
    c.addMetricsRequested(54_000);
    c.add('cloudwatch:ListMetrics');
    c.add('ec2:DescribeInstances');
    c.add('s3:ListBuckets');
    c.add('ce:GetCostAndUsage');
    expect(estimateApiCostUsd(c)).toBeCloseTo(0.54 + 0.00001 + 0.000005 + 0.01, 6);
    expect(Object.keys(c.toRecord())).toEqual([
      'ce:GetCostAndUsage',
      'cloudwatch:GetMetricData',
      'cloudwatch:ListMetrics',
      'ec2:DescribeInstances',
      's3:ListBuckets',
    ]);
  });

  it.each([
    [{ name: 'UnauthorizedOperation', message: 'no' }, 'access-denied'],
    [{ name: 'AccessDeniedException', message: 'no' }, 'access-denied'],
    [{ name: 'OptInRequired', message: 'x' }, 'opt-in-required'],
    [{ name: 'ThrottlingException', message: 'x' }, 'throttled'],
    [{ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, 'no-credentials'],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }), 'unreachable'],
    [{ name: 'InternalError', message: 'x' }, 'error'],
  ])('%j is %s', (err, kind) => {
    expect(classifyAwsError(err).kind).toBe(kind);
  });
});
