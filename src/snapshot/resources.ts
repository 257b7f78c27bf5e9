import type { z } from 'zod';
import { BEDROCK_PROVISIONED_THROUGHPUT_SIGNAL_KEYS, bedrockProvisionedThroughputSignals } from '../engine/signals/bedrock-provisioned-throughput.js';
import { CAPACITY_RESERVATION_SIGNAL_KEYS, capacityReservationSignals } from '../engine/signals/capacity-reservation.js';
import { EBS_SNAPSHOT_SIGNAL_KEYS, ebsSnapshotSignals } from '../engine/signals/ebs-snapshot.js';
import { EBS_VOLUME_SIGNAL_KEYS, ebsVolumeSignals } from '../engine/signals/ebs-volume.js';
import { EC2_SIGNAL_KEYS, ec2Signals } from '../engine/signals/ec2.js';
import { EKS_GPU_POD_SIGNAL_KEYS, eksGpuPodSignals } from '../engine/signals/eks-gpu-pod.js';
import { EKS_NODE_GROUP_SIGNAL_KEYS, eksNodeGroupSignals } from '../engine/signals/eks-node-group.js';
import { ELASTIC_IP_SIGNAL_KEYS, elasticIpSignals } from '../engine/signals/elastic-ip.js';
import { FSX_LUSTRE_SIGNAL_KEYS, fsxLustreSignals } from '../engine/signals/fsx-lustre-file-system.js';
import { S3_BUCKET_SIGNAL_KEYS, s3BucketSignals } from '../engine/signals/s3-bucket.js';
import { SAGEMAKER_ENDPOINT_SIGNAL_KEYS, sagemakerEndpointSignals } from '../engine/signals/sagemaker-endpoint.js';
import { SAGEMAKER_NOTEBOOK_SIGNAL_KEYS, sagemakerNotebookSignals } from '../engine/signals/sagemaker-notebook.js';
import { SAGEMAKER_STUDIO_APP_SIGNAL_KEYS, sagemakerStudioAppSignals } from '../engine/signals/sagemaker-studio-app.js';
import { SAGEMAKER_TRAINING_JOB_SIGNAL_KEYS, sagemakerTrainingJobSignals } from '../engine/signals/sagemaker-training-job.js';
import { SAGEMAKER_TRAINING_PLAN_SIGNAL_KEYS, sagemakerTrainingPlanSignals } from '../engine/signals/sagemaker-training-plan.js';
import type { SignalKey, SignalsDefinition } from '../engine/signals/types.js';
import { BedrockProvisionedThroughputSchema } from './types/bedrock-provisioned-throughput.js';
import { CapacityReservationSchema } from './types/capacity-reservation.js';
import { EbsSnapshotSchema } from './types/ebs-snapshot.js';
import { EbsVolumeSchema } from './types/ebs-volume.js';
import { Ec2InstanceSchema } from './types/ec2-instance.js';
import { EksGpuPodSchema } from './types/eks-gpu-pod.js';
import { EksNodeGroupSchema } from './types/eks-node-group.js';
import { ElasticIpSchema } from './types/elastic-ip.js';
import { FsxLustreFileSystemSchema } from './types/fsx-lustre-file-system.js';
import { S3BucketSchema } from './types/s3-bucket.js';
import { SageMakerEndpointSchema } from './types/sagemaker-endpoint.js';
import { SageMakerNotebookSchema } from './types/sagemaker-notebook.js';
import { SageMakerStudioAppSchema } from './types/sagemaker-studio-app.js';
import { SageMakerTrainingJobSchema } from './types/sagemaker-training-job.js';
import { SageMakerTrainingPlanSchema } from './types/sagemaker-training-plan.js';

/**
 * The resource types, one row each: the id rules and the audit result use (`resource:`,
 * `resource.type`), the Snapshot list holding them (the id in camelCase, plural), the schema of one
 * entry, the signals rules read, and the name people read. RESOURCE_TYPES, the Snapshot's lists,
 * resourcesOf, rule loading and evaluation all derive from this table; order is evaluation order.
 */
