import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { instanceSpec } from '../../catalog/index.js';
import { HourOfWeekMean } from '../../snapshot/hour-of-week.js';
import type { Ec2Instance, GpuMetrics } from '../../snapshot/schema.js';
import type { MetricRequest } from './batch.js';
import { dimension, listSeries, type DiscoveredMetric } from './discover.js';
import { roundValue, summarize, summarizeWithProfile, type Series } from './summarize.js';

/**
 * What mlcost reads per instance, and with which statistic. One statistic per series keeps the
 * audit's cost at one metric each: utilisation is averaged per period (p95 and max are then over
 * period averages); memory is the period Maximum, so a downsize never rests on a smoothed-out
 * peak; bytes are Sums, so a day's traffic is the sum of its periods.
 */
export const AGENT_METRICS = {
  memory: 'mem_used_percent',
  gpuUtilization: 'nvidia_smi_utilization_gpu',
  gpuMemoryUsed: 'nvidia_smi_memory_used',
  gpuMemoryTotal: 'nvidia_smi_memory_total',
} as const;

export interface Ec2MetricTargets {
  instances: readonly Ec2Instance[];
  hosts: ReadonlyMap<string, string>;
}

export function ec2BuiltinRequests(instances: readonly Ec2Instance[], summary: SummaryOptions): MetricRequest[] {
  return instances.flatMap((inst) => {
    const dims = [{ Name: 'InstanceId', Value: inst.id }];
    const req = (metricName: string, stat: MetricRequest['stat'], set: (s: Series) => void): MetricRequest => ({
      namespace: 'AWS/EC2',
      metricName,
      dimensions: dims,
      stat,
      onResult: set,
    });
    return [
      // Per-day CPU and network make the idle-day signals; CPU's hour-of-week profile is the schedule rules' fallback.
      req('CPUUtilization', 'Average', (s) => {
        assign(inst.metrics, 'cpu', summarize(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours, daily: true, hourOfWeek: true }));
      }),
      req('NetworkIn', 'Sum', (s) => {
        assign(inst.metrics, 'networkInBytes', summarize(s, summary.periodSeconds, { counter: true, windowHours: summary.windowHours, daily: true }));
      }),
      req('NetworkOut', 'Sum', (s) => {
        assign(inst.metrics, 'networkOutBytes', summarize(s, summary.periodSeconds, { counter: true, windowHours: summary.windowHours, daily: true }));
      }),
    ];
  });
}

export interface SummaryOptions {
  periodSeconds: number;
  windowHours: number;
}

/** The agent's series of each kind, as ListMetrics found them. */
export interface AgentSeries {
  memory: readonly DiscoveredMetric[];
  gpuUtilization: readonly DiscoveredMetric[];
  gpuMemoryUsed: readonly DiscoveredMetric[];
  gpuMemoryTotal: readonly DiscoveredMetric[];
}

/**
 * The CloudWatch agent's memory and NVIDIA series, discovered with ListMetrics in the agent
 * namespace and matched to instances by InstanceId, else by the `host` dimension (the agent
 * publishes the hostname when no InstanceId is appended). One GPU entry per `index`.
 */
export async function ec2AgentRequests(
  client: CloudWatchClient,
  namespace: string,
  targets: Ec2MetricTargets,
  summary: SummaryOptions,
): Promise<MetricRequest[]> {
  const [memory, gpuUtilization, gpuMemoryUsed, gpuMemoryTotal] = await Promise.all(
    Object.values(AGENT_METRICS).map((name) => listSeries(client, namespace, name)),
  );
  return ec2AgentSeriesRequests(
    namespace,
    targets,
    { memory: memory ?? [], gpuUtilization: gpuUtilization ?? [], gpuMemoryUsed: gpuMemoryUsed ?? [], gpuMemoryTotal: gpuMemoryTotal ?? [] },
    summary,
  );
}

/**
 * The queries for discovered agent series. GPU utilisation keeps per-day columns per GPU (the
 * spend report's idle share) and one hour-of-week profile per instance, the mean across its GPUs,
 * updated as each GPU's series arrives: the schedule rules read only that mean.
 */
export function ec2AgentSeriesRequests(namespace: string, targets: Ec2MetricTargets, listed: AgentSeries, summary: SummaryOptions): MetricRequest[] {
  const byId = new Map(targets.instances.map((i) => [i.id, i]));
  const owner = (m: DiscoveredMetric): Ec2Instance | undefined => {
    const id = dimension(m, 'InstanceId') ?? targets.hosts.get(dimension(m, 'host') ?? '');
    return id !== undefined ? byId.get(id) : undefined;
  };
  const requests: MetricRequest[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && seen.add(key);
  const base = (m: DiscoveredMetric, stat: MetricRequest['stat'], onResult: (s: Series) => void): MetricRequest => ({
    namespace,
    metricName: m.metricName,
    dimensions: m.dimensions,
    stat,
    onResult,
  });

  for (const m of listed.memory) {
    const inst = owner(m);
    if (inst && once(`mem|${inst.id}`))
      requests.push(
        base(m, 'Maximum', (s) => {
          assign(inst.metrics, 'memory', summarize(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
        }),
      );
  }
  const gpuEntry = (inst: Ec2Instance, m: DiscoveredMetric): GpuMetrics | undefined => {
    const index = Number(dimension(m, 'index'));
    if (!Number.isInteger(index) || index < 0) return undefined;
    const gpus = (inst.metrics.gpus ??= []);
    let g = gpus.find((x) => x.index === index);
    if (!g) {
      const name = dimension(m, 'name');
      g = { index, ...(name ? { name } : {}) };
      gpus.push(g);
      gpus.sort((a, b) => a.index - b.index);
    }
    return g;
  };
  const perGpu = (
    series: readonly DiscoveredMetric[],
    kind: string,
    stat: MetricRequest['stat'],
    apply: (inst: Ec2Instance, g: GpuMetrics, s: Series) => void,
  ) => {
    for (const m of series) {
      const inst = owner(m);
      const g = inst && gpuEntry(inst, m);
      if (inst && g && once(`${kind}|${inst.id}|${g.index}`))
        requests.push(
          base(m, stat, (s) => {
            apply(inst, g, s);
          }),
        );
    }
  };
  const gpuProfiles = new Map<Ec2Instance, HourOfWeekMean>();
  perGpu(listed.gpuUtilization, 'util', 'Average', (inst, g, s) => {
    const { summary: utilization, profile } = summarizeWithProfile(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours, daily: true });
    assign(g, 'utilization', utilization);
    if (!profile) return;
    let mean = gpuProfiles.get(inst);
    if (!mean) gpuProfiles.set(inst, (mean = new HourOfWeekMean()));
    mean.add(profile);
    assign(inst.metrics, 'gpuUtilHourOfWeek', mean.values(roundValue));
  });
  perGpu(listed.gpuMemoryUsed, 'used', 'Maximum', (_, g, s) => {
    assign(g, 'memoryUsedMiB', summarize(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
  });
  // The total is a constant of the card: read it only where neither catalog nor type specs know it.
  const unknownTotal = listed.gpuMemoryTotal.filter((m) => {
    const inst = owner(m);
    return inst !== undefined && !instanceSpec(inst.type)?.gpu?.memoryGiBEach;
  });
  perGpu(unknownTotal, 'total', 'Maximum', (_, g, s) => {
    const max = Math.max(...s.values.filter(Number.isFinite));
    if (max > 0) g.memoryTotalMiB = max;
  });
  return requests;
}

/** Sets or leaves out a key: an absent summary means "no data", never zero. */
export function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
