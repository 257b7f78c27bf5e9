// Over 250 lines on purpose: the Pricing API's answers, cache and failures against one loopback stand-in.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { AwsSession } from '../../src/aws/session.js';
import { PriceBook } from '../../src/catalog/index.js';
import { WarningSink, type Account } from '../../src/collect/context.js';
import { collectPrices, type PriceNeeds, type PricingContext } from '../../src/collect/pricing.js';
import type { CollectedPrice } from '../../src/snapshot/schema.js';
import { json, startLoopback, type Loopback, type LoopbackAnswer } from './support/loopback-aws.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * Live S3 and SageMaker prices through the real Pricing client. moto_server 5.2.1 has no Pricing
 * API (GetProducts gets an HTML 500 page), so a loopback endpoint answers GetProducts with
 * PriceList items shaped as the AWS Price List publishes them: attributes, usagetype (no region
 * prefix in us-east-1, one such as "EU-" elsewhere), OnDemand terms with tiered price dimensions.
 * SKUs and term codes are synthetic; prices are the published us-east-1 / eu-west-1 list prices.
 */
interface Dim {
  unit: string;
  usd: string;
  begin?: string;
  end?: string;
  description?: string;
}
let skuSeq = 0;
function item(productFamily: string, serviceCode: string, attributes: Record<string, string>, dims: Dim[]): string {
  const sku = `SYNTH${String(++skuSeq).padStart(10, '0')}`;
  const priceDimensions = Object.fromEntries(
    dims.map((d, i) => [
      `${sku}.JRTCKXETXF.DIM${i}`,
      {
        rateCode: `${sku}.JRTCKXETXF.DIM${i}`,
        description: d.description ?? `$${d.usd} per ${d.unit}`,
        unit: d.unit,
        beginRange: d.begin ?? '0',
        endRange: d.end ?? 'Inf',
        pricePerUnit: { USD: d.usd },
        appliesTo: [],
      },
    ]),
  );
  return JSON.stringify({
    product: { productFamily, attributes: { servicecode: serviceCode, ...attributes }, sku },
    serviceCode,
    terms: {
      OnDemand: { [`${sku}.JRTCKXETXF`]: { priceDimensions, sku, effectiveDate: '2026-10-01T00:00:00Z', offerTermCode: 'JRTCKXETXF', termAttributes: {} } },
    },
    version: '20261001000000',
    publicationDate: '2026-10-01T00:00:00Z',
  });
}
const s3 = (region: string, prefix: string, usagetype: string, storageClass: string, dims: Dim[]) =>
  item(
    'Storage',
    'AmazonS3',
    { regionCode: region, location: region === 'us-east-1' ? 'US East (N. Virginia)' : 'EU (Ireland)', storageClass, usagetype: `${prefix}${usagetype}` },
    dims,
  );
const gb = (usd: string): Dim[] => [{ unit: 'GB-Mo', usd }];

const S3_ITEMS: Record<string, string[]> = {
  'us-east-1': [
    s3('us-east-1', '', 'TimedStorage-ByteHrs', 'General Purpose', [
      { unit: 'GB-Mo', usd: '0.0230000000', begin: '0', end: '51200' },
      { unit: 'GB-Mo', usd: '0.0220000000', begin: '51200', end: '512000' },
      { unit: 'GB-Mo', usd: '0.0210000000', begin: '512000' },
    ]),
    s3('us-east-1', '', 'TimedStorage-SIA-ByteHrs', 'Infrequent Access', gb('0.0125000000')),
    s3('us-east-1', '', 'TimedStorage-ZIA-ByteHrs', 'Infrequent Access', gb('0.0100000000')),
    s3('us-east-1', '', 'TimedStorage-INT-FA-ByteHrs', 'Intelligent-Tiering', gb('0.0230000000')),
    s3('us-east-1', '', 'TimedStorage-INT-IA-ByteHrs', 'Intelligent-Tiering', gb('0.0125000000')),
    s3('us-east-1', '', 'TimedStorage-INT-AIA-ByteHrs', 'Intelligent-Tiering', gb('0.0040000000')),
    s3('us-east-1', '', 'TimedStorage-GIR-ByteHrs', 'Archive Instant Retrieval', gb('0.0040000000')),
    s3('us-east-1', '', 'TimedStorage-GlacierByteHrs', 'Archive', gb('0.0036000000')),
    s3('us-east-1', '', 'TimedStorage-GDA-ByteHrs', 'Archive', gb('0.0009900000')),
    // Same suffixes, other products: S3 Tables storage, small-object and staging charges must not be read as a class price.
    s3('us-east-1', '', 'Tables-TimedStorage-ByteHrs', 'General Purpose', gb('0.0265000000')),
    s3('us-east-1', '', 'TimedStorage-SIA-SmObjects', 'Infrequent Access', gb('0.0001000000')),
    s3('us-east-1', '', 'TimedStorage-GlacierStaging', 'Staging', gb('0.0001000000')),
  ],
  'eu-west-1': [
    s3('eu-west-1', 'EU-', 'TimedStorage-ByteHrs', 'General Purpose', [
      { unit: 'GB-Mo', usd: '0.0230000000', begin: '0', end: '51200' },
      { unit: 'GB-Mo', usd: '0.0220000000', begin: '51200' },
    ]),
    s3('eu-west-1', 'EU-', 'TimedStorage-SIA-ByteHrs', 'Infrequent Access', gb('0.0125000000')),
  ],
};
const sm = (instanceName: string, component: string, usagetype: string, usd: string) =>
  item(
    'ML Instance',
    'AmazonSageMaker',
    { regionCode: 'us-east-1', location: 'US East (N. Virginia)', instanceName, component, usagetype: `USE1-${usagetype}:${instanceName}` },
    [{ unit: 'Hrs', usd }],
  );
