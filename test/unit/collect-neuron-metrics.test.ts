import { describe, expect, it } from 'vitest';
import { acceleratorsOf, instanceSpec } from '../../src/catalog/index.js';
import { isNeuronInstance, neuronMissingWarning, neuronSeriesRequests } from '../../src/collect/cloudwatch/neuron.js';
import type { Series } from '../../src/collect/cloudwatch/summarize.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { ec2Signals } from '../../src/engine/signals/ec2.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';
import { END, instance, snapshotOf } from '../helpers/builders.js';
import { PriceBook } from '../../src/catalog/index.js';
import { HOURLY_SUMMARY, hourlyAt, listedMetric, uncollectedInstance } from '../helpers/metric-requests.js';

const cfg = ConfigSchema.parse({}).cloudwatch.neuron;
const box = (id: string, type: string): Ec2Instance => uncollectedInstance(id, type, 'us-west-2');
const flat = (v: number, hours = 100): Series => hourlyAt(...Array.from({ length: hours }, (_, i): [number, number] => [i, v]));

describe('NeuronCores as accelerators (catalog)', () => {
  it.each([
    ['trn1.32xlarge', 32, 16],
    ['trn1.2xlarge', 2, 16],
    ['inf2.xlarge', 2, 16],
    ['inf2.48xlarge', 24, 16],
    ['inf1.xlarge', 4, 2],
    ['trn2.48xlarge', 64, 128],
  ])('%s has %i NeuronCores of %i GiB each', (type, cores, gib) => {
    expect(acceleratorsOf(instanceSpec(type))).toMatchObject({ unit: 'NeuronCore', count: cores, memoryGiBEach: gib });
  });
  it('GPU types keep their GPUs; CPU types have none', () => {
    expect(acceleratorsOf(instanceSpec('p4d.24xlarge'))).toMatchObject({ unit: 'GPU', count: 8, model: 'A100' });
    expect(acceleratorsOf(instanceSpec('m5.large'))).toBeUndefined();
  });
  it('an unknown Neuron device model gets no accelerator count rather than a guess', () => {
    const spec = instanceSpec('trn9.48xlarge', {
      'trn9.48xlarge': {
        vcpu: 192,
        memoryMiB: 2_097_152,
        currentGeneration: true,
        arch: ['x86_64'],
        neuron: { model: 'Trainium9', count: 16, memoryMiBEach: 1 },
      },
    });
    expect(acceleratorsOf(spec)).toBeUndefined();
  });
});

