import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditResultSchema } from '../../src/engine/result.js';
import { runCli } from '../helpers/cli.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { COST_EXPLORER_TARGET, savingsPlansRecommendation } from '../integration/support/cost-explorer-aws.js';
import { startLoopback, type Loopback } from '../integration/support/loopback-aws.js';

/**
 * `mlcost audit` as a user runs it against an account whose Cost Explorer recommends a Compute Savings
 * Plan: the built CLI's real Cost Explorer client goes over the wire to a loopback endpoint answering in
 * AWS's shape (moto_server lacks the API), everything else to moto_server.
 */
let moto: Moto;
let ce: Loopback;
beforeAll(async () => {
  moto = await startMoto();
  ce = await startLoopback((req) =>
    savingsPlansRecommendation(req, {
      'COMPUTE_SP/ONE_YEAR': {
        hourly: '0.07',
        monthlySavings: '19.71',
        savingsPct: '27.8',
        onDemandSpend: '32.26',
        details: [{ hourly: '0.07', monthlySavings: '19.71', averageOnDemand: '0.192' }],
      },
    }),
  );
  const ec2 = new EC2Client({ region: 'eu-west-1', endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }));
}, 120_000);
afterAll(() => stopAll(ce, moto));

const env = () => ({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: moto.endpoint, AWS_ENDPOINT_URL_COST_EXPLORER: ce.url });

describe('mlcost audit with Cost Explorer’s Savings Plans recommendation', () => {
  it('collects it from the us-east-1 endpoint whatever region is audited, and shows it beside the plan in JSON and the table', async () => {
    const json = await runCli(['audit', '--region', 'eu-west-1', '--prices', 'embedded', '--output', 'json'], { env: env() });
    expect(json.code, json.stderr).toBe(0);
    const calls = ce.requests.filter((r) => r.target === COST_EXPLORER_TARGET);
    expect(calls).toHaveLength(6);
    expect(new Set(calls.map((r) => `${r.service} ${r.region}`))).toEqual(new Set(['ce us-east-1']));
    const result = AuditResultSchema.parse(JSON.parse(json.stdout));
    const account = result.commitmentPlan?.accounts[0];
    expect(account?.costExplorer?.map((c) => [c.savingsPlansType, c.termInYears, c.hourlyCommitment, c.estimatedMonthlySavings])).toEqual([
      ['COMPUTE_SP', 'ONE_YEAR', 0.07, 19.71],
      ['COMPUTE_SP', 'THREE_YEARS', 0, 0],
      ['EC2_INSTANCE_SP', 'ONE_YEAR', 0, 0],
      ['EC2_INSTANCE_SP', 'THREE_YEARS', 0, 0],
      ['SAGEMAKER_SP', 'ONE_YEAR', 0, 0],
      ['SAGEMAKER_SP', 'THREE_YEARS', 0, 0],
    ]);
    // A 14-day audit asks for the nearest period Cost Explorer offers.
    expect(calls[0]?.body['LookbackPeriodInDays']).toBe('SEVEN_DAYS');
    expect(json.stderr).toMatch(/AWS API calls \(.*ce 6/);

    const table = await runCli(['audit', '--region', 'eu-west-1', '--prices', 'embedded', '--output', 'table'], { env: env() });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(
      /Cost Explorer recommends \[\d+\], beside ours:\n {4}1-year Compute Savings Plan, no upfront: \$0\.07\/h, saves \$19\.71\/month; ours: nothing priced to buy\n {4}why they differ: Cost Explorer sizes on every on-demand hour billed in the last 7 days; ours only on steady usage/,
    );
  });
});
