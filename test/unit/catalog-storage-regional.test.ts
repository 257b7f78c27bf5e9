import { describe, expect, it } from 'vitest';
import { PriceBook, type PriceLookup } from '../../src/catalog/index.js';
import regionalJson from '../../src/catalog/data/storage-regional-prices.json' with { type: 'json' };
import { priceDataError } from '../helpers/price-data-error.js';

const book = new PriceBook();
const known = (p: PriceLookup) => (p.known ? p.price : undefined);

describe('EBS and S3 prices outside the list regions (storage-regional-prices.json)', () => {
  it('price EBS volume types, snapshots and gp3 extras in ap-northeast-1 from the region block, with its source and date', () => {
    expect(known(book.ebsGbMonth('gp3', 'ap-northeast-1'))).toMatchObject({
      usd: 0.096,
      unit: 'GB-month',
      asOf: '2024-07-18',
      basis: 'ap-northeast-1 list price',
    });
    expect(known(book.ebsGbMonth('gp2', 'eu-west-1'))?.usd).toBe(0.11);
    expect(known(book.ebsGbMonth('gp2', 'eu-west-1'))?.source).toMatch(/yeo\/ec2\.shop@576c890f/);
    expect(known(book.ebsSnapshotGbMonth('standard', 'ap-northeast-1'))?.usd).toBe(0.05);
    expect(known(book.ebsGp3ExtraIops('ap-northeast-1'))).toMatchObject({ usd: 0.006, unit: 'IOPS-month' });
    expect(known(book.ebsGp3ExtraThroughput('ap-northeast-1'))).toMatchObject({ usd: 0.048, unit: 'MiBps-month' });
  });

  it('keep the list file first in the list regions', () => {
    expect(known(book.ebsGbMonth('gp3', 'us-east-1'))).toMatchObject({ usd: 0.08, basis: 'us-east-1 list price', asOf: '2025-10-28' });
  });

  it('price S3 classes and the Standard ladder in ap-northeast-1 rung by rung', () => {
    expect(known(book.s3GbMonth('GLACIER_IR', 'ap-northeast-1'))?.usd).toBe(0.005);
    const ladder = book.s3Ladder('STANDARD', 'ap-northeast-1');
    expect(ladder.known && ladder.rungs.map((r) => [r.fromGb, r.price.usd])).toEqual([
      [0, 0.025],
      [51200, 0.024],
      [512000, 0.023],
    ]);
    expect(ladder.known && ladder.unknownFromGb).toBeUndefined();
  });

  it("leave what the source lacks unknown, never 0 and never another type's figure", () => {
    expect(book.ebsGbMonth('io2', 'sa-east-1').known).toBe(false);
    expect(book.ebsGbMonth('io1', 'sa-east-1').known).toBe(true);
    expect(book.ebsGbMonth('gp3', 'mx-central-1').known).toBe(false);
    expect(book.s3GbMonth('STANDARD', 'mx-central-1').known).toBe(false);
  });

  it('a region block naming no source, or a negative figure, is one line naming the file and field', () => {
    const orphan = structuredClone(regionalJson) as { ebs: Record<string, { source: string }> };
    orphan.ebs['eu-west-1']!.source = 'nowhere';
    const negative = structuredClone(regionalJson) as { s3: Record<string, { gbMonth: Record<string, number> }> };
    negative.s3['eu-west-1']!.gbMonth['STANDARD'] = -0.023;
    expect(priceDataError({ storageRegional: orphan })).toMatch(/storage-regional-prices\.json: \(top level\): every region block's source/);
    expect(priceDataError({ storageRegional: negative })).toMatch(/storage-regional-prices\.json: s3\.eu-west-1\.gbMonth\.STANDARD: /);
  });
});
