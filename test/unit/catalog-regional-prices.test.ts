import { describe, expect, it } from 'vitest';
import { PriceBook, type PriceLookup } from '../../src/catalog/index.js';
import { parsePriceData } from '../../src/catalog/price-data.js';
import cpuRegionalJson from '../../src/catalog/data/ec2-cpu-regional-prices.json' with { type: 'json' };
import reservedCpuJson from '../../src/catalog/data/ec2-reserved-rates-cpu.json' with { type: 'json' };
import bedrockJson from '../../src/catalog/data/bedrock-prices.json' with { type: 'json' };
import cpu2025Json from '../../src/catalog/data/ec2-cpu-regional-prices-2025-04.json' with { type: 'json' };
import reserved2025Json from '../../src/catalog/data/ec2-reserved-rates-cpu-2025-04.json' with { type: 'json' };
import { priceDataError } from '../helpers/price-data-error.js';

const book = new PriceBook();
const known = (p: PriceLookup) => (p.known ? p.price : undefined);

describe('CPU on-demand prices outside the us-east-1 list regions', () => {
  it('ap-northeast-1 m7i.xlarge is priced from its own dated source, region in the basis', () => {
    expect(known(book.ec2OnDemand('m7i.xlarge', 'ap-northeast-1'))).toMatchObject({
      usd: 0.2604,
      unit: 'hour',
      asOf: '2026-09-21',
      basis: 'ap-northeast-1 on-demand list price',
      source: expect.stringMatching(/APN1-BoxUsage:m7i\.xlarge/) as unknown,
    });
  });

  it('eu-west-1 m6a.xlarge and ap-south-1 r6i.4xlarge carry their block source and date', () => {
    expect(known(book.ec2OnDemand('m6a.xlarge', 'eu-west-1'))).toMatchObject({ usd: 0.1926, asOf: '2026-10-01' });
    expect(known(book.ec2OnDemand('r6i.4xlarge', 'ap-south-1'))).toMatchObject({ usd: 1.04, asOf: '2026-09-24' });
  });

  it('accelerated types are priced in ap-northeast-1 and eu-west-1 from the regional GPU file', () => {
    expect(known(book.ec2OnDemand('g5.xlarge', 'ap-northeast-1'))?.basis).toBe('ap-northeast-1 on-demand list price');
    expect(known(book.ec2OnDemand('g5.xlarge', 'eu-west-1'))?.usd).toBe(1.123);
  });

  it('a type or region no source covers is unknown with the reason, never 0', () => {
    for (const [type, region] of [
      // Families newer than the 2025-04 regional feed.
      ['i7i.large', 'eu-west-1'],
      ['x8i.16xlarge', 'ap-northeast-1'],
      ['m6a.xlarge', 'eusc-de-east-1'],
    ] as const) {
      const p = book.ec2OnDemand(type, region);
      expect(p, `${type} ${region}`).toEqual({ known: false, reason: expect.stringMatching(/covers us-east-1, us-east-2, us-west-2 only/) as unknown });
    }
  });
});

