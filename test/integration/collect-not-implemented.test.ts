import { DescribeReservedInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeSavingsPlansCommand } from '@aws-sdk/client-savingsplans';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { classifyAwsError } from '../../src/aws/errors.js';
import { AwsSession } from '../../src/aws/session.js';
import { collectWithUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { json, startLoopback, type Loopback } from './support/loopback-aws.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * moto_server answers operations it lacks (DescribeReservedInstances, all of Savings Plans) with an
 * HTML 500 page. The SDK would retry that as a transient error; mlcost sends it once and turns it
 * into one warning, while a real 5xx from AWS keeps its retries.
 */
let moto: Moto;
let gateway: Loopback;
const identity = { accountId: '123456789012', credentials: () => Promise.resolve(TEST_CREDENTIALS) };

beforeAll(async () => {
  moto = await startMoto();
  await launch(seedClients(moto.endpoint, 'us-east-1').ec2, 'm6i.large', 1);
  // An AWS-shaped 500 (coded JSON error body): transient, so retried.
  gateway = await startLoopback(() => json(500, { message: 'We encountered an internal error. Please try again.' }, 'InternalServerException'));
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
}, 120_000);

afterAll(async () => {
  await stopAll(gateway, moto);
});

describe('operations the endpoint does not implement', () => {
  it('DescribeReservedInstances against moto_server: one attempt even with 6 allowed, classified not-implemented', async () => {
    const session = new AwsSession({ endpointUrl: moto.endpoint, maxAttempts: 6 });
    try {
      const err = await session
        .client('ec2', 'us-east-1', identity)
        .send(new DescribeReservedInstancesCommand({}))
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((err as { $metadata?: { attempts?: number; httpStatusCode?: number } }).$metadata).toMatchObject({ attempts: 1, httpStatusCode: 500 });
      expect(classifyAwsError(err)).toMatchObject({ kind: 'not-implemented', code: 'HTTP 500' });
      expect(session.counter.count('ec2:DescribeReservedInstances')).toBe(1);
    } finally {
      session.destroy();
    }
  });

  it('an AWS-style 500 with an error code is still retried to the attempt limit', async () => {
    const session = new AwsSession({ endpointUrl: gateway.url, maxAttempts: 3 });
    try {
      const err: unknown = await session
        .client('savingsplans', 'us-east-1', identity)
        .send(new DescribeSavingsPlansCommand({}))
        .catch((e: unknown) => e);
      expect(gateway.requests).toHaveLength(3);
      expect(classifyAwsError(err).kind).toBe('error');
    } finally {
      session.destroy();
    }
  });

  it('a live collection keeps exactly one warning for each unimplemented API, and still reads everything else', async () => {
    const { snapshot, usage } = await collectWithUsage({
      config: ConfigSchema.parse({}),
      regions: ['us-east-1'],
      allRegions: false,
      endpointUrl: moto.endpoint,
      lookbackDays: 14,
      org: false,
      prices: 'embedded',
      maxAttempts: 6,
    });
    expect(snapshot.resources.ec2Instances).toHaveLength(1);
    const ni = snapshot.warnings.filter((w) => w.code === 'not-implemented');
    expect(ni.map((w) => w.message.replace(/ \(HTTP 500: .*$/, '')).sort()).toEqual([
      '123456789012/us-east-1: could not read Bedrock provisioned throughput (ListProvisionedModelThroughputs)',
      '123456789012/us-east-1: could not read EC2 capacity reservations (DescribeCapacityReservations)',
      '123456789012/us-east-1: could not read SageMaker Studio apps (ListApps)',
      '123456789012/us-east-1: could not read SageMaker training plans (ListTrainingPlans)',
      '123456789012/us-east-1: could not read reserved instances',
      // The first of six Cost Explorer calls finds the API missing; the other five are not made.
      "123456789012: could not read Cost Explorer's COMPUTE_SP ONE_YEAR Savings Plans recommendation (us-east-1)",
      '123456789012: could not read Savings Plans (global endpoint, us-east-1)',
    ]);
    expect(usage.apiCalls['ce:GetSavingsPlansPurchaseRecommendation']).toBe(1);
    expect(usage.apiCalls['ec2:DescribeReservedInstances']).toBe(1);
    expect(usage.apiCalls['savingsplans:DescribeSavingsPlans']).toBe(1);
  });
});
