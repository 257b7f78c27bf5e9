import type { MetricSource } from './source.js';
import { bedrockProvisionedThroughputMetrics } from './sources/bedrock-provisioned-throughputs.js';
import { capacityReservationMetrics } from './sources/capacity-reservations.js';
import { ebsVolumeMetrics } from './sources/ebs-volumes.js';
import { ec2InstanceMetrics } from './sources/ec2-instances.js';
import { fsxLustreMetrics } from './sources/fsx-lustre.js';
import { neuronCoreMetrics } from './sources/neuron-cores.js';
import { eksGpuPodMetrics } from './sources/eks-gpu-pods.js';
import { eksNodeMetrics } from './sources/eks-nodes.js';
import { s3BucketMetrics } from './sources/s3-buckets.js';
import { s3RequestMetrics } from './sources/s3-request-metrics.js';
import { s3StorageLensMetrics } from './sources/s3-storage-lens.js';
import { sagemakerEndpointMetrics } from './sources/sagemaker-endpoints.js';
import { sagemakerNotebookMetrics } from './sources/sagemaker-notebooks.js';
import { sagemakerTrainingJobMetrics } from './sources/sagemaker-training-jobs.js';

/** Every resource type's CloudWatch reads; a new type with metrics is one file in sources/ and one line here. */
export const METRIC_SOURCES: readonly MetricSource[] = [
  ec2InstanceMetrics,
  neuronCoreMetrics,
  fsxLustreMetrics,
  ebsVolumeMetrics,
  s3BucketMetrics,
  s3RequestMetrics,
  s3StorageLensMetrics,
  sagemakerEndpointMetrics,
  sagemakerNotebookMetrics,
  capacityReservationMetrics,
  sagemakerTrainingJobMetrics,
  eksNodeMetrics,
  eksGpuPodMetrics,
  bedrockProvisionedThroughputMetrics,
];