describe('neuron-monitor series -> per-NeuronCore summaries', () => {
  const trn = box('i-trn', 'trn1.32xlarge');
  const inf = box('i-inf', 'inf2.xlarge');
  const cpu = box('i-cpu', 'm5.large');
  const util = (id: string, core: number, extra: Record<string, string> = {}) =>
    listedMetric(cfg.coreUtilizationMetric, { InstanceId: id, InstanceType: 'x', NeuronCore: String(core), ...extra });
  const mem = (id: string, core: number) => listedMetric(cfg.coreMemoryUsedMetric, { InstanceId: id, NeuronCore: String(core) });

  it('one entry per core, utilisation averaged, memory in MiB as the period maximum, extra dimensions kept for the query', () => {
    const { requests, missing } = neuronSeriesRequests(
      cfg,
      [trn, inf, cpu],
      { utilization: [util('i-trn', 1), util('i-trn', 0)], memoryUsed: [mem('i-trn', 0)] },
      HOURLY_SUMMARY,
    );
    expect(requests.map((r) => [r.namespace, r.metricName, r.stat])).toEqual([
      ['NeuronMonitor', 'NeuronCoreUtilization', 'Average'],
      ['NeuronMonitor', 'NeuronCoreUtilization', 'Average'],
      ['NeuronMonitor', 'NeuronCoreMemoryUsed', 'Maximum'],
    ]);
    expect(requests[0]?.dimensions.map((d) => d.Name)).toEqual(['InstanceId', 'InstanceType', 'NeuronCore']);
    requests[0]?.onResult(flat(0));
    requests[1]?.onResult(flat(3));
    requests[2]?.onResult(flat(2 * 1_048_576));
    const cores = trn.metrics.gpus ?? [];
    expect(cores.map((c) => [c.index, c.name, c.utilization?.avg, c.memoryUsedMiB?.max])).toEqual([
      [0, 'Trainium NeuronCore', 3, 2],
      [1, 'Trainium NeuronCore', 0, undefined],
    ]);
    expect(trn.metrics.gpuUtilHourOfWeek?.mean).toHaveLength(168);
    // The inf2 published nothing: it is named as missing; the CPU box is no Neuron instance.
    expect(missing.map((i) => i.id)).toEqual(['i-inf']);
  });

  it('ignores series of other instances, without a core index, or repeated', () => {
    const { requests } = neuronSeriesRequests(
      cfg,
      [trn],
      {
        utilization: [
          util('i-other', 0),
          listedMetric(cfg.coreUtilizationMetric, { InstanceId: 'i-trn' }),
          util('i-trn', 0),
          util('i-trn', 0, { RuntimeTag: 'b' }),
        ],
        memoryUsed: [],
      },
      HOURLY_SUMMARY,
    );
    expect(requests).toHaveLength(1);
  });

  it('reads the dimension the config names', () => {
    const custom = { ...cfg, coreDimension: 'nc' };
    const i = box('i-x', 'inf2.xlarge');
    const { requests } = neuronSeriesRequests(
      custom,
      [i],
      { utilization: [listedMetric(cfg.coreUtilizationMetric, { InstanceId: 'i-x', nc: '1' })], memoryUsed: [] },
      HOURLY_SUMMARY,
    );
    expect(requests).toHaveLength(1);
    expect(i.metrics.gpus?.[0]?.index).toBe(1);
  });

  it('knows Neuron types the catalog lacks by their family', () => {
    expect(isNeuronInstance({ type: 'trn3.48xlarge' })).toBe(true);
    expect(isNeuronInstance({ type: 'g5.xlarge' })).toBe(false);
  });
});

describe('the missing-Neuron-data warning', () => {
  it('names the instances and the exact publisher command with the namespace mlcost reads', () => {
    const w = neuronMissingWarning(cfg, { accountId: '444455556666', region: 'us-west-2' }, [box('i-1', 'inf2.xlarge'), box('i-2', 'trn1.32xlarge')]);
    expect(w).toMatchObject({ code: 'metric-missing', region: 'us-west-2', service: 'cloudwatch' });
    expect(w?.message).toContain('i-1 (inf2.xlarge), i-2 (trn1.32xlarge)');
    expect(w?.message).toContain('neuron-monitor | /opt/aws/neuron/bin/neuron-monitor-cloudwatch.py --namespace NeuronMonitor --region us-west-2');
    expect(w?.message).toContain('cloudwatch.neuron in mlcost.config.yaml');
  });
  it('says nothing when every Neuron instance reports', () => {
    expect(neuronMissingWarning(cfg, { accountId: '1', region: 'r' }, [])).toBeUndefined();
  });
});

describe('EC2 signals count NeuronCores', () => {
  it('an idle trn1.32xlarge: accelerator unit, 32 cores, per-core memory share, data sufficient', () => {
    const inst = instance({ type: 'trn1.32xlarge', cpu: [1, 2, 3], gpu: Array.from({ length: 32 }, (): [number, number] => [0, 0.1]) });
    const config = ConfigSchema.parse({});
    const { signals } = ec2Signals(inst, {
      snapshot: snapshotOf({ ec2Instances: [inst] }),
      prices: new PriceBook(),
      minObservedHours: 72,
      config,
      asOf: END,
      volumesByInstance: new Map(),
    });
    expect(signals).toMatchObject({
      hasGpu: true,
      acceleratorUnit: 'NeuronCore',
      gpuCount: 32,
      gpuModel: 'Trainium',
      gpuMemoryGiBEach: 16,
      gpusReporting: 32,
      gpuDataSufficient: true,
      activeGpuCount: 0,
    });
    expect(signals.gpus[0]?.memUsedMaxPct).toBeCloseTo((0.1 / 16) * 100, 0);
  });
});
