import { CreateTrainingJobCommand, SageMakerClient, type CreateTrainingJobCommandInput, type TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putSeries, seedClients } from '../../bench/collect/seed.js';
import { collectWithUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { startSageMakerProxy, type SageMakerProxy } from './support/sagemaker-proxy.js';

/**
 * Training jobs created in moto_server through the SDK; moto's DescribeTrainingJob lacks the billed
 * times and the warm-pool status, which the proxy adds in AWS's shape. Collected live over 14 days,
 * then judged by the real rules, to the cent.
 */
const REGION = 'us-east-1';
const config = ConfigSchema.parse({});
let moto: Moto;
let proxy: SageMakerProxy;
let snapshot: Snapshot;
let result: AuditResult;

const PLAN_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:training-plan/g5-week';

/** What moto does not model, per job, as DescribeTrainingJob gives it. */
const BILLED: Record<string, Record<string, unknown>> = {
  'bert-ckpt': { TrainingTimeInSeconds: 10_800, BillableTimeInSeconds: 10_800 },
  'sweep-warm': {
    TrainingTimeInSeconds: 3600,
    BillableTimeInSeconds: 1200,
    WarmPoolStatus: { Status: 'Terminated', ResourceRetainedBillableTimeInSeconds: 5400 },
  },
  'spot-ok': { TrainingTimeInSeconds: 7200, BillableTimeInSeconds: 2400 },
  'big-idle': { TrainingTimeInSeconds: 7200, BillableTimeInSeconds: 7200 },
  // moto drops ResourceConfig.TrainingPlanArn; AWS returns it inside ResourceConfig (API_ResourceConfig).
  'in-plan': {
    TrainingTimeInSeconds: 10_800,
    BillableTimeInSeconds: 10_800,
    ResourceConfig: { InstanceType: 'ml.g5.2xlarge', InstanceCount: 2, VolumeSizeInGB: 50, TrainingPlanArn: PLAN_ARN },
  },
};

const job = (
  name: string,
  extra: Partial<CreateTrainingJobCommandInput>,
  resource: { type: string; count: number; keepAlive?: number },
): CreateTrainingJobCommandInput => ({
  TrainingJobName: name,
  AlgorithmSpecification: { TrainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3', TrainingInputMode: 'File' },
  RoleArn: 'arn:aws:iam::123456789012:role/sm',
  OutputDataConfig: { S3OutputPath: 's3://ml-out/' },
  ResourceConfig: {
    InstanceType: resource.type as TrainingInstanceType,
    InstanceCount: resource.count,
    VolumeSizeInGB: 50,
    ...(resource.keepAlive !== undefined ? { KeepAlivePeriodInSeconds: resource.keepAlive } : {}),
  },
  StoppingCondition: { MaxRuntimeInSeconds: 86_400 },
  Tags: [{ Key: 'team', Value: 'nlp' }],
  ...extra,
});

async function collect(endpointUrl: string): Promise<Snapshot> {
  return (await collectWithUsage(testCollectOptions(endpointUrl, { config, regions: [REGION], maxAttempts: 1, cacheDir: '/nonexistent/mlcost-test-cache' })))
    .snapshot;
}

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  moto = await startMoto();
  const sm = new SageMakerClient({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  await sm.send(new CreateTrainingJobCommand(job('bert-ckpt', { CheckpointConfig: { S3Uri: 's3://ml-ckpt/bert/' } }, { type: 'ml.g5.2xlarge', count: 2 })));
  await sm.send(
    new CreateTrainingJobCommand(
      job(
        'sweep-warm',
        { EnableManagedSpotTraining: true, StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 } },
        { type: 'ml.g5.2xlarge', count: 1, keepAlive: 3600 },
      ),
    ),
  );
  await sm.send(new CreateTrainingJobCommand(job('in-plan', { CheckpointConfig: { S3Uri: 's3://ml-ckpt/plan/' } }, { type: 'ml.g5.2xlarge', count: 2 })));
  await sm.send(new CreateTrainingJobCommand(job('spot-ok', { EnableManagedSpotTraining: true }, { type: 'ml.g5.2xlarge', count: 1 })));
  await sm.send(new CreateTrainingJobCommand(job('big-idle', { EnableManagedSpotTraining: true }, { type: 'ml.g5.2xlarge', count: 2 })));
  // Each host's GPU at 10% for the job's two hours (one A10G per ml.g5.2xlarge, so 0-100 as published); spot-ok's GPU busy.
  const hours = [1, 2, 3].map((h) => new Date(Date.now() - h * 3_600_000));
  const gpu = (host: string, v: number) => ({
    namespace: '/aws/sagemaker/TrainingJobs',
    metricName: 'GPUUtilization',
    dimensions: { Host: host },
    points: hours.map((t) => ({ t, v })),
  });
  await putSeries(seedClients(moto.endpoint, REGION).cw, [gpu('big-idle/algo-1', 10), gpu('big-idle/algo-2', 8), gpu('spot-ok/algo-1', 90)]);
  proxy = await startSageMakerProxy(moto.endpoint, {
    augment: { DescribeTrainingJob: (req) => BILLED[String(req['TrainingJobName'])] ?? {} },
  });
  snapshot = await collect(proxy.url);
  result = evaluate(snapshot, { rules: await loadRules(), config });
}, 180_000);

afterAll(async () => {
  await stopAll(proxy, moto);
});

describe('collect: SageMaker training jobs against moto_server', () => {
  it('lists the jobs created since the window start, paginated, and describes each', () => {
    const list = proxy.calls.filter((c) => c.operation === 'ListTrainingJobs');
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list[0]!.body).toMatchObject({ CreationTimeAfter: expect.any(Number) as number, MaxResults: 100 });
    expect(Date.parse(snapshot.scope.lookback.start) / 1000).toBe(list[0]!.body['CreationTimeAfter']);
    expect(proxy.calls.filter((c) => c.operation === 'DescribeTrainingJob').map((c) => c.body['TrainingJobName'])).toEqual(
      expect.arrayContaining(['bert-ckpt', 'sweep-warm', 'spot-ok']),
    );
  });

  it('keeps what AWS says about each job: type, count, spot, checkpoints, billed time, warm pool, tags', () => {
    const byName = new Map(snapshot.resources.sagemakerTrainingJobs.map((j) => [j.name, j]));
    expect(byName.get('bert-ckpt')).toMatchObject({
      instanceType: 'ml.g5.2xlarge',
      instanceCount: 2,
      managedSpot: false,
      checkpointS3Uri: 's3://ml-ckpt/bert/',
      trainingTimeSeconds: 10_800,
      billableTimeSeconds: 10_800,
      maxRuntimeSeconds: 86_400,
      tags: { team: 'nlp' },
      status: 'Completed',
    });
    expect(byName.get('sweep-warm')).toMatchObject({
      managedSpot: true,
      keepAlivePeriodSeconds: 3600,
      maxWaitTimeSeconds: 7200,
      warmPool: { status: 'Terminated', retainedBillableSeconds: 5400 },
    });
    expect(byName.get('sweep-warm')?.warmPool?.reusedByJob).toBeUndefined();
    expect(byName.get('in-plan')).toMatchObject({ managedSpot: false, trainingPlanArn: PLAN_ARN });
    expect(byName.get('bert-ckpt')?.trainingPlanArn).toBeUndefined();
  });

  it('reads GPU utilisation per host from /aws/sagemaker/TrainingJobs (Host = job/algo-N) and keeps the busiest host', () => {
    const byName = new Map(snapshot.resources.sagemakerTrainingJobs.map((j) => [j.name, j]));
    expect(byName.get('big-idle')?.metrics.gpu).toMatchObject({ max: 10, p95: 10, datapoints: 3 });
    expect(byName.get('spot-ok')?.metrics.gpu).toMatchObject({ max: 90 });
    expect(byName.get('bert-ckpt')?.metrics.gpu).toBeUndefined();
  });

  it('finds the on-demand job with checkpoints ($12.08 a month), the unused warm pool ($4.87), the idle GPUs ($6.49), nothing on the busy spot job', () => {
    const of = (name: string) => result.findings.filter((f) => f.resource.id === name).map((f) => [f.ruleId, f.monthlySavings]);
    expect(of('bert-ckpt')).toEqual([['training-without-spot', 12.08]]);
    expect(of('sweep-warm')).toEqual([['unused-warm-pool', 4.87]]);
    expect(of('spot-ok')).toEqual([]);
    // The same on-demand shape as bert-ckpt, but in a training plan: capacity already paid for, not told to use spot.
    expect(of('in-plan')).toEqual([]);
    // 2 hosts at p95 10% fit on one: half of 4 instance-hours x $1.515 x 30/14.
    expect(of('big-idle')).toEqual([['training-gpu-underused', 6.49]]);
  });

  it('a denied ListTrainingJobs is one warning naming the training jobs and the region, and the rest of the audit stands', async () => {
    const denied = await startSageMakerProxy(moto.endpoint, { deny: ['ListTrainingJobs'] });
    try {
      const partial = await collect(denied.url);
      expect(partial.resources.sagemakerTrainingJobs).toEqual([]);
      // moto lacks ListTrainingPlans: its not-implemented warning is another API's, not this denial.
      const w = partial.warnings.filter((x) => x.service === 'sagemaker' && x.code !== 'not-implemented');
      expect(w).toHaveLength(1);
      expect(w[0]).toMatchObject({ code: 'access-denied', region: REGION });
      expect(w[0]!.message).toMatch(
        /us-east-1: could not read SageMaker training jobs \(AccessDeniedException: User is not authorized to perform: sagemaker:ListTrainingJobs\)/,
      );
    } finally {
      await denied.stop();
    }
  });
});
