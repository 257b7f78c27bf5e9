import { paginateGetProducts, type Filter } from '@aws-sdk/client-pricing';
import { classifyAwsError } from '../aws/errors.js';
import { mapLimit } from '../aws/limiter.js';
import type { AwsSession } from '../aws/session.js';
import type { CollectedPrice, SnapshotInput } from '../snapshot/schema.js';
import type { Account, WarningSink } from './context.js';
import { defaultCacheDir, PriceCache } from './pricing-cache.js';
import { ebsPrices, ec2Prices, parsePriceList, s3Prices, sagemakerPrices, type ParseContext, type PriceItem } from './pricing-parse.js';
import type { CollectOptions } from './types.js';
import { chunks } from './paging.js';

export const IAM_ACTIONS = ['pricing:GetProducts'] as const;

/** Instance types per GetProducts request (ANY_OF filter): a handful of requests per region. */
const TYPES_PER_QUERY = 25;

/** What to price, per region: instance and volume types, regions holding buckets, SageMaker ml.* types. */
export interface PriceNeeds {
  ec2: Map<string, Set<string>>;
  ebs: Map<string, Set<string>>;
  s3: Set<string>;
  sagemaker: Map<string, Set<string>>;
}

export function priceNeeds(resources: SnapshotInput['resources']): PriceNeeds {
  const needs: PriceNeeds = { ec2: new Map(), ebs: new Map(), s3: new Set((resources.s3Buckets ?? []).map((b) => b.region)), sagemaker: new Map() };
  const add = (m: Map<string, Set<string>>, region: string, key: string) => m.set(region, (m.get(region) ?? new Set()).add(key));
  for (const i of resources.ec2Instances ?? []) if (i.state !== 'terminated') add(needs.ec2, i.region, i.type);
  for (const v of resources.ebsVolumes ?? []) add(needs.ebs, v.region, v.type);
  for (const e of resources.sagemakerEndpoints ?? [])
    for (const v of e.variants) if (v.instanceType && !v.serverless) add(needs.sagemaker, e.region, v.instanceType);
  for (const n of resources.sagemakerNotebooks ?? []) add(needs.sagemaker, n.region, n.instanceType);
  return needs;
}

/**
 * The Pricing API endpoint lives in a few regions only (us-east-1, eu-central-1, ap-south-1);
 * it answers for every region, so mlcost asks the nearest one.
 */
export function pricingRegion(home: string): string {
  if (home.startsWith('eu-')) return 'eu-central-1';
  if (home.startsWith('ap-')) return 'ap-south-1';
  return 'us-east-1';
}

export interface PricingContext {
  session: AwsSession;
  account: Account;
  home: string;
  options: Pick<CollectOptions, 'prices' | 'cacheDir' | 'priceCacheTtlHours'>;
  warnings: WarningSink;
  now: Date;
}

interface PriceQuery {
  serviceCode: string;
  filters: Filter[];
  toPrices: (items: PriceItem[]) => CollectedPrice[];
}

/**
 * Live prices for what was found: EC2 on-demand and reserved rates, EBS, S3 storage classes and
 * SageMaker hosting and notebook rates, each dated and naming its source. `embedded` asks
 * nothing; `auto` and `live` ask, and on failure keep the embedded catalog with a warning (the
 * collect command turns that warning into exit 3 under `--prices live`). Answers are cached per
 * query for the TTL, so the date on a price is the day it was fetched.
 */
