import type { z } from 'zod';
import type { InstanceSpec, Price } from '../../catalog/index.js';
import type { ResourceOf, ResourceType } from '../../snapshot/resources.js';
import type { ActionKind, Finding, Severity } from '../result.js';
import type { BedrockProvisionedThroughputSignals } from '../signals/bedrock-provisioned-throughput.js';
import type { CapacityReservationSignals } from '../signals/capacity-reservation.js';
import type { EbsSnapshotSignals } from '../signals/ebs-snapshot.js';
import type { EbsVolumeSignals } from '../signals/ebs-volume.js';
import type { Ec2Signals } from '../signals/ec2.js';
import type { EksGpuPodSignals } from '../signals/eks-gpu-pod.js';
import type { EksNodeGroupSignals } from '../signals/eks-node-group.js';
import type { ElasticIpSignals } from '../signals/elastic-ip.js';
import type { FsxLustreSignals } from '../signals/fsx-lustre-file-system.js';
import type { ResourceCost, SignalContext } from '../signals/index.js';
import type { S3BucketSignals } from '../signals/s3-bucket.js';
import type { SageMakerEndpointSignals } from '../signals/sagemaker-endpoint.js';
import type { SageMakerNotebookSignals } from '../signals/sagemaker-notebook.js';
import type { SageMakerStudioAppSignals } from '../signals/sagemaker-studio-app.js';
import type { SageMakerTrainingJobSignals } from '../signals/sagemaker-training-job.js';
import type { SageMakerTrainingPlanSignals } from '../signals/sagemaker-training-plan.js';
import { memoPerObject } from '../memo.js';

/** The signals the engine builds for each resource type (src/engine/signals/). */
export interface SignalsByType {
  'ec2-instance': Ec2Signals;
  'ebs-volume': EbsVolumeSignals;
  'ebs-snapshot': EbsSnapshotSignals;
  'elastic-ip': ElasticIpSignals;
  's3-bucket': S3BucketSignals;
  'sagemaker-endpoint': SageMakerEndpointSignals;
  'sagemaker-notebook': SageMakerNotebookSignals;
  'capacity-reservation': CapacityReservationSignals;
  'sagemaker-training-job': SageMakerTrainingJobSignals;
  'fsx-lustre-file-system': FsxLustreSignals;
  'eks-node-group': EksNodeGroupSignals;
  'eks-gpu-pod': EksGpuPodSignals;
  'sagemaker-training-plan': SageMakerTrainingPlanSignals;
  'bedrock-provisioned-throughput': BedrockProvisionedThroughputSignals;
  'sagemaker-studio-app': SageMakerStudioAppSignals;
}

/** What an action sees of one resource: typed by its resource type and its params schema. */
export interface ActionContext<R extends ResourceType, P> {
  resource: ResourceOf<R>;
  signals: SignalsByType[R];
  cost: ResourceCost;
  spec: InstanceSpec | undefined;
  params: P;
  env: SignalContext;
}

/** A move with its price: what the engine turns into a finding. */
export interface PricedMove {
  from?: string;
  to?: string;
  description: string;
  monthlySavings: number | null;
  pricing: Finding['pricing'];
  confidence: Finding['confidence'];
  evidence: Record<string, unknown>;
  tradeoff: Finding['tradeoff'];
  /** Overrides the rule's severity when what the move finds decides it (hours left on a Capacity Block). */
  severity?: Severity;
  /** Something the audit's warnings must say about this move (e.g. a collected price that was not used); the same text is counted once. */
  warning?: string;
  /**
   * Other resources (same account and region) whose cost this move's saving already includes, e.g. the
   * EC2 instances of an EKS node group scaled down: their own findings yield to this one (evaluate.ts).
   */
  covers?: { type: ResourceType; id: string }[];
}

/**
 * An action kind on one resource type: the rule params it reads (a zod schema over the rule's
 * resolved params; defaults live in the rule YAML only) and how it prices its move. Precedence
 * between kinds is the order of the list in index.ts.
 */
export interface ActionDefinition<R extends ResourceType, P> {
  resource: R;
  params: z.ZodType<P>;
  /** Returns undefined when the move does not apply (e.g. no smaller size fits). */
  price(ctx: ActionContext<R, P>): PricedMove | undefined;
}

/**
 * Any action definition, as the registry holds them: `price` is a method, so a definition for one
 * resource type and params type fits here; the registry pairs each with its own resources and params.
 */
export type AnyActionDefinition = ActionDefinition<ResourceType, unknown>;

/** An action kind: one definition per resource type it applies to. */
export interface ActionKindDefinition {
  kind: ActionKind;
  definitions: readonly AnyActionDefinition[];
}

/** Identity, so a definition's params type is inferred from its schema. */
export function defineAction<R extends ResourceType, P>(definition: ActionDefinition<R, P>): ActionDefinition<R, P> {
  return definition;
}

export function priceEntry(item: string, price: Price): Finding['pricing']['prices'][number] {
  return { item, usd: price.usd, unit: price.unit, source: sourceOf(price), asOf: price.asOf };
}

// Prices are shared across an audit (PriceBook answers each lookup once), so their source lines can be too.
const sourceOf = memoPerObject((price: Price) => `${price.source}; ${price.basis}`);
