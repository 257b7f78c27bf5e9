import type { Snapshot } from './schema.js';

/** Resource types as they appear in rules (`resource:`) and in the audit result. */
export const RESOURCE_TYPES = ['ec2-instance', 'ebs-volume', 'ebs-snapshot', 'elastic-ip', 's3-bucket', 'sagemaker-endpoint', 'sagemaker-notebook'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

type Resources = Snapshot['resources'];
export type ResourceOf<T extends ResourceType> = {
  'ec2-instance': Resources['ec2Instances'][number];
  'ebs-volume': Resources['ebsVolumes'][number];
  'ebs-snapshot': Resources['ebsSnapshots'][number];
  'elastic-ip': Resources['elasticIps'][number];
  's3-bucket': Resources['s3Buckets'][number];
  'sagemaker-endpoint': Resources['sagemakerEndpoints'][number];
  'sagemaker-notebook': Resources['sagemakerNotebooks'][number];
}[T];
export type AnyResource = ResourceOf<ResourceType>;

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

export function resourcesOf<T extends ResourceType>(snapshot: Snapshot, type: T): ResourceOf<T>[] {
  const r = snapshot.resources;
  const lists: { [K in ResourceType]: ResourceOf<K>[] } = {
    'ec2-instance': r.ec2Instances,
    'ebs-volume': r.ebsVolumes,
    'ebs-snapshot': r.ebsSnapshots,
    'elastic-ip': r.elasticIps,
    's3-bucket': r.s3Buckets,
    'sagemaker-endpoint': r.sagemakerEndpoints,
    'sagemaker-notebook': r.sagemakerNotebooks,
  };
  return lists[type];
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