describe('CPU prices in every commercial region from the AWS pricing-page feed of 2025-04-04', () => {
  it('price on-demand and 1- and 3-year no-upfront RIs where no newer block does, with the feed as source', () => {
    expect(known(book.ec2OnDemand('c6i.4xlarge', 'eu-west-1'))).toMatchObject({ usd: 0.7296, asOf: '2025-04-04', basis: 'eu-west-1 on-demand list price' });
    expect(known(book.ec2OnDemand('c6i.4xlarge', 'eu-west-1'))?.source).toMatch(/yeo\/ec2\.shop at 951cd0d425fd/);
    expect(known(book.ec2Reserved('c6i.4xlarge', 'eu-west-1', 'reserved-1yr-no-upfront'))).toMatchObject({ usd: 0.483, asOf: '2025-04-04' });
    expect(known(book.ec2Reserved('c6i.4xlarge', 'eu-west-1', 'reserved-3yr-no-upfront'))?.usd).toBe(0.33264);
    expect(known(book.ec2Reserved('m5.large', 'us-east-1', 'reserved-1yr-no-upfront'))?.asOf).toBe('2025-04-04');
  });

  it('price storage-optimized, high-memory, HPC-network and z1d/r7iz families, and metal sizes whose price has not changed since the feed', () => {
    expect(known(book.ec2OnDemand('i4i.large', 'eu-west-1'))).toMatchObject({ usd: 0.189, asOf: '2025-04-04', basis: 'eu-west-1 on-demand list price' });
    expect(known(book.ec2OnDemand('i4i.large', 'ap-southeast-7'))?.usd).toBe(0.185);
    expect(known(book.ec2OnDemand('x2idn.16xlarge', 'ap-northeast-1'))?.usd).toBe(9.6705);
    expect(known(book.ec2OnDemand('z1d.2xlarge', 'eu-west-1'))?.usd).toBe(0.832);
    expect(known(book.ec2OnDemand('c7gn.4xlarge', 'eu-west-1'))?.usd).toBe(1.128);
    expect(known(book.ec2OnDemand('d3.2xlarge', 'eu-west-1'))?.usd).toBe(1.219);
    expect(known(book.ec2OnDemand('m6i.metal', 'eu-west-1'))?.usd).toBe(6.848);
    expect(known(book.ec2Reserved('i4i.2xlarge', 'us-east-1', 'reserved-1yr-no-upfront'))).toMatchObject({ usd: 0.445, asOf: '2025-04-04' });
    expect(known(book.ec2Reserved('x2idn.16xlarge', 'ap-northeast-1', 'reserved-3yr-no-upfront'))?.usd).toBe(3.10191);
    expect(known(book.ec2Reserved('r7iz.2xlarge', 'eu-west-1', 'reserved-1yr-no-upfront'))?.usd).toBe(0.52416);
  });

  it('leave out, in every region, a type whose us-east-1 price changed after the feed (c7i.metal-24xl: 4.284 then, 4.7124 on 2026-07-20)', () => {
    expect(known(book.ec2OnDemand('c7i.metal-24xl', 'us-east-1'))?.usd).toBe(4.7124);
    expect(book.ec2OnDemand('c7i.metal-24xl', 'eu-west-1').known).toBe(false);
    expect(book.ec2Reserved('c7i.metal-24xl', 'eu-west-1', 'reserved-1yr-no-upfront').known).toBe(false);
  });

  it('leave the newer 2026 blocks and the us-east-1 list first', () => {
    expect(known(book.ec2OnDemand('m6a.xlarge', 'eu-west-1'))?.asOf).toBe('2026-10-01');
    expect(known(book.ec2OnDemand('c6i.4xlarge', 'us-east-1'))?.asOf).toBe('2026-07-20');
  });

  it('a damaged figure in the large tables is one line with its full path', () => {
    const od = structuredClone(cpu2025Json) as { regions: Record<string, { prices: Record<string, number> }> };
    od.regions['eu-west-1']!.prices['c6i.4xlarge'] = -1;
    expect(() => parsePriceData({ ec2CpuRegional2025: od })).toThrow(
      /ec2-cpu-regional-prices-2025-04\.json: regions\.eu-west-1\.prices\.c6i\.4xlarge: expected a non-negative number of USD/,
    );
    const ri = structuredClone(reserved2025Json) as { prices: Record<string, Record<string, Record<string, unknown>>> };
    ri.prices['c6i.4xlarge']!['eu-west-1']!['reserved-5yr'] = 0.1;
    expect(() => parsePriceData({ ec2ReservedCpu2025: ri })).toThrow(/prices\.c6i\.4xlarge\.eu-west-1\.reserved-5yr: unknown key/);
    ri.prices['c6i.4xlarge']!['eu-west-1'] = { 'reserved-1yr-no-upfront': '0.483' };
    expect(() => parsePriceData({ ec2ReservedCpu2025: ri })).toThrow(/reserved-1yr-no-upfront: expected a non-negative number/);
  });
});

describe('CPU Reserved Instance rates (ec2-reserved-rates-cpu.json)', () => {
  it('price the terms the source quotes, in us-east-1 and eu-west-1', () => {
    expect(known(book.ec2Reserved('m6a.xlarge', 'eu-west-1', 'reserved-1yr-no-upfront'))).toMatchObject({ usd: 0.1274, asOf: '2026-10-01' });
    expect(known(book.ec2Reserved('m6a.xlarge', 'eu-west-1', 'reserved-3yr-no-upfront'))?.usd).toBe(0.08736);
    expect(known(book.ec2Reserved('m6a.xlarge', 'us-east-1', 'reserved-3yr-partial-upfront'))?.basis).toBe(
      'us-east-1 Standard Reserved Instance 3yr-partial-upfront, effective hourly list price',
    );
  });

  it('leave the terms, types and regions it does not quote unknown', () => {
    expect(book.ec2Reserved('m6a.xlarge', 'eu-west-1', 'reserved-1yr-partial-upfront').known).toBe(false);
    expect(book.ec2Reserved('c6i.4xlarge', 'eu-west-1', 'reserved-1yr-partial-upfront').known).toBe(false);
    expect(book.ec2Reserved('m6a.xlarge', 'ap-northeast-1', 'reserved-3yr-partial-upfront').known).toBe(false);
  });
});

