import { describe, expect, it } from 'vitest';
import { PriceBook, type PriceLookup } from '../../src/catalog/index.js';
import { parsePriceData } from '../../src/catalog/price-data.js';
import ec2Json from '../../src/catalog/data/ec2-ondemand-prices.json' with { type: 'json' };
import networkJson from '../../src/catalog/data/network-prices.json' with { type: 'json' };
import sagemakerJson from '../../src/catalog/data/sagemaker-prices.json' with { type: 'json' };
import { priceDataError } from '../helpers/price-data-error.js';

const book = new PriceBook();
const known = (p: PriceLookup) => (p.known ? p.price : undefined);
const reason = (p: PriceLookup) => (p.known ? '' : p.reason);

describe('EBS snapshot and gp3 performance prices', () => {
  it.each([
    ['snapshot storage, standard tier', (r: string) => book.ebsSnapshotGbMonth('standard', r), 0.05, 'GB-month', /EBS:SnapshotUsage/],
    ['gp3 IOPS above 3,000', (r: string) => book.ebsGp3ExtraIops(r), 0.005, 'IOPS-month', /VolumeP-IOPS\.gp3/],
    ['gp3 throughput above 125 MiB/s', (r: string) => book.ebsGp3ExtraThroughput(r), 0.04, 'MiBps-month', /VolumeP-Throughput\.gp3/],
  ])('%s carries its price, unit, source and date in the us-east-1 list-price regions', (_, lookup, usd, unit, source) => {
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2']) {
      const p = known(lookup(region));
      expect(p, region).toMatchObject({ usd, unit, asOf: '2026-11-23' });
      expect(p?.source).toMatch(source);
      expect(p?.basis).toMatch(/us-east-1 list price/);
    }
    // Elsewhere unknown, and never sends the user to --prices live, which does not fetch these prices.
    expect(known(lookup('mx-central-1'))).toBeUndefined();
    expect(reason(lookup('mx-central-1'))).toMatch(/live price collection does not fetch it/);
    expect(reason(lookup('mx-central-1'))).not.toMatch(/--prices live/);
  });

  it('leaves the archive tier unknown, saying why', () => {
    const p = book.ebsSnapshotGbMonth('archive', 'us-east-1');
    expect(p.known).toBe(false);
    expect(reason(p)).toMatch(/archive-tier.*embedded catalog has none.*does not fetch snapshot prices/);
  });

  it('a collected snapshot price wins over the embedded one', () => {
    const live = new PriceBook([
      {
        service: 'ebs',
        region: 'us-east-1',
        key: 'snapshot-standard',
        term: 'on-demand',
        usd: 0.055,
        unit: 'GB-Mo',
        source: 'AWS Pricing API',
        asOf: '2026-11-19',
      },
    ]);
    expect(known(live.ebsSnapshotGbMonth('standard', 'us-east-1'))).toMatchObject({ usd: 0.055, asOf: '2026-11-19' });
  });
});

describe('PriceBook lookups', () => {
  it('answers a repeated lookup with the same price, and different arguments with their own', () => {
    const prices = new PriceBook();
    const first = prices.ec2OnDemand('m5.large', 'us-east-1');
    expect(prices.ec2OnDemand('m5.large', 'us-east-1')).toBe(first);
    expect(prices.ec2OnDemand('m5.large', 'us-west-2')).not.toBe(first);
    expect(known(prices.ec2OnDemand('m5.large', 'us-west-2'))?.basis).toMatch(/us-west-2/);
    expect(prices.ec2OnDemand('m5.xlarge', 'us-east-1')).not.toBe(first);
    // Same arguments to another lookup are another price.
    expect(prices.ebsGbMonth('gp3', 'us-east-1')).not.toBe(prices.s3GbMonth('STANDARD', 'us-east-1'));
  });
});

