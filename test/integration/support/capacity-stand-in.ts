import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TEST_CREDENTIALS } from '../../../bench/collect/seed.js';
import { collectWithUsage, type CollectUsage } from '../../../src/collect/run.js';
import type { Snapshot } from '../../../src/snapshot/schema.js';
import { runCli, type CliRun } from '../../helpers/cli.js';
import { testCollectOptions } from '../../helpers/collect-options.js';
import { startMoto, type Moto } from '../../helpers/moto.js';
import { stopAll } from '../../helpers/teardown.js';
import { LIST_PROVISIONED } from './bedrock-aws.js';
import { COST_EXPLORER_TARGET, savingsPlansRecommendation } from './cost-explorer-aws.js';
import { ec2Xml, startEc2Proxy, type Ec2Answer, type Ec2Proxy } from './ec2-proxy.js';
import { json, startLoopback, type Loopback, type LoopbackAnswer } from './loopback-aws.js';

/**
 * The stand-in the capacity, training-plan and Bedrock tests share: moto_server behind the EC2
 * proxy, which answers the APIs moto lacks (each test's own answers first; the rest answered empty,
 * so the only warnings are the ones a test causes), and a Savings Plans loopback. `deny` makes one
 * API (answered here or by moto) fail as AWS fails it until the step it wraps is done.
 */
export interface CapacityStandIn {
  moto: Moto;
  proxy: Ec2Proxy;
  collect(): Promise<{ snapshot: Snapshot; usage: CollectUsage }>;
  /** `mlcost audit --region us-east-1 --output json` over the stand-in, the built CLI as a user runs it. */
  audit(strict: boolean): Promise<CliRun>;
  deny<T>(action: string, error: LoopbackAnswer, step: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

const EMPTY: Readonly<Record<string, Ec2Answer>> = {
  DescribeCapacityReservations: () => ec2Xml('DescribeCapacityReservations', '<capacityReservationSet/>'),
  DescribeReservedInstances: () => ec2Xml('DescribeReservedInstances', '<reservedInstancesSet/>'),
  'SageMaker.ListTrainingPlans': () => json(200, { TrainingPlanSummaries: [] }, undefined, 'application/x-amz-json-1.1'),
  'SageMaker.ListApps': () => json(200, { Apps: [] }, undefined, 'application/x-amz-json-1.1'),
  [LIST_PROVISIONED]: () => json(200, { provisionedModelSummaries: [] }),
  // Cost Explorer's Savings Plans recommendation (beside the commitment plan): nothing to recommend.
  [COST_EXPLORER_TARGET]: (call) =>
    savingsPlansRecommendation({ method: 'POST', path: '/', target: COST_EXPLORER_TARGET, service: 'ce', region: call.region, body: call.json ?? {} }, {}),
};

export async function startCapacityStandIn(o: {
  now: Date;
  answers: Readonly<Record<string, Ec2Answer>>;
  /** Seeds moto (instances, launch templates, CloudWatch series) before anything is collected. */
  seed?: (moto: Moto) => Promise<void>;
}): Promise<CapacityStandIn> {
  const moto = await startMoto();
  // The proxy looks answers up per request, so deny() can swap one in, even for an action moto answers.
  const answers: Record<string, Ec2Answer> = { ...EMPTY, ...o.answers };
  const proxy = await startEc2Proxy(moto.endpoint, answers);
  // Savings Plans and Cost Explorer's recommendations (neither in moto): none bought, nothing recommended.
  const savingsPlans: Loopback = await startLoopback((req) =>
    req.target === COST_EXPLORER_TARGET ? savingsPlansRecommendation(req, {}) : json(200, { savingsPlans: [] }),
  );
  await o.seed?.(moto);
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  const tmp = mkdtempSync(join(tmpdir(), 'mlcost-stand-in-'));
  return {
    moto,
    proxy,
    collect: () => collectWithUsage(testCollectOptions(proxy.url, { now: o.now })),
    audit: (strict) =>
      runCli(['audit', '--region', 'us-east-1', ...(strict ? ['--strict'] : []), '--prices', 'embedded', '--output', 'json'], {
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
      }),
    async deny(action, error, step) {
      const answer = answers[action];
      answers[action] = () => error;
      try {
        return await step();
      } finally {
        if (answer) answers[action] = answer;
        else Reflect.deleteProperty(answers, action);
      }
    },
    stop: () => stopAll(savingsPlans, proxy, moto),
  };
}

export interface Denial {
  /** The answered action to fail, as the proxy names it (e.g. SageMaker.ListTrainingPlans). */
  action: string;
  /** AWS's error for it. */
  error: LoopbackAnswer;
  service: string;
  /** The warning's message after "ACCOUNT/REGION: ", naming the API. */
  message: RegExp;
  /** The resource list the denied API fills, read from a Snapshot. */
  list: (s: Snapshot) => readonly unknown[];
  /** More to check of what was still collected. */
  collected?: (s: Snapshot) => void;
  /** More to check of the CLI's JSON result. */
  result?: (result: { findings: { ruleId: string }[] }) => void;
}

/**
 * A denied API: in-process, one access-denied warning naming the API and the region, its list
 * empty and the rest collected; through the CLI, the warning on stderr without a stack trace, the
 * JSON still written, and exit 0, or 3 under --strict.
 */
export async function expectDeniedIsOneWarning(standIn: CapacityStandIn, d: Denial): Promise<void> {
  await standIn.deny(d.action, d.error, async () => {
    const { snapshot } = await standIn.collect();
    const w = snapshot.warnings.filter((x) => x.code === 'access-denied');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ accountId: '123456789012', region: 'us-east-1', service: d.service });
    expect(w[0]?.message).toMatch(new RegExp(`^123456789012/us-east-1: ${d.message.source}`));
    expect(d.list(snapshot)).toEqual([]);
    d.collected?.(snapshot);
    for (const [strict, code] of [
      [false, 0],
      [true, 3],
    ] as const) {
      const r = await standIn.audit(strict);
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`warning: 123456789012/us-east-1: ${d.message.source}`));
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const result = JSON.parse(r.stdout) as { scope?: unknown; findings: { ruleId: string }[] };
      expect(result.scope).toBeDefined();
      d.result?.(result);
    }
  });
}
