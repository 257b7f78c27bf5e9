import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

/**
 * One node of a node group: its EC2 instance (cost comes from the EC2 inventory, not a second
 * price lookup) and its Container Insights summaries. Metric names and dimensions:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-enhanced-EKS.html
 * (ContainerInsights namespace, dimensions ClusterName, InstanceId, NodeName).
 */
export const EksNodeSchema = z.object({
  instanceId: z.string(),
  /** The Kubernetes node name (NodeName dimension), when Container Insights reported the node. */
  nodeName: z.string().optional(),
  metrics: z
    .object({
      /** node_gpu_utilization: percent, averaged over the node's GPUs. */
      gpuUtilization: MetricSummarySchema.optional(),
      /** node_gpu_memory_utilization: percent of frame buffer used. */
      gpuMemoryUtilization: MetricSummarySchema.optional(),
      /** node_gpu_limit: GPUs the node offers to pods. */
      gpuLimit: MetricSummarySchema.optional(),
      /** node_gpu_usage_total: GPUs requested by the pods running on the node (there is no node_gpu_request metric). */
      gpuRequested: MetricSummarySchema.optional(),
      /** node_neuroncore_utilization: percent, Trainium / Inferentia nodes. */
      neuronCoreUtilization: MetricSummarySchema.optional(),
      /** node_neuroncore_memory_usage_total: bytes of Neuron device memory in use on the node. */
      neuronCoreMemoryUsedBytes: MetricSummarySchema.optional(),
    })
    .default({}),
});

/**
 * An EKS managed node group (ListNodegroups / DescribeNodegroup), or the nodes one Karpenter
 * NodePool launched in a cluster (found by their tags), with the EC2 instances that are its nodes.
 */
export const EksNodeGroupSchema = z.object({
  /** `<cluster>/<node group>`: unique in an account and region. */
  id: z.string(),
  name: z.string(),
  clusterName: z.string(),
  accountId: z.string(),
  region: z.string(),
  arn: z.string().optional(),
  /** Who launches the nodes: an EKS managed node group, or a Karpenter NodePool. */
  managedBy: z.enum(['eks-nodegroup', 'karpenter']),
  status: z.string().default('ACTIVE'),
  createdAt: isoDate.optional(),
  instanceTypes: z.array(z.string()).default([]),
  /** ON_DEMAND, SPOT or CAPACITY_BLOCK. */
  capacityType: z.string().optional(),
  amiType: z.string().optional(),
  scaling: z
    .object({ minSize: z.number().int().nonnegative(), maxSize: z.number().int().nonnegative(), desiredSize: z.number().int().nonnegative() })
    .optional(),
  labels: z.record(z.string(), z.string()).default({}),
  taints: z.array(z.object({ key: z.string(), value: z.string().optional(), effect: z.string() })).default([]),
  tags: tags.default({}),
  nodes: z.array(EksNodeSchema).default([]),
});
