import { describe, expect, it } from 'vitest';
import { PriceBook, type PriceLookup } from '../../src/catalog/index.js';

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
    expect(known(lookup('eu-west-1'))).toBeUndefined();
    expect(reason(lookup('eu-west-1'))).toMatch(/live price collection does not fetch it/);
    expect(reason(lookup('eu-west-1'))).not.toMatch(/--prices live/);
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
