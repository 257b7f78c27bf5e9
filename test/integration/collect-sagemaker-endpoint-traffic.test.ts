import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
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

/**
 * A GPU endpoint in moto_server called from 09:00 to 12:00 UTC every day, its hourly Invocations
 * and GPU utilisation seeded in moto's CloudWatch; collected live over 14 days at an hourly period.
 */
const REGION = 'us-east-1';
let moto: Moto;
let snapshot: Snapshot;
let result: AuditResult;

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  moto = await startMoto();
  const sm = new SageMakerClient({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  await sm.send(
    new CreateModelCommand({
      ModelName: 'sum',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/sm',
      PrimaryContainer: { Image: '1.dkr.ecr.us-east-1.amazonaws.com/s:1' },
    }),
  );
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: 'sum-cfg',
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'sum', InstanceType: 'ml.g4dn.2xlarge', InitialInstanceCount: 1 }],
    }),
  );
  await sm.send(new CreateEndpointCommand({ EndpointName: 'summarizer', EndpointConfigName: 'sum-cfg' }));
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const at = (daysAgo: number, hour: number) => new Date(today - daysAgo * 86_400_000 + hour * 3_600_000);
  const days = Array.from({ length: 13 }, (_, i) => i + 1);
  const dims = { EndpointName: 'summarizer', VariantName: 'AllTraffic' };
  await putSeries(seedClients(moto.endpoint, REGION).cw, [
    { namespace: 'AWS/SageMaker', metricName: 'Invocations', dimensions: dims, points: days.flatMap((d) => [9, 10, 11].map((h) => ({ t: at(d, h), v: 40 }))) },
    {
      namespace: '/aws/sagemaker/Endpoints',
      metricName: 'GPUUtilization',
      dimensions: dims,
      points: days.flatMap((d) => Array.from({ length: 24 }, (_, h) => ({ t: at(d, h), v: h >= 9 && h < 12 ? 60 : 0 }))),
    },
  ]);
  const config = ConfigSchema.parse({});
  snapshot = (await collectWithUsage(testCollectOptions(moto.endpoint, { config, regions: [REGION], cacheDir: '/nonexistent/mlcost-test-cache' }))).snapshot;
  result = evaluate(snapshot, { rules: await loadRules(), config });
}, 180_000);

afterAll(async () => {
  await stopAll(moto);
});

describe('collect: a GPU endpoint with traffic three hours a day, against moto_server', () => {
  it('keeps Invocations by hour of week: 21 active hours of the 168', () => {
    const profile = snapshot.resources.sagemakerEndpoints[0]?.variants[0]?.metrics.invocations?.hourOfWeek;
    expect(profile?.mean.filter((v) => v > 0)).toHaveLength(21);
  });

  it('finds low-traffic-gpu-endpoint priced as the hours it would run: $0.94 x 730 x (1 - 3/24) = $600.43 a month', () => {
    const f = result.findings.find((x) => x.resource.id === 'summarizer');
    expect(f).toMatchObject({ ruleId: 'low-traffic-gpu-endpoint', monthlySavings: 600.43, evidence: { activeHoursPerDay: 3 } });
  });
});
