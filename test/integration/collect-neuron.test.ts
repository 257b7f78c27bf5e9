import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS, type SeriesSpec } from '../../bench/collect/seed.js';
import { collectWithUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * Trainium/Inferentia through the real SDK against moto_server: neuron-monitor-shaped series
 * (per NeuronCore, InstanceId + InstanceType + NeuronCore dimensions, as the CloudWatch publisher
 * attaches them) are discovered, summarised per core and judged by the accelerator rules; a Neuron
 * box that publishes nothing gets the setup warning instead of a finding.
 */
const REGION = 'us-west-2';
let moto: Moto;
let snapshot: Snapshot;
let result: AuditResult;
const ids: Record<string, string> = {};

const cpuSeries = (id: string, cpu: number): SeriesSpec[] => [
  { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: id }, points: daily(new Date(), 14, () => cpu) },
];
const coreSeries = (namespace: string, id: string, type: string, core: number, util: number, bytes: number): SeriesSpec[] => {
  const dimensions = { InstanceId: id, InstanceType: type, NeuronCore: String(core) };
  return [
    { namespace, metricName: 'NeuronCoreUtilization', dimensions, points: daily(new Date(), 14, () => util) },
    { namespace, metricName: 'NeuronCoreMemoryUsed', dimensions, points: daily(new Date(), 14, () => bytes) },
  ];
};

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  moto = await startMoto();
  const { ec2, cw } = seedClients(moto.endpoint, REGION);
  const [idleTrn] = await launch(ec2, 'trn1.32xlarge', 1, { Name: 'trn-idle' });
  const [busyInf] = await launch(ec2, 'inf2.xlarge', 1, { Name: 'inf-busy' });
  const [silentInf] = await launch(ec2, 'inf2.xlarge', 1, { Name: 'inf-no-monitor' });
  Object.assign(ids, { idleTrn: idleTrn!.id, busyInf: busyInf!.id, silentInf: silentInf!.id });
  await putSeries(cw, [
    ...cpuSeries(idleTrn!.id, 1),
    ...Array.from({ length: 32 }, (_, core) => coreSeries('NeuronMonitor', idleTrn!.id, 'trn1.32xlarge', core, 0, 0)).flat(),
    ...cpuSeries(busyInf!.id, 30),
    ...coreSeries('NeuronMonitor', busyInf!.id, 'inf2.xlarge', 0, 64, 6 * 2 ** 30),
    ...coreSeries('NeuronMonitor', busyInf!.id, 'inf2.xlarge', 1, 58, 6 * 2 ** 30),
    ...cpuSeries(silentInf!.id, 1),
  ]);
  const config = ConfigSchema.parse({});
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  ({ snapshot } = await collectWithUsage(
    testCollectOptions(moto.endpoint, { config, regions: [REGION], cacheDir: '/nonexistent/mlcost-test-cache', now: new Date() }),
  ));
  result = evaluate(snapshot, { rules: await loadRules(), config });
}, 180_000);

afterAll(async () => {
  await stopAll(moto);
});

const inst = (key: string) => snapshot.resources.ec2Instances.find((i) => i.id === ids[key]);

describe('collect: Neuron utilisation from neuron-monitor CloudWatch metrics (moto_server)', () => {
  it('idle trn1.32xlarge: 32 per-NeuronCore summaries at 0%, found by idle-gpu-instance and priced at 730 h', () => {
    const cores = inst('idleTrn')?.metrics.gpus ?? [];
    expect(cores.map((c) => c.index)).toEqual(Array.from({ length: 32 }, (_, i) => i));
    expect(cores.every((c) => c.utilization?.max === 0 && c.memoryUsedMiB?.max === 0 && c.name === 'Trainium NeuronCore')).toBe(true);
    const f = result.findings.find((x) => x.resource.id === ids['idleTrn']);
    expect(f).toMatchObject({ ruleId: 'idle-gpu-instance', action: { kind: 'stop' } });
    // trn1.32xlarge $21.50/h (embedded catalog) x 730 h
    expect(f?.monthlySavings).toBe(15695);
    expect(f?.problem).toContain('All 32 Trainium NeuronCore(s) idle');
  });

  it('busy inf2.xlarge: both cores summarised (utilisation, device memory in MiB), no idle finding', () => {
    const cores = inst('busyInf')?.metrics.gpus ?? [];
    expect(cores.map((c) => [c.index, c.utilization?.avg, c.memoryUsedMiB?.max])).toEqual([
      [0, 64, 6144],
      [1, 58, 6144],
    ]);
    expect(result.findings.filter((x) => x.resource.id === ids['busyInf'] && x.category === 'idle')).toEqual([]);
  });

  it('an inf2 without neuron-monitor: no core data, no accelerator finding, one warning naming the setup', () => {
    expect(inst('silentInf')?.metrics.gpus).toBeUndefined();
    expect(result.findings.filter((x) => x.resource.id === ids['silentInf'] && x.ruleId === 'idle-gpu-instance')).toEqual([]);
    const w = snapshot.warnings.filter((x) => x.code === 'metric-missing');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toContain(ids['silentInf']);
    expect(w[0]?.message).not.toContain(ids['busyInf']);
    expect(w[0]?.message).toContain(`neuron-monitor-cloudwatch.py --namespace NeuronMonitor --region ${REGION}`);
  });
});
