import { eksGpuPodsCollector } from '../../eks-gpu-pods.js';
import type { MetricRequest } from '../batch.js';
import { CONTAINER_INSIGHTS_NAMESPACE, POD_METRICS, type PodMetricKey } from '../container-insights.js';
import { assign } from '../ec2.js';
import { defineMetricSource } from '../source.js';
import { summarize } from '../summarize.js';

/** The GPU pods' request and utilisation, from the series their collector listed. */
export const eksGpuPodMetrics = defineMetricSource({
  what: 'EKS GPU pod metrics (Container Insights)',
  collector: eksGpuPodsCollector,
  requests: (found, _ctx, _client, summary) => {
    const requests: MetricRequest[] = [];
    for (const [pod, series] of found.series) {
      for (const [key, m] of Object.entries(series) as [PodMetricKey, NonNullable<(typeof series)[PodMetricKey]>][]) {
        requests.push({
          namespace: CONTAINER_INSIGHTS_NAMESPACE,
          metricName: m.metricName,
          dimensions: m.dimensions,
          stat: POD_METRICS[key].stat,
          onResult: (s) => {
            assign(pod.metrics, key, summarize(s, summary.periodSeconds, { counter: false, windowHours: summary.windowHours }));
          },
        });
      }
    }
    return requests;
  },
});
