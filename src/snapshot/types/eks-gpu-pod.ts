import { z } from 'zod';
import { MetricSummarySchema, tags } from '../metric-schema.js';

/**
 * A pod that requested GPUs, as Container Insights with enhanced observability reports it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-enhanced-EKS.html):
 * pod_gpu_request, pod_gpu_utilization and pod_gpu_memory_utilization by ClusterName, Namespace, PodName.
 * The pod series carry no NodeName: the node is known only when a series names it.
 */
export const EksGpuPodSchema = z.object({
  /** `<cluster>/<namespace>/<pod>`. */
  id: z.string(),
  name: z.string(),
  namespace: z.string(),
  clusterName: z.string(),
  accountId: z.string(),
  region: z.string(),
  nodeName: z.string().optional(),
  instanceId: z.string().optional(),
  /** Tags the pod inherits for team attribution: those of the node groups of its cluster, when they agree. */
  tags: tags.default({}),
  metrics: z
    .object({
      /** pod_gpu_request: GPUs requested (equal to the limit for extended resources). */
      gpuRequest: MetricSummarySchema.optional(),
      /** pod_gpu_utilization: percent of the pod's GPUs. */
      gpuUtilization: MetricSummarySchema.optional(),
      /** pod_gpu_memory_utilization: percent of the pod's GPUs' frame buffer. */
      gpuMemoryUtilization: MetricSummarySchema.optional(),
    })
    .default({}),
});