/** Every component of the two types asked for; only hosting and notebook-instance rates are the ones wanted. */
const SAGEMAKER_ITEMS = [
  sm('ml.g4dn.xlarge', 'Hosting', 'Host', '0.7364000000'),
  sm('ml.g4dn.xlarge', 'Training', 'Train', '0.7364000000'),
  sm('ml.g4dn.xlarge', 'Processing', 'Processing', '0.7364000000'),
  sm('ml.t3.medium', 'Notebook', 'Notebk', '0.0500000000'),
  sm('ml.t3.medium', 'Studio Notebook', 'Notebk', '0.0100000000'),
  sm('ml.t3.medium', 'Hosting', 'Host', '0.0500000000'),
];

let pricing: Loopback;
let denyEc2 = true;
const filtersOf = (body: Record<string, unknown>) => Object.fromEntries((body['Filters'] as { Field: string; Value: string }[]).map((f) => [f.Field, f.Value]));

function answer(body: Record<string, unknown>): LoopbackAnswer {
  const f = filtersOf(body);
  const page = (list: string[], size: number) => {
    const start = Number(body['NextToken'] ?? 0);
    const next = start + size < list.length ? String(start + size) : undefined;
    return json(
      200,
      { FormatVersion: 'aws_v1', PriceList: list.slice(start, start + size), ...(next ? { NextToken: next } : {}) },
      undefined,
      'application/x-amz-json-1.1',
    );
  };
  if (body['ServiceCode'] === 'AmazonS3') return page(S3_ITEMS[f['regionCode']!] ?? [], 100);
  // Three items a page: the SageMaker answer arrives in two pages, as a large fleet's would.
  if (body['ServiceCode'] === 'AmazonSageMaker') return page(SAGEMAKER_ITEMS, 3);
  if (denyEc2)
    return json(
      400,
      { __type: 'AccessDeniedException', Message: 'User is not authorized to perform: pricing:GetProducts' },
      undefined,
      'application/x-amz-json-1.1',
    );
  return page([], 100);
}

const account: Account = { accountId: '123456789012', credentials: () => Promise.resolve(TEST_CREDENTIALS) };
const NOW = new Date('2026-11-20T12:00:00Z');
const needs = (): PriceNeeds => ({
  ec2: new Map([['us-east-1', new Set(['m6i.large'])]]),
  ebs: new Map(),
  s3: new Set(['us-east-1', 'eu-west-1']),
  sagemaker: new Map([['us-east-1', new Set(['ml.g4dn.xlarge', 'ml.t3.medium'])]]),
});

async function run(cacheDir: string, prices: PricingContext['options']['prices'] = 'auto', now = NOW) {
  const session = new AwsSession({ endpointUrl: pricing.url, maxAttempts: 2 });
  const warnings = new WarningSink();
  const before = pricing.requests.length;
  try {
    const out = await collectPrices({ session, account, home: 'us-east-1', options: { prices, cacheDir, priceCacheTtlHours: 24 }, warnings, now }, needs());
    return { prices: out, warnings: warnings.list, requests: pricing.requests.slice(before) };
  } finally {
    session.destroy();
  }
}
const find = (list: CollectedPrice[], service: string, region: string, key: string) =>
  list.find((p) => p.service === service && p.region === region && p.key === key);

let first: Awaited<ReturnType<typeof run>>;
const cacheDir = mkdtempSync(join(tmpdir(), 'mlcost-prices-'));

beforeAll(async () => {
  pricing = await startLoopback((req) => answer(req.body));
  first = await run(cacheDir);
});

afterAll(async () => {
  await stopAll(pricing);
});