export const RESOURCE_TYPE_TABLE = [
  row({
    id: 'ec2-instance',
    listKey: 'ec2Instances',
    displayName: 'EC2 instance',
    schema: Ec2InstanceSchema,
    signals: { keys: EC2_SIGNAL_KEYS, build: ec2Signals },
  }),
  row({
    id: 'ebs-volume',
    listKey: 'ebsVolumes',
    displayName: 'EBS volume',
    schema: EbsVolumeSchema,
    signals: { keys: EBS_VOLUME_SIGNAL_KEYS, build: ebsVolumeSignals },
  }),
  row({
    id: 'ebs-snapshot',
    listKey: 'ebsSnapshots',
    displayName: 'EBS snapshot',
    schema: EbsSnapshotSchema,
    signals: { keys: EBS_SNAPSHOT_SIGNAL_KEYS, build: ebsSnapshotSignals },
  }),
  row({
    id: 'elastic-ip',
    listKey: 'elasticIps',
    displayName: 'Elastic IP',
    schema: ElasticIpSchema,
    signals: { keys: ELASTIC_IP_SIGNAL_KEYS, build: elasticIpSignals },
  }),
  row({
    id: 's3-bucket',
    listKey: 's3Buckets',
    displayName: 'S3 bucket',
    schema: S3BucketSchema,
    signals: { keys: S3_BUCKET_SIGNAL_KEYS, build: s3BucketSignals },
  }),
  row({
    id: 'sagemaker-endpoint',
    listKey: 'sagemakerEndpoints',
    displayName: 'SageMaker endpoint',
    schema: SageMakerEndpointSchema,
    signals: { keys: SAGEMAKER_ENDPOINT_SIGNAL_KEYS, build: sagemakerEndpointSignals },
  }),
  row({
    id: 'sagemaker-notebook',
    listKey: 'sagemakerNotebooks',
    displayName: 'SageMaker notebook instance',
    schema: SageMakerNotebookSchema,
    signals: { keys: SAGEMAKER_NOTEBOOK_SIGNAL_KEYS, build: sagemakerNotebookSignals },
  }),
  row({
    id: 'capacity-reservation',
    listKey: 'capacityReservations',
    displayName: 'EC2 capacity reservation',
    schema: CapacityReservationSchema,
    signals: { keys: CAPACITY_RESERVATION_SIGNAL_KEYS, build: capacityReservationSignals },
  }),
  row({
    id: 'sagemaker-training-job',
    listKey: 'sagemakerTrainingJobs',
    displayName: 'SageMaker training job',
    schema: SageMakerTrainingJobSchema,
    signals: { keys: SAGEMAKER_TRAINING_JOB_SIGNAL_KEYS, build: sagemakerTrainingJobSignals },
  }),
  row({
    id: 'fsx-lustre-file-system',
    listKey: 'fsxLustreFileSystems',
    displayName: 'FSx for Lustre file system',
    schema: FsxLustreFileSystemSchema,
    signals: { keys: FSX_LUSTRE_SIGNAL_KEYS, build: fsxLustreSignals },
  }),
  row({
    id: 'eks-node-group',
    costPartOf: 'ec2-instance',
    listKey: 'eksNodeGroups',
    displayName: 'EKS node group',
    schema: EksNodeGroupSchema,
    signals: { keys: EKS_NODE_GROUP_SIGNAL_KEYS, build: eksNodeGroupSignals },
  }),
  row({
    id: 'eks-gpu-pod',
    costPartOf: 'ec2-instance',
    listKey: 'eksGpuPods',
    displayName: 'EKS GPU pod',
    schema: EksGpuPodSchema,
    signals: { keys: EKS_GPU_POD_SIGNAL_KEYS, build: eksGpuPodSignals },
  }),
  row({
    id: 'sagemaker-training-plan',
    listKey: 'sagemakerTrainingPlans',
    displayName: 'SageMaker training plan',
    schema: SageMakerTrainingPlanSchema,
    signals: { keys: SAGEMAKER_TRAINING_PLAN_SIGNAL_KEYS, build: sagemakerTrainingPlanSignals },
  }),
  row({
    id: 'bedrock-provisioned-throughput',
    listKey: 'bedrockProvisionedThroughputs',
    displayName: 'Bedrock provisioned throughput',
    schema: BedrockProvisionedThroughputSchema,
    signals: { keys: BEDROCK_PROVISIONED_THROUGHPUT_SIGNAL_KEYS, build: bedrockProvisionedThroughputSignals },
  }),
  row({
    id: 'sagemaker-studio-app',
    listKey: 'sagemakerStudioApps',
    displayName: 'SageMaker Studio app',
    schema: SageMakerStudioAppSchema,
    signals: { keys: SAGEMAKER_STUDIO_APP_SIGNAL_KEYS, build: sagemakerStudioAppSignals },
  }),
] as const;

