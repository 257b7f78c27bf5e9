import type { MetricSource } from './source.js';
import { capacityReservationMetrics } from './sources/capacity-reservations.js';
import { ebsVolumeMetrics } from './sources/ebs-volumes.js';
import { ec2InstanceMetrics } from './sources/ec2-instances.js';
import { s3BucketMetrics } from './sources/s3-buckets.js';
import { s3RequestMetrics } from './sources/s3-request-metrics.js';
import { s3StorageLensMetrics } from './sources/s3-storage-lens.js';
import { sagemakerEndpointMetrics } from './sources/sagemaker-endpoints.js';
import { sagemakerNotebookMetrics } from './sources/sagemaker-notebooks.js';

/** Every resource type's CloudWatch reads; a new type with metrics is one file in sources/ and one line here. */
export const METRIC_SOURCES: readonly MetricSource[] = [
  ec2InstanceMetrics,
  ebsVolumeMetrics,
  s3BucketMetrics,
  s3RequestMetrics,
  s3StorageLensMetrics,
  sagemakerEndpointMetrics,
  sagemakerNotebookMetrics,
  capacityReservationMetrics,
];
