import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../../bench/collect/proxy.js';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { collectSnapshot } from '../../src/collect/run.js';
import type { CollectOptions } from '../../src/collect/types.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * Two regions read at once, one of them denied, and throttled calls on the other, through a
 * proxy that answers as AWS does: the readable region arrives whole, the denied one is a warning.
 */
let moto: Moto;
let proxy: Proxy;
let direct: Snapshot;
let faulty: Snapshot;
const west: string[] = [];

const options = (endpointUrl: string): CollectOptions =>
  // Two injected throttles, then success.
  testCollectOptions(endpointUrl, { regions: ['us-west-2', 'us-east-2'], maxAttempts: 3 });

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  moto = await startMoto();
  for (const region of ['us-west-2', 'us-east-2']) {
    const { ec2, cw } = seedClients(moto.endpoint, region);
    const launched = await launch(ec2, 'g5.xlarge', 3);
    if (region === 'us-west-2') west.push(...launched.map((l) => l.id));
    await putSeries(
      cw,
      launched.map((l, i) => ({
        namespace: 'AWS/EC2',
        metricName: 'CPUUtilization',
        dimensions: { InstanceId: l.id },
        points: daily(new Date(), 14, (d) => i * 10 + d),
      })),
    );
  }
  direct = await collectSnapshot(options(moto.endpoint));
  proxy = await startProxy(moto.endpoint, {
    faults: [
      { region: 'us-east-2', kind: 'deny' },
      { service: 'ec2', operation: 'DescribeInstances', region: 'us-west-2', kind: 'throttle', times: 2 },
      { service: 'monitoring', operation: 'GetMetricData', region: 'us-west-2', kind: 'throttle', times: 2 },
    ],
  });
  faulty = await collectSnapshot(options(proxy.url));
}, 180_000);

afterAll(async () => {
  await stopAll(proxy, moto);
});

describe('collect: regions, access denied, throttling', () => {
  it('reads both regions concurrently when nothing fails', () => {
    expect(direct.scope.regions).toEqual(['us-west-2', 'us-east-2']);
    expect(direct.resources.ec2Instances.filter((i) => i.region === 'us-west-2')).toHaveLength(3);
    expect(direct.resources.ec2Instances.filter((i) => i.region === 'us-east-2')).toHaveLength(3);
    expect(direct.resources.ec2Instances.every((i) => i.metrics.cpu?.datapoints)).toBe(true);
  });

  it('throttled calls are retried and lose nothing: the readable region matches the direct read', () => {
    expect(proxy.injected.get('ec2:DescribeInstances:throttle')).toBe(2);
    expect(proxy.injected.get('monitoring:GetMetricData:throttle')).toBe(2);
    const pick = (s: Snapshot) =>
      s.resources.ec2Instances
        .filter((i) => i.region === 'us-west-2')
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((i) => ({ id: i.id, cpu: i.metrics.cpu }));
    expect(pick(faulty)).toEqual(pick(direct));
    expect(pick(faulty).map((i) => i.id)).toEqual([...west].sort());
    // Only what moto itself lacks (DescribeReservedInstances, DescribeCapacityReservations, ListTrainingPlans, ListApps, ListProvisionedModelThroughputs) may warn, exactly as in the direct read.
    // Collectors of a region run concurrently, so their warnings come in any order.
    const westWarnings = (s: Snapshot) => s.warnings.filter((w) => w.region === 'us-west-2').sort((a, b) => a.message.localeCompare(b.message));
    expect(westWarnings(faulty)).toEqual(westWarnings(direct));
    expect(
      westWarnings(faulty).every((w) => /reserved instances|capacity reservations|training plans|Studio apps|provisioned throughput/.test(w.message)),
    ).toBe(true);
  });

  it('a denied region is one warning naming account and region, and contributes nothing', () => {
    expect(faulty.resources.ec2Instances.some((i) => i.region === 'us-east-2')).toBe(false);
    // The denial is EC2's; APIs moto lacks (SageMaker training plans and Studio apps, Bedrock) still warn not-implemented there.
    const denied = faulty.warnings.filter((w) => w.region === 'us-east-2' && w.service !== 'sagemaker' && w.service !== 'bedrock');
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((w) => w.code === 'access-denied' && w.accountId === '123456789012')).toBe(true);
    expect(denied[0]?.message).toMatch(/^123456789012\/us-east-2: could not read .*UnauthorizedOperation/);
  });
});
