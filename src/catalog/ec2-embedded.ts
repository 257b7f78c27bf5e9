import type { PriceData } from './price-data.js';
import type { Price } from './prices.js';
import type { ReservedTerm } from './commitment-terms.js';

type OnDemandSource = (data: PriceData, instanceType: string, region: string) => Price | undefined;
type ReservedSource = (data: PriceData, instanceType: string, region: string, term: ReservedTerm) => Price | undefined;

/**
 * The embedded EC2 on-demand files read after the us-east-1 list (which covers the regions AWS lists
 * at the same price), in order: one row per file. A new regional file is one more row here.
 */
export const EMBEDDED_ON_DEMAND: readonly OnDemandSource[] = [
  (data, type, region) => acceleratedRegional(data, type, region, 'onDemand'),
  (data, type, region) => cpuRegional(data.ec2CpuRegional, type, region),
  (data, type, region) => cpuRegional(data.ec2CpuRegional2025, type, region),
];

/** The embedded Standard RI files, in order: the newer accelerated regional file for its one term, then the rate tables. */
export const EMBEDDED_RESERVED: readonly ReservedSource[] = [
  (data, type, region, term) => (term === 'reserved-1yr-no-upfront' ? acceleratedRegional(data, type, region, 'reserved1yrNoUpfront') : undefined),
  (data, type, region, term) => reservedRate(data.ec2Reserved, type, region, term),
  (data, type, region, term) => reservedRate(data.ec2ReservedCpu, type, region, term),
  (data, type, region, term) => reservedRate(data.ec2ReservedCpu2025, type, region, term),
];

/** An accelerated type's own price in a region (ec2-accelerated-regional-prices.json). */
function acceleratedRegional(data: PriceData, type: string, region: string, field: 'onDemand' | 'reserved1yrNoUpfront'): Price | undefined {
  const table = data.ec2Regional;
  const usd = table.prices[type]?.[region]?.[field];
  if (usd === undefined) return undefined;
  const what = field === 'onDemand' ? 'on-demand' : '1-year Standard Reserved Instance, no upfront, effective hourly';
  return { usd, unit: 'hour', source: table.source, asOf: table.asOf, basis: `${region} ${what} list price` };
}

/** A CPU type's on-demand price in a region, from the region block's own dated source (ec2-cpu-regional-prices*.json). */
function cpuRegional(table: PriceData['ec2CpuRegional'], type: string, region: string): Price | undefined {
  const block = table.regions[region];
  const usd = block?.prices[type];
  const source = block ? table.sources[block.source] : undefined;
  if (usd === undefined || source === undefined) return undefined;
  return { usd, unit: 'hour', source: source.source, asOf: source.asOf, basis: `${region} on-demand list price` };
}

/** A Standard RI effective hourly rate for a term in a region, from one rate table (ec2-reserved-rates*.json). */
function reservedRate(table: PriceData['ec2Reserved'], type: string, region: string, term: ReservedTerm): Price | undefined {
  const usd = table.prices[type]?.[region]?.[term];
  if (usd === undefined) return undefined;
  const basis = `${region} Standard Reserved Instance ${term.replace('reserved-', '')}, effective hourly list price`;
  return { usd, unit: 'hour', source: table.source, asOf: table.asOf, basis };
}

/** The first source that has a figure. */
export function firstPrice<A extends unknown[]>(sources: readonly ((...args: A) => Price | undefined)[], ...args: A): Price | undefined {
  for (const source of sources) {
    const price = source(...args);
    if (price) return price;
  }
  return undefined;
}