describe('accelerated types outside the us-east-1 list regions', () => {
  it('are priced on-demand from their own region, with that region in the basis', () => {
    const p = known(book.ec2OnDemand('g5.xlarge', 'eu-west-1'));
    expect(p).toMatchObject({ usd: 1.123, unit: 'hour', asOf: '2026-01-21' });
    expect(p?.basis).toBe('eu-west-1 on-demand list price');
    expect(p?.source).toMatch(/instances\.vantage\.sh.*tsaol\/aws-gpu/);
    expect(known(book.ec2OnDemand('p5.48xlarge', 'ap-northeast-1'))?.usd).toBe(68.8);
  });

  it('read the newer us-east-1 list first where both files price a type', () => {
    expect(known(book.ec2OnDemand('p4d.24xlarge', 'us-west-2'))).toMatchObject({ usd: 21.957642, asOf: '2026-07-20' });
  });

  it('stay unknown in a region that does not sell them, and types no regional file holds stay unknown outside the list regions', () => {
    expect(reason(book.ec2OnDemand('p4d.24xlarge', 'af-south-1'))).toMatch(/covers us-east-1, us-east-2, us-west-2 only; use --prices live for af-south-1/);
    // i7i came after the 2025-04 regional feed: no regional file holds it.
    expect(book.ec2OnDemand('i7i.large', 'eu-west-1').known).toBe(false);
  });
});

describe('Reserved Instance rates', () => {
  it('fall back to the embedded 1-year no-upfront rate of an accelerated type in its region', () => {
    const p = known(book.ec2Reserved('p4de.24xlarge', 'us-west-2', 'reserved-1yr-no-upfront'));
    expect(p).toMatchObject({ usd: 17.401365, unit: 'hour', asOf: '2026-01-21' });
    expect(p?.basis).toMatch(/us-west-2 1-year Standard Reserved Instance, no upfront/);
    expect(known(book.ec2Reserved('g5.xlarge', 'eu-west-1', 'reserved-1yr-no-upfront'))?.usd).toBe(0.70749);
  });

  it('carry 3-year and partial-upfront effective rates of accelerated types, with their own source and date', () => {
    const rates = (['reserved-1yr-partial-upfront', 'reserved-3yr-no-upfront', 'reserved-3yr-partial-upfront'] as const).map((t) =>
      known(book.ec2Reserved('g5.xlarge', 'us-east-1', t)),
    );
    expect(rates.map((p) => p?.usd)).toEqual([0.603626, 0.43459, 0.402418]);
    for (const p of rates) {
      expect(p).toMatchObject({ unit: 'hour', asOf: '2025-11-30' });
      expect(p?.source).toMatch(/tsaol\/aws-gpu, data\/gpu_instances_raw\.json at commit 2d0108c7bd26/);
      expect(p?.basis).toMatch(/us-east-1 Standard Reserved Instance \dyr-(no|partial)-upfront, effective hourly/);
    }
    expect(known(book.ec2Reserved('p4de.24xlarge', 'us-west-2', 'reserved-3yr-no-upfront'))?.usd).toBeLessThan(17.401365);
  });

  it('leave CPU families and types the source has no rate for unknown, saying so', () => {
    for (const p of [
      book.ec2Reserved('i7i.large', 'us-east-1', 'reserved-1yr-no-upfront'),
      book.ec2Reserved('m7i.large', 'us-east-1', 'reserved-3yr-partial-upfront'),
      book.ec2Reserved('p5.48xlarge', 'us-east-1', 'reserved-1yr-no-upfront'),
    ]) {
      expect(p.known).toBe(false);
      expect(reason(p)).toMatch(/no reserved-\dyr-(no|partial)-upfront price collected for .+, and none embedded/);
    }
  });

  it('a collected Reserved term wins over the embedded rate', () => {
    const live = new PriceBook([
      {
        service: 'ec2',
        region: 'us-west-2',
        key: 'p4de.24xlarge',
        term: 'reserved-1yr-no-upfront',
        usd: 16.5,
        unit: 'Hrs',
        source: 'AWS Pricing API',
        asOf: '2026-11-19',
      },
    ]);
    expect(known(live.ec2Reserved('p4de.24xlarge', 'us-west-2', 'reserved-1yr-no-upfront'))).toMatchObject({ usd: 16.5, source: 'AWS Pricing API' });
  });
});

