import { UserError } from '../errors.js';
import { s3Client, type AwsOptions } from './aws-clients.js';
import { openDuckDb } from './duckdb-engine.js';
import type { BillingEngine } from './engine.js';
import { bareResourceId } from './gpu.js';
import { resolveInputs } from './inputs.js';
import { CUR2 } from './mapping/cur.js';
import { FOCUS } from './mapping/focus.js';
import type { InstanceUsage, PricingModel } from './model.js';
import { readInstanceUsage } from './rows.js';
import { fetchS3Prefixes } from './s3-fetch.js';
import { readUnusedCapacity, type BilledUnusedCapacity } from './unused-capacity.js';

/**
 * Rates actually billed, per instance-hour, for `mlcost audit --billing`: a finding's monthly
 * cost and saving use the effective (amortised) rate billed for its resource, else for its
 * instance type in its region, instead of the list price — and say which one it used.
 */
export interface BilledRate {
  /** Effective (amortised: RI and Savings Plan discounts applied) USD per instance-hour. */
  hourlyEffective: number;
  /** Billed (invoice-basis) USD per instance-hour; 0 for commitment-covered hours. */
  hourlyBilled: number;
  /** Instance-hours the rate is computed over. */
  hours: number;
  /** Pricing models seen in those hours, e.g. ['on-demand', 'savings-plan']. */
  pricingModels: PricingModel[];
}

export interface BilledRateMatch extends BilledRate {
  basis: 'resource' | 'type-region';
  /** The resource id, or `instanceType|region`, that matched. */
  key: string;
}

export interface BilledRates {
  /** Keyed by bare resource id (`i-0abc…`; ARNs are reduced to their last segment). */
  byResource: ReadonlyMap<string, BilledRate>;
  /** Keyed by `instanceType|region`, e.g. `g5.xlarge|us-east-1`. */
  byTypeRegion: ReadonlyMap<string, BilledRate>;
  /** The resource's own rate when billed, else its type's rate in its region, else undefined (use list price). */
  lookup(q: { resourceId?: string; instanceType?: string; region?: string }): BilledRateMatch | undefined;
  /** What empty capacity reservations billed (read from files; absent when rates come from elsewhere). */
  unusedCapacity?: BilledUnusedCapacity;
}

export function typeRegionKey(instanceType: string, region: string): string {
  return `${instanceType}|${region}`;
}

/** Pure: instance usage rows (from readInstanceUsage, or any source) to rates. */
export function billedRates(rows: readonly InstanceUsage[]): BilledRates {
  const byResource = new Map<string, Acc>();
  const byTypeRegion = new Map<string, Acc>();
  for (const r of rows) {
    if (r.hours <= 0) continue;
    if (r.resourceId !== null) add(byResource, bareResourceId(r.resourceId), r);
    if (r.region !== null) add(byTypeRegion, typeRegionKey(r.instanceType, r.region), r);
  }
  const res = finish(byResource);
  const tr = finish(byTypeRegion);
  return {
    byResource: res,
    byTypeRegion: tr,
    lookup(q) {
      const own = q.resourceId !== undefined ? res.get(bareResourceId(q.resourceId)) : undefined;
      if (own && q.resourceId !== undefined) return { ...own, basis: 'resource', key: bareResourceId(q.resourceId) };
      if (q.instanceType === undefined || q.region === undefined) return undefined;
      const key = typeRegionKey(q.instanceType, q.region);
      const typed = tr.get(key);
      return typed ? { ...typed, basis: 'type-region', key } : undefined;
    },
  };
}

export interface ReadBilledRatesOptions {
  /** CUR 2.0 or FOCUS; detected from the columns when omitted. */
  source?: 'cur' | 'focus';
  aws?: AwsOptions;
  /** Told of each s3:// object not downloaded (its key would leave the download folder). */
  warn?: (line: string) => void;
}

/** Reads billing files (local paths, globs, s3:// prefixes) and returns their billed rates. */
export async function readBilledRates(paths: readonly string[], o: ReadBilledRatesOptions = {}): Promise<BilledRates> {
  const inputs = await resolveInputs(paths);
  const fetched = inputs.s3.length > 0 ? await fetchS3Prefixes(s3Client(o.aws ?? {}), inputs.s3) : undefined;
  const warn = o.warn ?? ((line: string) => void process.stderr.write(`mlcost: warning: ${line}\n`));
  for (const line of fetched?.refused ?? []) warn(line);
  try {
    const local = fetched ? await resolveInputs([...inputs.paths, ...fetched.files]) : inputs;
    const opened = await openDuckDb(local.paths, local.format, CUR2);
    const engine = withDetectedMapping(opened, o.source);
    try {
      const rates = billedRates(await readInstanceUsage(engine));
      return { ...rates, unusedCapacity: await readUnusedCapacity(engine) };
    } finally {
      await engine.close();
    }
  } finally {
    await fetched?.cleanup();
  }
}

/** CUR 2.0 columns start with line_item_; FOCUS has ChargePeriodStart. Anything else is not billing data. */
function withDetectedMapping(engine: BillingEngine, source?: 'cur' | 'focus'): BillingEngine {
  const schema = engine.target.schema;
  const kind = source ?? (schema.has('line_item_usage_start_date') ? 'cur' : schema.has('ChargePeriodStart') ? 'focus' : undefined);
  if (kind === undefined)
    throw new UserError(`${schema.where}: neither a CUR 2.0 export (no line_item_usage_start_date) nor a FOCUS export (no ChargePeriodStart)`);
  const target = { ...engine.target, mapping: kind === 'cur' ? CUR2 : FOCUS };
  return { target, run: (sql, purpose) => engine.run(sql, purpose), close: () => engine.close() };
}

interface Acc {
  hours: number;
  billed: number;
  effective: number;
  models: Set<PricingModel>;
}

function add(m: Map<string, Acc>, key: string, r: InstanceUsage): void {
  const a = m.get(key) ?? { hours: 0, billed: 0, effective: 0, models: new Set<PricingModel>() };
  a.hours += r.hours;
  a.billed += r.billed;
  a.effective += r.effective;
  a.models.add(r.pricingModel);
  m.set(key, a);
}

function finish(m: Map<string, Acc>): Map<string, BilledRate> {
  const out = new Map<string, BilledRate>();
  for (const [k, a] of m) {
    out.set(k, {
      hourlyEffective: round6(a.effective / a.hours),
      hourlyBilled: round6(a.billed / a.hours),
      hours: a.hours,
      pricingModels: [...a.models].sort(),
    });
  }
  return out;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
