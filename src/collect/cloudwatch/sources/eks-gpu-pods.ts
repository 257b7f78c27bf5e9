import { eksGpuPodsCollector } from '../../eks-gpu-pods.js';
import type { MetricRequest } from '../batch.js';
import { containerInsightsRequest, POD_METRICS, type PodMetricKey } from '../container-insights.js';
import { defineMetricSource } from '../source.js';

/** The GPU pods' request and utilisation, from the series their collector listed. */
export const eksGpuPodMetrics = defineMetricSource({
  what: 'EKS GPU pod metrics (Container Insights)',
  collector: eksGpuPodsCollector,
  requests: (found, _ctx, _client, summary) => {
    const requests: MetricRequest[] = [];
    for (const [pod, series] of found.series) {
      for (const [key, m] of Object.entries(series) as [PodMetricKey, NonNullable<(typeof series)[PodMetricKey]>][]) {
        requests.push(containerInsightsRequest(m, POD_METRICS[key].stat, pod.metrics, key, summary));
      }
    }
    return requests;
  },
});