describe('SageMaker prices', () => {
  it('price an endpoint of ml.g4dn.2xlarge in us-east-1 and name the copies the figure came from', () => {
    const p = known(book.sagemakerHourly('ml.g4dn.2xlarge', 'us-east-1'));
    expect(p).toMatchObject({ usd: 0.94, unit: 'hour' });
    expect(p?.source).toMatch(/this figure: awsPage-goerlitz; table-ts-2024; studio-usw2-2026-09$/);
  });

  it('price the hosting types two copies agree on, naming both: ml.g5.48xlarge, ml.g6.12xlarge, ml.inf2.48xlarge, ml.m5.24xlarge', () => {
    expect(known(book.sagemakerHourly('ml.g5.48xlarge', 'us-east-1'))).toMatchObject({ usd: 20.36, unit: 'hour' });
    expect(known(book.sagemakerHourly('ml.g5.48xlarge', 'us-east-1'))?.source).toMatch(/this figure: fmbench-2024; aws-workshop-bench; studio-usw2-2026-09/);
    expect(known(book.sagemakerHourly('ml.g6.12xlarge', 'us-east-1'))).toMatchObject({ usd: 5.752 });
    expect(known(book.sagemakerHourly('ml.g6.12xlarge', 'us-east-1'))?.source).toMatch(/fmbench-2024 \(2024-06-04\); pricing-api-use1-2026-08$/);
    expect(known(book.sagemakerHourly('ml.inf2.48xlarge', 'us-east-1'))).toMatchObject({ usd: 15.58 });
    expect(known(book.sagemakerHourly('ml.m5.24xlarge', 'us-east-1'))).toMatchObject({ usd: 5.53 });
    expect(known(book.sagemakerHourly('ml.g4dn.12xlarge', 'us-east-1'))).toMatchObject({ usd: 4.89 });
    // The hosting list is us-east-1 only: another region stays unknown rather than borrow it.
    expect(book.sagemakerHourly('ml.g5.48xlarge', 'eu-west-1').known).toBe(false);
  });

  it('leave types whose figures disagree, have one undated copy, or predate the 2025 GPU price cut unknown', () => {
    // ml.inf2.xlarge, ml.trn1.32xlarge, ml.g6.16xlarge: one copy only; ml.g6e.12xlarge: only a Train rate; ml.g6.4xlarge: only Train/Studio rates.
    const unknown = [
      'ml.p4d.24xlarge',
      'ml.p5.48xlarge',
      'ml.inf2.xlarge',
      'ml.trn1.32xlarge',
      'ml.g6.16xlarge',
      'ml.g6.4xlarge',
      'ml.g6e.12xlarge',
      'ml.r5.4xlarge',
    ];
    for (const t of unknown) {
      expect(book.sagemakerHourly(t, 'us-east-1').known, t).toBe(false);
    }
  });

  it('every embedded SageMaker figure has its provenance', () => {
    for (const t of Object.keys(sagemakerJson.prices)) expect(known(book.sagemakerHourly(t, 'us-east-1'))?.source, t).toMatch(/this figure: \S/);
    for (const t of Object.keys(sagemakerJson.notebook.prices))
      expect(known(book.sagemakerNotebookHourly(t, 'us-east-1'))?.source, t).toMatch(/this figure: \S/);
    for (const t of Object.keys(sagemakerJson.training.prices))
      expect(known(book.sagemakerTrainingHourly(t, 'us-east-1'))?.source, t).toMatch(/this figure: \S/);
    const studioRegions = sagemakerJson.studio.figureRegions as Record<string, string[]>;
    for (const t of Object.keys(sagemakerJson.studio.prices))
      expect(known(book.sagemakerStudioHourly('JupyterLab', t, studioRegions[t]?.[0] ?? 'us-west-2'))?.source, t).toMatch(/this figure: \S/);
  });

  it('price training from the Train usage type, never from hosting: ml.g5.2xlarge $1.515, ml.g5.48xlarge unknown', () => {
    expect(known(book.sagemakerTrainingHourly('ml.g5.2xlarge', 'us-east-1'))).toMatchObject({ usd: 1.515, asOf: '2026-09-24' });
    expect(known(book.sagemakerTrainingHourly('ml.g5.2xlarge', 'us-east-1'))?.source).toMatch(/pricing-api-use1-train-2026-08-20$/);
    // ml.g5.48xlarge has a hosting figure but no training one.
    expect(book.sagemakerHourly('ml.g5.48xlarge', 'us-east-1').known).toBe(true);
    const training = book.sagemakerTrainingHourly('ml.g5.48xlarge', 'us-east-1');
    expect(training).toEqual({ known: false, reason: 'no embedded SageMaker training price for ml.g5.48xlarge; live price collection does not fetch it' });
    expect(book.sagemakerTrainingHourly('ml.g5.2xlarge', 'eu-west-1').known).toBe(false);
  });

  it('price G6/G6e training from the dated Price List quote, which differs from hosting in the last digits', () => {
    expect(known(book.sagemakerTrainingHourly('ml.g6e.12xlarge', 'us-east-1'))).toMatchObject({ usd: 13.12 });
    expect(known(book.sagemakerTrainingHourly('ml.g6e.12xlarge', 'us-east-1'))?.source).toMatch(/pricing-api-use1-2026-08; usw2-train-pricelist/);
    expect(known(book.sagemakerTrainingHourly('ml.g6e.2xlarge', 'us-east-1'))).toMatchObject({ usd: 2.8 });
    expect(known(book.sagemakerHourly('ml.g6e.2xlarge', 'us-east-1'))).toMatchObject({ usd: 2.8026 });
    expect(known(book.sagemakerTrainingHourly('ml.g6.4xlarge', 'us-east-1'))).toMatchObject({ usd: 1.654 });
  });

  it('price Studio JupyterLab apps, and leave other app types unknown', () => {
    expect(known(book.sagemakerStudioHourly('JupyterLab', 'ml.g5.12xlarge', 'us-east-1'))).toMatchObject({ usd: 7.09, asOf: '2026-09-01' });
    expect(known(book.sagemakerStudioHourly('JupyterLab', 'ml.g6.xlarge', 'us-west-2'))).toMatchObject({ usd: 1.127 });
    expect(book.sagemakerStudioHourly('CodeEditor', 'ml.g5.12xlarge', 'us-east-1')).toEqual({
      known: false,
      reason: 'no SageMaker Studio CodeEditor price is catalogued for ml.g5.12xlarge (only JupyterLab rates are)',
    });
    expect(book.sagemakerStudioHourly('JupyterLab', 'ml.g5.12xlarge', 'eu-west-1').known).toBe(false);
  });
});

