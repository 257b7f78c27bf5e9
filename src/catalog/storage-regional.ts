import type { PriceData } from './price-data.js';
import type { Price, PriceLookup } from './prices.js';

type Table = PriceData['storageRegional'];

/** What each storage lookup reads from a region block of storage-regional-prices.json. */
const FIELDS = {
  ebs: (t: Table, region: string, key: string) => pick(t.ebs[region], (b) => b.gbMonth[key]),
  s3: (t: Table, region: string, key: string) => pick(t.s3[region], (b) => b.gbMonth[key]),
  ebsSnapshot: (t: Table, region: string) => pick(t.ebsSnapshot[region], (b) => b.standard),
  gp3Iops: (t: Table, region: string) => pick(t.gp3Performance[region], (b) => b.iopsMonth),
  gp3Throughput: (t: Table, region: string) => pick(t.gp3Performance[region], (b) => b.throughputMiBpsMonth),
} as const;

function pick<B extends { source: string }>(block: B | undefined, field: (b: B) => number | undefined): { usd: number; source: string } | undefined {
  const usd = block ? field(block) : undefined;
  return block && usd !== undefined ? { usd, source: block.source } : undefined;
}

/**
 * A storage price outside the list regions, from its region block's own dated source. The list
 * file answers first; only what it cannot price (another region) falls through to here.
 */
export function orRegionalStorage(
  listed: PriceLookup,
  data: PriceData,
  what: keyof typeof FIELDS,
  region: string,
  key: string,
  unit: Price['unit'],
): PriceLookup {
  if (listed.known) return listed;
  const t = data.storageRegional;
  const hit = FIELDS[what](t, region, key);
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