describe('live S3 and SageMaker prices (Pricing API GetProducts)', () => {
  it('asks AmazonS3 per bucket region and AmazonSageMaker per region for the ml.* types found', () => {
    const asked = first.requests.map((r) => ({ target: r.target, service: r.body['ServiceCode'], filters: filtersOf(r.body) }));
    // Regions are asked concurrently, so the order they arrive in is not part of the contract.
    const byRegion = (a: Record<string, string>, b: Record<string, string>) => String(a['regionCode']).localeCompare(String(b['regionCode']));
    expect(
      asked
        .filter((a) => a.service === 'AmazonS3')
        .map((a) => a.filters)
        .sort(byRegion),
    ).toEqual([
      { regionCode: 'eu-west-1', productFamily: 'Storage' },
      { regionCode: 'us-east-1', productFamily: 'Storage' },
    ]);
    const sage = asked.filter((a) => a.service === 'AmazonSageMaker');
    expect(sage.map((a) => a.filters)).toEqual([
      { regionCode: 'us-east-1', productFamily: 'ML Instance', instanceName: 'ml.g4dn.xlarge,ml.t3.medium' },
      { regionCode: 'us-east-1', productFamily: 'ML Instance', instanceName: 'ml.g4dn.xlarge,ml.t3.medium' },
    ]);
    expect(asked.every((a) => a.target === 'AWSPriceListService.GetProducts')).toBe(true);
  });

  it('S3: every storage class by usagetype, first volume tier, region prefix or none, look-alike SKUs ignored', () => {
    const s3Prices = first.prices.filter((p) => p.service === 's3');
    expect(Object.fromEntries(s3Prices.filter((p) => p.region === 'us-east-1').map((p) => [p.key, p.usd]))).toEqual({
      STANDARD: 0.023,
      STANDARD_IA: 0.0125,
      ONEZONE_IA: 0.01,
      INTELLIGENT_TIERING_FA: 0.023,
      INTELLIGENT_TIERING_IA: 0.0125,
      INTELLIGENT_TIERING_AIA: 0.004,
      GLACIER_IR: 0.004,
      GLACIER: 0.0036,
      DEEP_ARCHIVE: 0.00099,
    });
    expect(Object.fromEntries(s3Prices.filter((p) => p.region === 'eu-west-1').map((p) => [p.key, p.usd]))).toEqual({ STANDARD: 0.023, STANDARD_IA: 0.0125 });
    expect(
      s3Prices.every((p) => p.unit === 'GB-Mo' && p.term === 'on-demand' && p.source === 'AWS Pricing API GetProducts (AmazonS3)' && p.asOf === '2026-11-20'),
    ).toBe(true);
  });

  it('SageMaker: hosting and notebook-instance hourly rates across pages; training, processing and Studio ignored', () => {
    const sage = first.prices
      .filter((p) => p.service === 'sagemaker')
      .map((p) => [p.key, p.usd, p.unit, p.source])
      .sort();
    expect(sage).toEqual([
      ['ml.g4dn.xlarge', 0.7364, 'Hrs', 'AWS Pricing API GetProducts (AmazonSageMaker)'],
      ['ml.t3.medium', 0.05, 'Hrs', 'AWS Pricing API GetProducts (AmazonSageMaker)'],
      ['notebook:ml.t3.medium', 0.05, 'Hrs', 'AWS Pricing API GetProducts (AmazonSageMaker)'],
    ]);
  });

  it('the engine prices with them, naming the live source and date, ahead of the embedded catalog', () => {
    const book = new PriceBook(first.prices);
    const eu = book.s3GbMonth('STANDARD_IA', 'eu-west-1');
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect(eu).toEqual({ known: true, price: expect.objectContaining({ usd: 0.0125, source: 'AWS Pricing API GetProducts (AmazonS3)', asOf: '2026-11-20' }) });
    // Without them the embedded regional file answers, from its own (older) dated source.
    expect(new PriceBook([]).s3GbMonth('STANDARD_IA', 'eu-west-1')).toMatchObject({ known: true, price: { asOf: '2024-09-25' } });
    expect(book.sagemakerNotebookHourly('ml.t3.medium', 'us-east-1')).toMatchObject({
      known: true,
      price: { usd: 0.05, source: 'AWS Pricing API GetProducts (AmazonSageMaker)' },
    });
  });

  it('a failed query is one prices-embedded warning; the other answers are kept', () => {
    expect(first.warnings).toEqual([expect.objectContaining({ code: 'prices-embedded', service: 'pricing' })]);
    expect(first.warnings[0]?.message).toMatch(/^Pricing API: 1 of 4 price queries failed \(AccessDeniedException: /);
    expect(find(first.prices, 'ec2', 'us-east-1', 'm6i.large')).toBeUndefined();
  });

  it('answers are cached for the TTL with the date they were fetched; after it they are asked again', async () => {
    denyEc2 = false;
    const cached = await run(cacheDir, 'auto', new Date(NOW.getTime() + 3_600_000));
    // Only the query that failed (never cached) is asked again.
    expect(cached.requests.map((r) => r.body['ServiceCode'])).toEqual(['AmazonEC2']);
    expect(cached.prices.filter((p) => p.service !== 'ec2')).toEqual(first.prices.filter((p) => p.service !== 'ec2'));
    const later = await run(cacheDir, 'auto', new Date(NOW.getTime() + 25 * 3_600_000));
    expect(later.requests).toHaveLength(5);
    expect(find(later.prices, 's3', 'us-east-1', 'STANDARD')?.asOf).toBe('2026-11-21');
  });

  it('--prices embedded asks nothing', async () => {
    const none = await run(mkdtempSync(join(tmpdir(), 'mlcost-prices-')), 'embedded');
    expect(none).toMatchObject({ prices: [], warnings: [], requests: [] });
  });
});
