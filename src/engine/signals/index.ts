import { resourceTypeRow, type ResourceOf, type ResourceType } from '../../snapshot/resources.js';
import type { ResourceFacts, SignalContext } from './types.js';

/** The facts one resource's rules read, from its type's builder in the resource-type table (src/snapshot/resources.ts). */
export function factsFor<T extends ResourceType>(type: T, resource: ResourceOf<T>, ctx: SignalContext): ResourceFacts {
  return resourceTypeRow(type).signals.build(resource, ctx);
}

export type { SignalContext, ResourceCost, ResourceFacts, SignalKey, SignalKeys, SignalsDefinition } from './types.js';
