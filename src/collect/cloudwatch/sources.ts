import type { MetricSource } from './source.js';
import { bedrockProvisionedThroughputMetrics } from './sources/bedrock-provisioned-throughputs.js';
import { capacityReservationMetrics } from './sources/capacity-reservations.js';
import { ebsVolumeMetrics } from './sources/ebs-volumes.js';
import { ec2InstanceMetrics } from './sources/ec2-instances.js';
import { s3BucketMetrics } from './sources/s3-buckets.js';
import { sagemakerEndpointMetrics } from './sources/sagemaker-endpoints.js';
import { sagemakerNotebookMetrics } from './sources/sagemaker-notebooks.js';

/** Every resource type's CloudWatch reads; a new type with metrics is one file in sources/ and one line here. */
export const METRIC_SOURCES: readonly MetricSource[] = [
  ec2InstanceMetrics,
  ebsVolumeMetrics,
  s3BucketMetrics,
  sagemakerEndpointMetrics,
  sagemakerNotebookMetrics,
  capacityReservationMetrics,
  bedrockProvisionedThroughputMetrics,
];