export async function collectPrices(ctx: PricingContext, needs: PriceNeeds): Promise<CollectedPrice[]> {
  if (ctx.options.prices === 'embedded') return [];
  const client = ctx.session.client('pricing', pricingRegion(ctx.home), ctx.account);
  const cache = new PriceCache(ctx.options.cacheDir ?? defaultCacheDir(), ctx.options.priceCacheTtlHours ?? 168, () => ctx.now);
  const asOf = ctx.now.toISOString().slice(0, 10);
  const parse = (service: ParseContext['service'], serviceCode: string): ParseContext => ({
    service,
    source: `AWS Pricing API GetProducts (${serviceCode})`,
    asOf,
  });
  const queries: PriceQuery[] = [];
  for (const [region, types] of needs.ec2) {
    for (const chunk of chunks([...types].sort(), TYPES_PER_QUERY)) {
      queries.push({ serviceCode: 'AmazonEC2', filters: ec2Filters(region, chunk), toPrices: (items) => ec2Prices(items, parse('ec2', 'AmazonEC2')) });
    }
  }
  for (const [region, types] of needs.ebs) {
    queries.push({
      serviceCode: 'AmazonEC2',
      filters: ebsFilters(region, [...types].sort()),
      toPrices: (items) => ebsPrices(items, parse('ebs', 'AmazonEC2')),
    });
  }
  for (const region of [...needs.s3].sort()) {
    queries.push({ serviceCode: 'AmazonS3', filters: s3Filters(region), toPrices: (items) => s3Prices(items, parse('s3', 'AmazonS3')) });
  }
  for (const [region, types] of needs.sagemaker) {
    for (const chunk of chunks([...types].sort(), TYPES_PER_QUERY)) {
      queries.push({
        serviceCode: 'AmazonSageMaker',
        filters: sagemakerFilters(region, chunk),
        toPrices: (items) => sagemakerPrices(items, parse('sagemaker', 'AmazonSageMaker')),
      });
    }
  }
  let firstFailure: unknown;
  let failed = 0;
  const answers = await mapLimit(queries, 4, async (q) => {
    const key = { serviceCode: q.serviceCode, filters: q.filters };
    const cached = await cache.get(key);
    if (cached) return cached;
    try {
      const entries: string[] = [];
      for await (const page of paginateGetProducts({ client, pageSize: 100 }, { ServiceCode: q.serviceCode, Filters: q.filters, FormatVersion: 'aws_v1' })) {
        // The SDK types PriceList as any; its items are JSON strings, boxed (LazyJsonString) or not.
        for (const item of (page.PriceList ?? []) as unknown[]) entries.push(String(item));
      }
      const prices = q.toPrices(parsePriceList(entries));
      await cache.set(key, prices);
      return prices;
    } catch (err) {
      failed += 1;
      firstFailure ??= err;
      return [];
    }
  });
  if (failed) {
    const f = classifyAwsError(firstFailure);
    ctx.warnings.add({
      code: 'prices-embedded',
      message: `Pricing API: ${failed} of ${queries.length} price queries failed (${f.code}: ${f.message}); those prices come from the embedded catalog`,
      service: 'pricing',
    });
  }
  return answers.flat();
}

function ec2Filters(region: string, types: string[]): Filter[] {
  return [
    { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
    { Type: 'ANY_OF', Field: 'instanceType', Value: types.join(',') },
    { Type: 'TERM_MATCH', Field: 'operatingSystem', Value: 'Linux' },
    { Type: 'TERM_MATCH', Field: 'preInstalledSw', Value: 'NA' },
    { Type: 'TERM_MATCH', Field: 'tenancy', Value: 'Shared' },
    { Type: 'TERM_MATCH', Field: 'capacitystatus', Value: 'Used' },
  ];
}

/** Every S3 storage SKU of the region (a few dozen); the storage class is told apart by usagetype when parsing. */
function s3Filters(region: string): Filter[] {
  return [
    { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
    { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Storage' },
  ];
}

/** All SageMaker components of these ml.* types; hosting and notebook rates are picked out when parsing. */
function sagemakerFilters(region: string, types: string[]): Filter[] {
  return [
    { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
    { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'ML Instance' },
    { Type: 'ANY_OF', Field: 'instanceName', Value: types.join(',') },
  ];
}

function ebsFilters(region: string, volumeTypes: string[]): Filter[] {
  return [
    { Type: 'TERM_MATCH', Field: 'regionCode', Value: region },
    { Type: 'TERM_MATCH', Field: 'productFamily', Value: 'Storage' },
    { Type: 'ANY_OF', Field: 'volumeApiName', Value: volumeTypes.join(',') },
  ];
}
