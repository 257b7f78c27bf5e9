import type { InstanceSpec } from '../../catalog/index.js';
import type { ResourceOf, ResourceType } from '../../snapshot/resources.js';
import { ec2Signals } from './ec2.js';
import { ebsVolumeSignals } from './ebs-volume.js';
import { ebsSnapshotSignals } from './ebs-snapshot.js';
import { elasticIpSignals } from './elastic-ip.js';
import { s3BucketSignals } from './s3-bucket.js';
import { sagemakerEndpointSignals } from './sagemaker-endpoint.js';
import { sagemakerNotebookSignals } from './sagemaker-notebook.js';
import type { ResourceCost, SignalContext } from './types.js';

export interface ResourceFacts {
  /** Plain data handed to CEL as `signals`. */
  signals: object;
  cost: ResourceCost;
  spec?: InstanceSpec;
}

type SignalBuilder<T extends ResourceType> = (resource: ResourceOf<T>, ctx: SignalContext) => ResourceFacts;

/** One builder per resource type; a type without one gets no derived facts and no price. */
const BUILDERS: { [T in ResourceType]?: SignalBuilder<T> } = {
  'ec2-instance': ec2Signals,
  'ebs-volume': ebsVolumeSignals,
  'ebs-snapshot': ebsSnapshotSignals,
  'elastic-ip': elasticIpSignals,
  's3-bucket': s3BucketSignals,
  'sagemaker-endpoint': sagemakerEndpointSignals,
  'sagemaker-notebook': sagemakerNotebookSignals,
};

export function factsFor<T extends ResourceType>(type: T, resource: ResourceOf<T>, ctx: SignalContext): ResourceFacts {
  const build = BUILDERS[type];
  return build ? build(resource, ctx) : { signals: {}, cost: { monthly: null, prices: [], unknown: [] } };
}

export type { SignalContext, ResourceCost } from './types.js';
