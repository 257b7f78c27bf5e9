import type { PriceData } from './price-data.js';
import type { Price, PriceLookup } from './prices.js';

type Table = PriceData['storageRegional'];

/**
 * What a lookup reads from a region block of storage-regional-prices.json: an EBS volume type or S3 class
 * names its key in the table; the others are one figure a region.
 */
export type RegionalFigure = { table: 'ebs' | 's3'; key: string } | keyof typeof SINGLE_FIGURES;

const SINGLE_FIGURES = {
  ebsSnapshot: (t: Table, region: string) => pick(t.ebsSnapshot[region], (b) => b.standard),
  gp3Iops: (t: Table, region: string) => pick(t.gp3Performance[region], (b) => b.iopsMonth),
  gp3Throughput: (t: Table, region: string) => pick(t.gp3Performance[region], (b) => b.throughputMiBpsMonth),
} as const;

function read(t: Table, figure: RegionalFigure, region: string): { usd: number; source: string } | undefined {
  return typeof figure === 'string' ? SINGLE_FIGURES[figure](t, region) : pick(t[figure.table][region], (b) => b.gbMonth[figure.key]);
}

function pick<B extends { source: string }>(block: B | undefined, field: (b: B) => number | undefined): { usd: number; source: string } | undefined {
  const usd = block ? field(block) : undefined;
  return block && usd !== undefined ? { usd, source: block.source } : undefined;
}

/**
 * A storage price outside the list regions, from its region block's own dated source. The list
 * file answers first; only what it cannot price (another region) falls through to here.
 */
export function orRegionalStorage(listed: PriceLookup, data: PriceData, figure: RegionalFigure, region: string, unit: Price['unit']): PriceLookup {
  if (listed.known) return listed;
  const t = data.storageRegional;
  const hit = read(t, figure, region);
  const source = hit ? t.sources[hit.source] : undefined;
  if (!hit || !source) return listed;
  return { known: true, price: { usd: hit.usd, unit, source: source.source, asOf: source.asOf, basis: `${region} list price` } };
}

/** An S3 class's ladder above its first rung in a region outside the list regions, when the regional file has one. */
export function regionalS3Ladder(data: PriceData, storageClass: string, region: string): { fromGb: number; price: Price }[] | undefined {
  const t = data.storageRegional;
  const block = t.s3[region];
  const rungs = block?.ladders[storageClass];
  const source = block ? t.sources[block.source] : undefined;
  if (!rungs || !source) return undefined;
  return rungs
    .slice(1)
    .map((r) => ({ fromGb: r.fromGb, price: { usd: r.usd, unit: 'GB-month', source: source.source, asOf: source.asOf, basis: `${region} list price` } }));
}
