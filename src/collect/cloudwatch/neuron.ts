import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { acceleratorsOf, instanceSpec } from '../../catalog/index.js';
import type { NeuronMetricsConfig } from '../../config/neuron.js';
import { HourOfWeekMean } from '../../snapshot/hour-of-week.js';
import type { Ec2Instance, GpuMetrics, SnapshotWarning } from '../../snapshot/schema.js';
import type { MetricRequest } from './batch.js';
import { dimension, listSeries, type DiscoveredMetric } from './discover.js';
import { assign, type SummaryOptions } from './ec2.js';
import { roundValue, summarize, summarizeWithProfile, type Series } from './summarize.js';

/**
 * Inferentia and Trainium utilisation from neuron-monitor's CloudWatch publisher (names and their
 * provenance: src/config/neuron.ts). Each NeuronCore becomes one entry of the instance's
 * `metrics.gpus`, indexed by the core, so the accelerator signals and rules read NeuronCores as
 * they read GPUs: utilisation averaged per period (per-day columns and one hour-of-week profile,
 * the mean across cores, for schedule rules), device memory as the period Maximum in MiB.
 */
export interface NeuronSeries {
  utilization: readonly DiscoveredMetric[];
  memoryUsed: readonly DiscoveredMetric[];
}

/** Instance types with Neuron devices: the catalog's, plus inf/trn types it does not know yet. */
export function isNeuronInstance(inst: Pick<Ec2Instance, 'type'>): boolean {
  const spec = instanceSpec(inst.type);
  return spec ? spec.neuron !== undefined : /^(inf|trn)\d/.test(inst.type);
}

/** Lists the two metrics in the configured namespace; no Neuron instance, no call. */
export async function neuronRequests(
  client: CloudWatchClient,
  cfg: NeuronMetricsConfig,
  instances: readonly Ec2Instance[],
  summary: SummaryOptions,
): Promise<{ requests: MetricRequest[]; missing: Ec2Instance[] }> {
  const targets = instances.filter(isNeuronInstance);
  if (!targets.length) return { requests: [], missing: [] };
  const [utilization, memoryUsed] = await Promise.all([
    listSeries(client, cfg.namespace, cfg.coreUtilizationMetric),
    listSeries(client, cfg.namespace, cfg.coreMemoryUsedMetric),
  ]);
  return neuronSeriesRequests(cfg, targets, { utilization, memoryUsed }, summary);
}

/** The queries for discovered series, and the Neuron instances no utilisation series names. */
export function neuronSeriesRequests(
  cfg: NeuronMetricsConfig,
  instances: readonly Ec2Instance[],
  listed: NeuronSeries,
  summary: SummaryOptions,
): { requests: MetricRequest[]; missing: Ec2Instance[] } {
  const byId = new Map(instances.filter(isNeuronInstance).map((i) => [i.id, i]));
  const seen = new Set<string>();
  const reporting = new Set<Ec2Instance>();
  const requests: MetricRequest[] = [];
  const profiles = new Map<Ec2Instance, HourOfWeekMean>();
  const perCore = (
    series: readonly DiscoveredMetric[],
    kind: string,
    stat: MetricRequest['stat'],
    apply: (inst: Ec2Instance, core: GpuMetrics, s: Series) => void,
  ) => {
    for (const m of series) {
      const inst = byId.get(dimension(m, 'InstanceId') ?? '');
      const index = Number(dimension(m, cfg.coreDimension) ?? NaN);
      // A series without a core index (a per-instance total) cannot say which core holds what: not read.
      if (!inst || !Number.isInteger(index) || index < 0 || seen.has(`${kind}|${inst.id}|${index}`)) continue;
      seen.add(`${kind}|${inst.id}|${index}`);
      if (kind === 'util') reporting.add(inst);
      const core = coreEntry(inst, index);
      requests.push({
        namespace: cfg.namespace,
        metricName: m.metricName,
        dimensions: m.dimensions,
        stat,
        onResult: (s) => {
          apply(inst, core, s);
        },
      });
    }
  };
  perCore(listed.utilization, 'util', 'Average', (inst, core, s) => {
    const { summary: util, profile } = summarizeWithProfile(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours, daily: true });
    assign(core, 'utilization', util);
    if (!profile) return;
    let mean = profiles.get(inst);
    if (!mean) profiles.set(inst, (mean = new HourOfWeekMean()));
    mean.add(profile);
    assign(inst.metrics, 'gpuUtilHourOfWeek', mean.values(roundValue));
  });
  perCore(listed.memoryUsed, 'mem', 'Maximum', (_, core, s) => {
    const mib: Series = { timestamps: s.timestamps, values: s.values.map((v) => v / 1_048_576) };
    assign(core, 'memoryUsedMiB', summarize(mib, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
  });
  return { requests, missing: [...byId.values()].filter((i) => !reporting.has(i)) };
}

function coreEntry(inst: Ec2Instance, index: number): GpuMetrics {
  const cores = (inst.metrics.gpus ??= []);
  let core = cores.find((c) => c.index === index);
  if (!core) {
    const spec = acceleratorsOf(instanceSpec(inst.type));
    core = { index, name: spec ? `${spec.model} NeuronCore` : 'NeuronCore' };
    cores.push(core);
    cores.sort((a, b) => a.index - b.index);
  }
  return core;
}

/**
 * The warning for Neuron instances without NeuronCore data: which ones, what is lost, and the
 * exact setup that would publish the data where mlcost reads it.
 */
export function neuronMissingWarning(
  cfg: NeuronMetricsConfig,
  where: { accountId: string; region: string },
  missing: readonly Pick<Ec2Instance, 'id' | 'type'>[],
): SnapshotWarning | undefined {
  if (!missing.length) return undefined;
  const examples = missing
    .slice(0, 3)
    .map((i) => `${i.id} (${i.type})`)
    .join(', ');
  return {
    code: 'metric-missing',
    message:
      `${where.accountId}/${where.region}: no ${cfg.coreUtilizationMetric} metrics in CloudWatch namespace ${cfg.namespace} for ` +
      `${missing.length} Inferentia/Trainium instance(s): ${examples}${missing.length > 3 ? ', …' : ''}; their NeuronCores are not judged idle or underused. ` +
      `To publish them, install aws-neuronx-tools on each instance and run ` +
      `\`neuron-monitor | /opt/aws/neuron/bin/neuron-monitor-cloudwatch.py --namespace ${cfg.namespace} --region ${where.region}\` ` +
      `with cloudwatch:PutMetricData allowed (neuron-monitor reports a NeuronCore only while a Neuron application runs); ` +
      `if they already publish under other names, set cloudwatch.neuron in mlcost.config.yaml`,
    accountId: where.accountId,
    region: where.region,
    service: 'cloudwatch',
  };
}
