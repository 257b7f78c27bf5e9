import type { Collector } from './collector.js';
import { bedrockProvisionedThroughputsCollector } from './bedrock-provisioned-throughputs.js';
import { capacityReservationsCollector } from './capacity-reservations.js';
import { ebsSnapshotsCollector } from './ebs-snapshots.js';
import { ebsVolumesCollector } from './ebs-volumes.js';
import { ec2InstancesCollector } from './ec2-instances.js';
import { eksGpuPodsCollector } from './eks-gpu-pods.js';
import { eksNodeGroupsCollector } from './eks-node-groups.js';
import { elasticIpsCollector } from './elastic-ips.js';
import { fsxLustreCollector } from './fsx-lustre.js';
import { instanceTypesCollector } from './instance-types.js';
import { metricsCollector } from './metrics.js';
import { reservedInstancesCollector } from './reserved-instances.js';
import { s3BucketsCollector } from './s3.js';
import { sagemakerEndpointsCollector } from './sagemaker-endpoints.js';
import { sagemakerNotebooksCollector } from './sagemaker-notebooks.js';
import { sagemakerStudioAppsCollector } from './sagemaker-studio-apps.js';
import { sagemakerTrainingJobsCollector } from './sagemaker-training-jobs.js';
import { sagemakerTrainingPlansCollector } from './sagemaker-training-plans.js';
import { savingsPlansCollector } from './savings-plans.js';
import { savingsPlansRecommendationsCollector } from './savings-plans-recommendations.js';
import { spotPricesCollector } from './spot.js';

/**
 * Every collector, once. Orchestration (src/collect/plan.ts), the progress display's steps, the
 * per-region counts and `mlcost permissions` iterate this list; order here is only the order
 * results are merged into the Snapshot, dependencies come from each collector's `after`.
 */
export const COLLECTORS: readonly Collector[] = [
  s3BucketsCollector,
  savingsPlansCollector,
  savingsPlansRecommendationsCollector,
  ec2InstancesCollector,
  ebsVolumesCollector,
  ebsSnapshotsCollector,
  elasticIpsCollector,
  reservedInstancesCollector,
  sagemakerEndpointsCollector,
  sagemakerNotebooksCollector,
  capacityReservationsCollector,
  sagemakerTrainingJobsCollector,
  fsxLustreCollector,
  eksNodeGroupsCollector,
  eksGpuPodsCollector,
  sagemakerTrainingPlansCollector,
  bedrockProvisionedThroughputsCollector,
  sagemakerStudioAppsCollector,
  instanceTypesCollector,
  spotPricesCollector,
  metricsCollector,
];