describe('a damaged price data file', () => {
  const negative = structuredClone(sagemakerJson) as { prices: Record<string, number> };
  negative.prices['ml.m5.large'] = -0.115;
  const noProvenance = structuredClone(sagemakerJson) as { provenance: Record<string, string> };
  delete noProvenance.provenance['ml.g5.2xlarge'];
  const studioNoProvenance = structuredClone(sagemakerJson) as { studio: { provenance: Record<string, string> } };
  delete studioNoProvenance.studio.provenance['ml.g5.12xlarge'];

  it.each([
    ['a negative price', { sagemaker: negative }, /^src\/catalog\/data\/sagemaker-prices\.json: prices\.ml\.m5\.large: .*>=0/],
    [
      'a price that is not a number',
      { ec2OnDemand: { ...ec2Json, prices: { 'm5.large': Number.NaN } } },
      /^src\/catalog\/data\/ec2-ondemand-prices\.json: prices\.m5\.large: /,
    ],
    [
      'an infinite price',
      { network: { publicIpv4: { ...networkJson.publicIpv4, usdPerHour: Infinity } } },
      /^src\/catalog\/data\/network-prices\.json: publicIpv4\.usdPerHour: /,
    ],
    [
      'a figure without provenance',
      { sagemaker: noProvenance },
      /^src\/catalog\/data\/sagemaker-prices\.json: \(top level\): every price needs its provenance/,
    ],
    [
      'a Studio figure without provenance',
      { sagemaker: studioNoProvenance },
      /^src\/catalog\/data\/sagemaker-prices\.json: studio: every price needs its provenance/,
    ],
    ['no date', { ec2OnDemand: { ...ec2Json, asOf: 'July 2026' } }, /^src\/catalog\/data\/ec2-ondemand-prices\.json: asOf: /],
    [
      'a negative reserved rate',
      { ec2Reserved: { source: 's', asOf: '2025-11-30', prices: { 'g5.xlarge': { 'us-east-1': { 'reserved-3yr-no-upfront': -1 } } } } },
      /^src\/catalog\/data\/ec2-reserved-rates\.json: prices\.g5\.xlarge\.us-east-1\.reserved-3yr-no-upfront: /,
    ],
    [
      'a reserved term mlcost does not know',
      { ec2Reserved: { source: 's', asOf: '2025-11-30', prices: { 'g5.xlarge': { 'us-east-1': { 'reserved-5yr': 0.1 } } } } },
      /^src\/catalog\/data\/ec2-reserved-rates\.json: prices\.g5\.xlarge\.us-east-1/,
    ],
  ])('with %s is one line naming the file and field, exit 2', (_, override, message) => {
    const msg = priceDataError(override);
    expect(msg).toMatch(message);
    expect(msg).toMatch(/the embedded price catalog is damaged/);
    expect(msg).not.toContain('\n');
  });

  it('the shipped files pass their schemas', () => {
    expect(() => parsePriceData()).not.toThrow();
  });
});