/** One row; the generics tie a type's signals builder to its own schema's entries and keep the ids literal. */
function row<const R extends { id: string; listKey: string; displayName: string; schema: z.ZodObject }, Sig extends object>(
  r: R & { signals: SignalsDefinition<z.infer<R['schema']>, Sig> },
): R & { signals: SignalsDefinition<z.infer<R['schema']>, Sig> } {
  return r;
}

type Row = (typeof RESOURCE_TYPE_TABLE)[number];
export type ResourceType = Row['id'];
export type ResourceListKey = Row['listKey'];
// A lookup in a mapped type (not a conditional type) keeps ResourceOf covariant in T for the type checker.
type ResourceByType = { [R in Row as R['id']]: z.infer<R['schema']> };
export type ResourceOf<T extends ResourceType> = ResourceByType[T];
export type AnyResource = ResourceOf<ResourceType>;

/** A row seen without its type parameters, for code that walks every type the same way. */
export interface ResourceTypeRow {
  id: ResourceType;
  listKey: ResourceListKey;
  displayName: string;
  schema: z.ZodObject;
  signals: { keys: Readonly<Record<string, SignalKey>>; build: SignalsDefinition<AnyResource>['build'] };
  /** Its cost is part of another type's (an EKS node group's nodes are EC2 instances): the audit's total cost does not add it twice. */
  costPartOf?: ResourceType;
}
// Each row's builder takes its own type's entries; readers pair a row with its own list only.
export const RESOURCE_TYPE_ROWS = RESOURCE_TYPE_TABLE as unknown as readonly ResourceTypeRow[];

/** Resource types as they appear in rules (`resource:`) and in the audit result. */
export const RESOURCE_TYPES = RESOURCE_TYPE_TABLE.map((r) => r.id) as [ResourceType, ...ResourceType[]];

const BY_ID = new Map<string, ResourceTypeRow>(RESOURCE_TYPE_ROWS.map((r) => [r.id, r]));

export function resourceTypeRow(type: ResourceType): ResourceTypeRow {
  return BY_ID.get(type)!;
}

/** Identity every resource type exposes the same way, so the engine and renderers need no switch. */
export interface ResourceRef {
  id: string;
  type: ResourceType;
  region: string;
  accountId: string;
  name?: string;
  tags: Record<string, string>;
  arn?: string;
}

type ResourceLists = { [K in ResourceListKey]: readonly z.infer<Extract<Row, { listKey: K }>['schema']>[] };

export function resourcesOf<T extends ResourceType>(snapshot: { resources: ResourceLists }, type: T): ResourceOf<T>[] {
  return snapshot.resources[resourceTypeRow(type).listKey] as unknown as ResourceOf<T>[];
}

export function refOf(type: ResourceType, resource: AnyResource): ResourceRef {
  const r = resource as AnyResource & { id?: string; name?: string; allocationId?: string; arn?: string };
  const id = r.id ?? r.allocationId ?? r.name ?? '';
  const tags = 'tags' in resource ? resource.tags : {};
  const name = r.name ?? tags['Name'];
  const ref: ResourceRef = { id, type, region: resource.region, accountId: resource.accountId, tags };
  if (name !== undefined && name !== id) ref.name = name;
  if (r.arn !== undefined) ref.arn = r.arn;
  return ref;
}
