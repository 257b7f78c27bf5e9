import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '../../src/aws/limiter.js';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS, type Launched } from '../../bench/collect/seed.js';
import { collectWithUsage, type CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * Pagination at the API limits: more than 1,000 instances (DescribeInstances pages at 1,000;
 * moto pages by reservation, so each instance gets its own) and more than 500 metric queries
 * (three per instance, so several GetMetricData calls), with series landing on the right
 * instance across batch boundaries.
 */
const COUNT = 1010;
let moto: Moto;
let snapshot: Snapshot;
let usage: CollectUsage;
let launched: Launched[] = [];

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  moto = await startMoto();
  const { ec2, cw } = seedClients(moto.endpoint, 'eu-west-1');
  launched = (
    await mapLimit(
      Array.from({ length: COUNT }, (_, i) => i),
      8,
      () => launch(ec2, 'm5.large'),
    )
  ).flat();
  // Sparse on purpose: moto's GetMetricData cost grows with queries × stored datapoints.
  const marked = [launched[0]!, launched[499]!, launched[COUNT - 1]!];
  await putSeries(
    cw,
    marked.map((l, i) => ({
      namespace: 'AWS/EC2',
      metricName: 'CPUUtilization',
      dimensions: { InstanceId: l.id },
      points: daily(new Date(), 3, () => 11 * (i + 1)),
    })),
  );
  ({ snapshot, usage } = await collectWithUsage({
    config: ConfigSchema.parse({}),
    regions: ['eu-west-1'],
    allRegions: false,
    endpointUrl: moto.endpoint,
    lookbackDays: 14,
    org: false,
    prices: 'embedded',
    maxAttempts: 2,
  }));
}, 240_000);

afterAll(async () => {
  await stopAll(moto);
});

describe('collect: pagination at scale', () => {
  it('reads every one of more than 1,000 instances over several DescribeInstances pages', () => {
    expect(snapshot.resources.ec2Instances).toHaveLength(COUNT);
    expect(new Set(snapshot.resources.ec2Instances.map((i) => i.id))).toEqual(new Set(launched.map((l) => l.id)));
    expect(usage.apiCalls['ec2:DescribeInstances']).toBe(2);
  });

  it('batches more than 500 queries into ceil(queries / 500) GetMetricData calls and maps results back', () => {
    // Three per instance (CPU, network in, out) and two per EBS volume (moto gives each instance a root volume).
    const queries = COUNT * 3 + snapshot.resources.ebsVolumes.length * 2;
    expect(snapshot.resources.ebsVolumes.length).toBeGreaterThanOrEqual(COUNT);
    expect(usage.cloudwatchMetricsRequested).toBe(queries);
    expect(usage.apiCalls['cloudwatch:GetMetricData']).toBe(Math.ceil(queries / 500));
    const cpu = (id: string) => snapshot.resources.ec2Instances.find((i) => i.id === id)?.metrics.cpu?.avg;
    expect([cpu(launched[0]!.id), cpu(launched[499]!.id), cpu(launched[COUNT - 1]!.id)]).toEqual([11, 22, 33]);
    expect(snapshot.resources.ec2Instances.filter((i) => i.metrics.cpu !== undefined)).toHaveLength(3);
  });
});
