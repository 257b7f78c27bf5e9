import type { Price } from '../../catalog/index.js';
import type { ResourceOf, ResourceType } from '../../snapshot/resources.js';
import type { ActionKind, Finding } from '../result.js';
import type { ParamValue } from '../rules/schema.js';
import type { ResourceFacts, SignalContext } from '../signals/index.js';
import { memoPerObject } from '../memo.js';

export interface ActionContext<T extends ResourceType = ResourceType> {
  type: T;
  resource: ResourceOf<T>;
  facts: ResourceFacts;
  params: Readonly<Record<string, ParamValue>>;
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
}

/**
 * An action kind: which resources it applies to, which rule params it reads, and how it
 * prices its move. `precedence` orders moves that exclude each other on one resource:
 * the lower number is what a careful engineer does first (stop an idle box before resizing it).
 */
export interface ActionDefinition {
  kind: ActionKind;
  resources: readonly ResourceType[];
  reads: readonly string[];
  precedence: number;
  /** Returns undefined when the move does not apply (e.g. no smaller size fits). */
  price(ctx: ActionContext): PricedMove | undefined;
}

export function priceEntry(item: string, price: Price): Finding['pricing']['prices'][number] {
  return { item, usd: price.usd, unit: price.unit, source: sourceOf(price), asOf: price.asOf };
}

// Prices are shared across an audit (PriceBook answers each lookup once), so their source lines can be too.
const sourceOf = memoPerObject((price: Price) => `${price.source}; ${price.basis}`);

export function numberParam(params: Readonly<Record<string, ParamValue>>, name: string): number {
  const v = params[name];
  if (typeof v !== 'number') throw new Error(`param ${name} is not a number`);
  return v;
}

export function optionalNumber(params: Readonly<Record<string, ParamValue>>, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' ? v : fallback;
}
