import type { MetricSummary } from '../../snapshot/schema.js';
import type { MetricRequest, Statistic } from './batch.js';
import type { DiscoveredMetric } from './discover.js';
import { assign, type SummaryOptions } from './ec2.js';
import { summarize } from './summarize.js';

/**
 * Container Insights with enhanced observability for EKS, as AWS documents it (checked 2026-12-06):
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-enhanced-EKS.html
 * Node series are by ClusterName, InstanceId, NodeName; pod series by ClusterName, Namespace, PodName
 * (a pod series names no node). There is no node_gpu_request metric ("not reported directly as a
 * metric, but a field in performance log events"): node_gpu_usage_total, "the number of GPU(s)
 * being used by the running pods on the node", is what pods requested there. pod_gpu_request is
 * "the GPU requests for the pod" (always equal to pod_gpu_limit).
 * Neuron (its "AWS Neuron metrics" table): node_neuroncore_utilization (Percent) and
 * node_neuroncore_memory_usage_total (Bytes) by the same node dimensions; pod_neuroncore_* and
 * container_neuroncore_* give utilisation and memory per pod, node_neuron_execution_* errors and
 * latency. No Neuron request or limit metric exists (nothing like node_gpu_usage_total), so what
 * pods asked for on a Neuron node is unknown: rules judge Neuron nodes on utilisation alone.
 */
export const CONTAINER_INSIGHTS_NAMESPACE = 'ContainerInsights';

export const NODE_DIMENSIONS = ['ClusterName', 'InstanceId', 'NodeName'] as const;
export const POD_DIMENSIONS = ['ClusterName', 'Namespace', 'PodName'] as const;

/** Utilisation is averaged per period; counts and memory use the period Maximum, so a peak is never smoothed away. */
export const NODE_METRICS = {
  gpuUtilization: { name: 'node_gpu_utilization', stat: 'Average' },
  gpuMemoryUtilization: { name: 'node_gpu_memory_utilization', stat: 'Maximum' },
  gpuLimit: { name: 'node_gpu_limit', stat: 'Maximum' },
  gpuRequested: { name: 'node_gpu_usage_total', stat: 'Maximum' },
  neuronCoreUtilization: { name: 'node_neuroncore_utilization', stat: 'Average' },
  neuronCoreMemoryUsedBytes: { name: 'node_neuroncore_memory_usage_total', stat: 'Maximum' },
} as const satisfies Record<string, { name: string; stat: Statistic }>;

export const POD_METRICS = {
  gpuRequest: { name: 'pod_gpu_request', stat: 'Maximum' },
  gpuUtilization: { name: 'pod_gpu_utilization', stat: 'Average' },
  gpuMemoryUtilization: { name: 'pod_gpu_memory_utilization', stat: 'Maximum' },
} as const satisfies Record<string, { name: string; stat: Statistic }>;

export type NodeMetricKey = keyof typeof NODE_METRICS;
export type PodMetricKey = keyof typeof POD_METRICS;

/**
 * One read of a series ListMetrics listed (a query must name every dimension it has), summarised into
 * `metrics[key]`. Every Container Insights metric read here is a gauge, never a counter.
 */
export function containerInsightsRequest<K extends string>(
  series: DiscoveredMetric,
  stat: Statistic,
  metrics: Partial<Record<K, MetricSummary>>,
  key: K,
  summary: SummaryOptions,
): MetricRequest {
  return {
    namespace: CONTAINER_INSIGHTS_NAMESPACE,
    metricName: series.metricName,
    dimensions: series.dimensions,
    stat,
    onResult: (s) => {
      assign(metrics, key, summarize(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
    },
  };
}
