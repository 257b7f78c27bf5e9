import type { ActionKind } from '../result.js';
import { downsize } from './downsize.js';
import { stop } from './stop.js';
import type { ActionDefinition } from './types.js';

/** Action kinds with a pricing function; a rule naming any other kind fails to load. */
export const ACTIONS: { readonly [K in ActionKind]?: ActionDefinition } = {
  stop,
  downsize,
};

export type { ActionDefinition, ActionContext, PricedMove } from './types.js';
