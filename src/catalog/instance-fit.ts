import { acceleratorsOf } from './accelerators.js';
import { gpuFitsWork, hasNvlink } from './gpu-compatibility.js';
import { allInstanceSpecs, sizeLadder, type InstanceSpec } from './instances.js';
import type { Price, PriceBook } from './prices.js';

/**
 * The one fitting function for moves between instance types (gpu-underused, oversized-instance,
 * previous-generation, training-gpu-underused, gpu-nodegroup-oversized): the cheapest type that holds
 * what the work needs, including the local instance store, network bandwidth and EFA the box relies on. Candidates are the current
 * family's sizes plus, unless pinned to the family, current-generation types of other families with the
 * same architecture (or Graviton, when allowed); GPU work moves only to GPUs at least as capable
 * (gpu-compatibility.ts), NVLink training stays on NVLink, CPU work moves only between the general
 * purpose, compute and memory families (never to burstable t-types or specialised ones).
 */
export interface FitNeed {
  gpus: number;
  gpuMemoryGiBEach: number;
  vcpu: number;
  memoryGiB: number;
  /** Keep GPUs linked by NVLink: multi-GPU training on a p-family box. */
  nvlink: boolean;
  /** Keep a local instance store: the box has one (NVMe scratch that training data pipelines stage data on). */
  instanceStore?: boolean;
  /** Network the box used at its peak (NetworkIn + NetworkOut), Gbps, with headroom: the candidate's baseline must hold it. */
  networkGbps?: number;
  /** Keep Elastic Fabric Adapter: multi-node training that talks over EFA. */
  efa?: boolean;
}

export interface FitScope {
  /** Only sizes of the current family (a flag: absent is off, so a user's rule need not name it). */
  sameFamilyOnly?: boolean;
  /** x86_64 work may move to Graviton (arm64): the software must build for it. Absent is off. */
  allowGraviton?: boolean;
  /** Only these families (a previous generation's successors); every eligible family when absent. */
  families?: readonly string[];
}

export interface Fit {
  spec: InstanceSpec;
  /** Undefined when the type has no known price (then it is a smaller size of the same family). */
  price: Price | undefined;
}

interface Pool {
  /** Eligible types priced below the current type (any price when the current one is unknown), cheapest first. */
  cheaper: readonly { spec: InstanceSpec; price: Price }[];
  /** Smaller sizes of the current family without a known price, smallest first: the move still stands, its saving is unknown. */
  unpricedSmaller: readonly InstanceSpec[];
}

/** The cheapest type that fits `need`, or undefined when nothing cheaper fits. */
export function cheapestFit(current: InstanceSpec, need: FitNeed, scope: FitScope, prices: PriceBook, region: string): Fit | undefined {
  const pool = poolFor(prices, scope, current, region);
  for (const c of pool.cheaper) if (fits(c.spec, need)) return { spec: c.spec, price: c.price };
  for (const spec of pool.unpricedSmaller) if (fits(spec, need)) return { spec, price: undefined };
  return undefined;
}

export function fits(c: InstanceSpec, need: FitNeed): boolean {
  if (need.gpus > 0) {
    // GPUs, or NeuronCores on a Neuron box (sameWork keeps the two apart).
    const acc = acceleratorsOf(c);
    if (!acc || acc.count < need.gpus || acc.memoryGiBEach < need.gpuMemoryGiBEach) return false;
  }
  if (need.nvlink && !hasNvlink(c)) return false;
  if (need.instanceStore && !c.instanceStoreGB) return false;
  if (need.efa && !c.efa) return false;
  // A type without a published baseline cannot be shown to hold the traffic: it does not fit.
  if (need.networkGbps && !(c.network && c.network.baselineGbps >= need.networkGbps)) return false;
  return c.vcpu >= need.vcpu && c.memoryGiB >= need.memoryGiB;
}

// Pools depend on the prices, the scope (one object per rule), the region and the current type: built once per audit.
const pools = new WeakMap<PriceBook, WeakMap<FitScope, Map<string, Pool>>>();

function poolFor(prices: PriceBook, scope: FitScope, current: InstanceSpec, region: string): Pool {
  let byScope = pools.get(prices);
  if (!byScope) pools.set(prices, (byScope = new WeakMap()));
  let byKey = byScope.get(scope);
  if (!byKey) byScope.set(scope, (byKey = new Map<string, Pool>()));
  const key = `${region} ${current.type}`;
  let pool = byKey.get(key);
  if (!pool) byKey.set(key, (pool = buildPool(prices, scope, current, region)));
  return pool;
}

function buildPool(prices: PriceBook, scope: FitScope, current: InstanceSpec, region: string): Pool {
  const own = prices.ec2OnDemand(current.type, region);
  const ceiling = own.known ? own.price.usd : Infinity;
  const cheaper: { spec: InstanceSpec; price: Price }[] = [];
  const unpricedSmaller: InstanceSpec[] = [];
  for (const c of candidates(current, scope)) {
    const p = prices.ec2OnDemand(c.type, region);
    if (p.known) {
      if (p.price.usd < ceiling) cheaper.push({ spec: c, price: p.price });
    } else if (c.family === current.family && ladderRank(c) < ladderRank(current)) unpricedSmaller.push(c);
  }
  // Cheapest first; at the same price the current family, then the smaller size.
  cheaper.sort(
    (a, b) =>
      a.price.usd - b.price.usd ||
      Number(b.spec.family === current.family) - Number(a.spec.family === current.family) ||
      ladderRank(a.spec) - ladderRank(b.spec) ||
      a.spec.type.localeCompare(b.spec.type),
  );
  unpricedSmaller.sort((a, b) => ladderRank(a) - ladderRank(b));
  return { cheaper, unpricedSmaller };
}

function candidates(current: InstanceSpec, scope: FitScope): InstanceSpec[] {
  const own = scope.families ? [] : sizeLadder(current.family).filter((c) => c.type !== current.type);
  if (scope.sameFamilyOnly) return own;
  const others = scope.families
    ? scope.families.flatMap((f) => sizeLadder(f))
    : allInstanceSpecs().filter((c) => c.family !== current.family && !c.size.startsWith('metal'));
  return [...own, ...others.filter((c) => c.currentGeneration && sameWork(c, current, scope))];
}

const CPU_FAMILY = /^[mcr]\d+[a-z]*$/;

/** Whether `c` runs what `current` runs: architecture, and accelerators of the same kind. */
function sameWork(c: InstanceSpec, current: InstanceSpec, scope: FitScope): boolean {
  const arch = c.arch.some((a) => current.arch.includes(a)) || (scope.allowGraviton && current.arch.includes('x86_64') && c.arch.includes('arm64'));
  if (!arch) return false;
  if (current.gpu) return c.gpu !== undefined && c.gpu.count >= 1 && gpuFitsWork(c.gpu.model, current.gpu.model);
  // Neuron work is compiled for its device generation: it stays on the same device model.
  if (current.neuron) return c.neuron?.model === current.neuron.model;
  // A curated successor list (scope.families) may name any CPU family, burstable ones included.
  return !c.gpu && !c.neuron && (scope.families !== undefined || CPU_FAMILY.test(c.family));
}

/** Order within a family: GPUs first, then vCPU, then memory (same as the size ladder). */
export function ladderRank(c: InstanceSpec): number {
  return (c.gpu?.count ?? 0) * 1e6 + c.vcpu * 1e3 + c.memoryGiB / 1e3;
}
