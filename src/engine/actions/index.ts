import type { AnyResource, ResourceType } from '../../snapshot/resources.js';
import type { ActionKind } from '../result.js';
import type { ParamValue } from '../rules/schema.js';
import type { ResourceFacts, SignalContext } from '../signals/index.js';
import { addLifecycleRule } from './add-lifecycle-rule.js';
import { buyCommitment } from './buy-commitment.js';
import { changeInstanceType } from './change-instance-type.js';
import { changeStorageClass } from './change-storage-class.js';
import { changeVolumeType } from './change-volume-type.js';
import { del } from './delete.js';
import { downsize } from './downsize.js';
import { releaseCapacity } from './release-capacity.js';
import { schedule } from './schedule.js';
import { snapshotAndDelete } from './snapshot-and-delete.js';
import { stop } from './stop.js';
import type { ActionContext, ActionDefinition, ActionKindDefinition, PricedMove } from './types.js';
import { useCapacityBlock } from './use-capacity-block.js';
import { useSpot } from './use-spot.js';

/**
 * Every action kind with a pricing function, in precedence order: when rules propose several moves
 * for one resource, the one listed first is what a careful engineer does first (delete or stop an
 * idle box before resizing it, resize before modernising, spot or a commitment last); between moves
 * of the same kind, the larger saving wins. A rule naming a kind not listed fails to load.
 */
const ACTIONS: readonly ActionKindDefinition[] = [
  snapshotAndDelete,
  del,
  releaseCapacity,
  stop,
  schedule,
  useCapacityBlock,
  downsize,
  changeInstanceType,
  addLifecycleRule,
  changeStorageClass,
  changeVolumeType,
  useSpot,
  buyCommitment,
];

interface Registered {
  precedence: number;
  byResource: ReadonlyMap<ResourceType, Parsed>;
}

/** A definition with its rule params parsed once per rule (a rule's params are one object for the whole audit). */
interface Parsed {
  definition: ActionDefinition<ResourceType, unknown>;
  parsed: WeakMap<object, unknown>;
}

const REGISTRY: ReadonlyMap<ActionKind, Registered> = new Map(
  ACTIONS.map((a, precedence) => [
    a.kind,
    { precedence, byResource: new Map(a.definitions.map((d): [ResourceType, Parsed] => [d.resource, { definition: d, parsed: new WeakMap() }])) },
  ]),
);

export const ACTION_KINDS_PRICED: readonly ActionKind[] = ACTIONS.map((a) => a.kind);

/** The resource types an action kind applies to; undefined when the kind has no pricing function. */
export function resourcesOfAction(kind: ActionKind): readonly ResourceType[] | undefined {
  const registered = REGISTRY.get(kind);
  return registered && [...registered.byResource.keys()];
}

/** Lower is done first; see ACTIONS. */
export function precedenceOf(kind: ActionKind): number {
  return REGISTRY.get(kind)?.precedence ?? ACTIONS.length;
}

export interface ParamsProblem {
  /** The param at fault, when one is. */
  param?: string;
  message: string;
}

/** What is wrong with a rule's params for its action on its resource type, or undefined when they fit. */
export function validateActionParams(kind: ActionKind, resource: ResourceType, params: Readonly<Record<string, ParamValue>>): ParamsProblem | undefined {
  const found = REGISTRY.get(kind)?.byResource.get(resource);
  if (!found) return { message: `action "${kind}" does not apply to ${resource}` };
  const result = found.definition.params.safeParse(params);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  const param = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
  if (param !== undefined && params[param] === undefined) return { param, message: `action "${kind}" needs param "${param}"` };
  return { ...(param === undefined ? {} : { param }), message: `action "${kind}" param ${param ?? ''}: ${issue.message}` };
}

/** Prices the move of a rule's action on one resource; undefined when the move does not apply. */
export function priceMove(
  kind: ActionKind,
  type: ResourceType,
  resource: AnyResource,
  facts: ResourceFacts,
  params: Readonly<Record<string, ParamValue>>,
  env: SignalContext,
): PricedMove | undefined {
  const found = REGISTRY.get(kind)?.byResource.get(type);
  if (!found) return undefined;
  let parsed = found.parsed.get(params);
  if (parsed === undefined) {
    parsed = found.definition.params.parse(params);
    found.parsed.set(params, parsed);
  }
  // factsFor built these facts for `type`, and the definition was chosen by `type`: the one place the pairing is asserted.
  const ctx = { resource, signals: facts.signals, cost: facts.cost, spec: facts.spec, params: parsed, env } as ActionContext<ResourceType, unknown>;
  return found.definition.price(ctx);
}

export type { ActionDefinition, AnyActionDefinition, PricedMove } from './types.js';