describe('SageMaker rates added from the us-east-1 bulk price file', () => {
  it('hosting: ml.g6.xlarge and ml.g6e.2xlarge; a CPU type only a notebook rate exists for stays unknown', () => {
    expect(known(book.sagemakerHourly('ml.g6.xlarge', 'us-east-1'))?.usd).toBe(1.1267);
    expect(known(book.sagemakerHourly('ml.g6e.2xlarge', 'us-east-1'))?.source).toMatch(/this figure: price-list-use1-2026-09-20$/);
    expect(book.sagemakerHourly('ml.r5.4xlarge', 'us-east-1').known).toBe(false);
  });

  it('notebook, training and Studio rates sourced for us-east-1 only are unknown elsewhere', () => {
    expect(known(book.sagemakerNotebookHourly('ml.r5.4xlarge', 'us-east-1'))?.usd).toBe(1.21);
    expect(book.sagemakerNotebookHourly('ml.r5.4xlarge', 'us-east-2').known).toBe(false);
    expect(known(book.sagemakerNotebookHourly('ml.g4dn.2xlarge', 'us-east-2'))?.usd).toBe(0.94);
    expect(known(book.sagemakerTrainingHourly('ml.g4dn.xlarge', 'us-east-1'))?.usd).toBe(0.736);
    expect(known(book.sagemakerStudioHourly('JupyterLab', 'ml.r6i.4xlarge', 'us-east-1'))?.usd).toBe(1.21);
    expect(book.sagemakerStudioHourly('JupyterLab', 'ml.r6i.4xlarge', 'us-west-2').known).toBe(false);
  });
});

describe('Bedrock provisioned-throughput rates', () => {
  it('map the API commitment onto its term and ignore the model version suffix', () => {
    expect(known(book.bedrockProvisionedHourly('amazon.titan-text-express-v1:0:8k', undefined, 'us-east-1'))).toMatchObject({ usd: 20.5, asOf: '2025-03-10' });
    expect(known(book.bedrockProvisionedHourly('amazon.titan-text-express-v1:0:8k', 'OneMonth', 'us-east-1'))?.usd).toBe(18.4);
    expect(known(book.bedrockProvisionedHourly('amazon.titan-text-lite-v1', 'SixMonths', 'us-east-1'))?.usd).toBe(5.1);
  });

  it('leave other models and regions unknown', () => {
    expect(book.bedrockProvisionedHourly('anthropic.claude-v2:1', undefined, 'us-east-1').known).toBe(false);
    expect(book.bedrockProvisionedHourly('amazon.titan-text-express-v1', undefined, 'eu-west-1').known).toBe(false);
  });
});

describe('a damaged regional price file', () => {
  const orphanBlock = structuredClone(cpuRegionalJson) as { regions: Record<string, { source: string; prices: Record<string, number> }> };
  orphanBlock.regions['eu-west-1'] = { source: 'nowhere', prices: { 'm6a.xlarge': 0.1926 } };
  const negative = structuredClone(cpuRegionalJson);
  negative.regions['ap-south-1'].prices['m6i.4xlarge'] = -0.808;
  const badRate = structuredClone(reservedCpuJson) as { prices: Record<string, Record<string, Record<string, number>>> };
  badRate.prices['m6a.xlarge']!['eu-west-1']!['reserved-1yr-no-upfront'] = Number.NaN;
  const badBedrock = structuredClone(bedrockJson) as { provisionedThroughput: Record<string, Record<string, number>> };
  badBedrock.provisionedThroughput['amazon.titan-text-express-v1']!['no-commitment'] = -20.5;
  it.each([
    ['a negative Bedrock rate', { bedrock: badBedrock }, /bedrock-prices\.json: provisionedThroughput\.amazon\.titan-text-express-v1\.no-commitment: /],
    ['a region block naming no known source', { ec2CpuRegional: orphanBlock }, /ec2-cpu-regional-prices\.json: \(top level\): every region block's source/],
    ['a negative regional price', { ec2CpuRegional: negative }, /ec2-cpu-regional-prices\.json: regions\.ap-south-1\.prices\.m6i\.4xlarge: /],
    [
      'a CPU reserved rate that is not a number',
      { ec2ReservedCpu: badRate },
      /ec2-reserved-rates-cpu\.json: prices\.m6a\.xlarge\.eu-west-1\.reserved-1yr-no-upfront: /,
    ],
  ])('with %s is one line naming the file and field, exit 2', (_, override, message) => {
    const msg = priceDataError(override);
    expect(msg).toMatch(message);
  });
});
