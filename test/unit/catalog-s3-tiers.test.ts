import { describe, expect, it } from 'vitest';
import { ladderCost, ladderSaving, PriceBook, type LadderCost } from '../../src/catalog/index.js';
import storageJson from '../../src/catalog/data/storage-prices.json' with { type: 'json' };
import { priceDataError } from '../helpers/price-data-error.js';

const book = new PriceBook();
const cents = (c: LadderCost) => (c.known ? Math.round(c.usd * 100) / 100 : null);

describe('S3 Standard price tiers (first 50 TB, next 450 TB, over 500 TB a month)', () => {
  // GB-months -> USD: 51,200 GB at $0.023, the next 460,800 GB at $0.022, the rest at $0.021.
  const table: [string, number, number][] = [
    ['an empty bucket', 0, 0],
    ['1,000 GB, all on the first rung', 1000, 23],
    ['exactly 50 TB', 51_200, 1177.6],
    ['60 TiB', 61_440, 1402.88],
    ['exactly 500 TB', 512_000, 11_315.2],
    ['600 TB', 614_400, 13_465.6],
  ];
  it.each(table)('%s (%d GB) costs $%d a month in us-east-1 and us-west-2', (_, gb, usd) => {
    expect(cents(ladderCost(book.s3Ladder('STANDARD', 'us-east-1'), gb))).toBe(usd);
    expect(cents(ladderCost(book.s3Ladder('STANDARD', 'us-west-2'), gb))).toBe(usd);
  });

  it('names each rung a 600 TB bucket reached, with its rate, source and date', () => {
    const cost = ladderCost(book.s3Ladder('STANDARD', 'us-east-1'), 614_400);
    expect(cost.known && cost.rungs.map((r) => [r.label, r.price.usd, r.gb])).toEqual([
      ['first 50 TB', 0.023, 51_200],
      ['next 450 TB', 0.022, 460_800],
      ['over 500 TB', 0.021, 102_400],
    ]);
    const top = cost.known ? cost.rungs[2]?.price : undefined;
    expect(top?.asOf).toBe('2025-10-01');
    expect(top?.source).toMatch(/beginRange\/endRange 0-51200-512000-Inf/);
  });

  it('removing GB saves the rates of the top rungs they sat on, not the first rung', () => {
    const ladder = book.s3Ladder('STANDARD', 'us-east-1');
    // 100,000 GB off a 600 TB bucket: all of it was billed at $0.021 (the top 102,400 GB).
    expect(cents(ladderSaving(ladder, 614_400, 100_000))).toBe(2100);
    // 200,000 GB off: 102,400 at $0.021 + 97,600 at $0.022.
    expect(cents(ladderSaving(ladder, 614_400, 200_000))).toBe(4297.6);
  });

  it('a class without a sourced ladder is one flat rung', () => {
    expect(cents(ladderCost(book.s3Ladder('GLACIER_IR', 'us-east-1'), 614_400))).toBe(2457.6);
  });

  it('outside the list regions the bucket is unknown, never $0', () => {
    const cost = ladderCost(book.s3Ladder('STANDARD', 'mx-central-1'), 1000);
    expect(cost.known).toBe(false);
    expect(!cost.known && cost.reason).toMatch(/covers us-east-1, us-east-2, us-west-2 only/);
  });

  it('a collected first-rung price prices a bucket under 50 TB; above it the rungs of that region are unknown', () => {
    const live = new PriceBook([
      { service: 's3', region: 'mx-central-1', key: 'STANDARD', term: 'on-demand', usd: 0.023, unit: 'GB-Mo', source: 'AWS Pricing API', asOf: '2026-12-01' },
    ]);
    const ladder = live.s3Ladder('STANDARD', 'mx-central-1');
    expect(cents(ladderCost(ladder, 1000))).toBe(23);
    const big = ladderCost(ladder, 614_400);
    expect(big.known).toBe(false);
    expect(!big.known && big.reason).toMatch(/ladder above its first 51200 GB covers us-east-1, us-east-2, us-west-2 only/);
  });
});

describe('a damaged S3 price ladder', () => {
  const withLadder = (rungs: { fromGb: number; usd: number }[]) => {
    const s = structuredClone(storageJson);
    s.s3.tiers.classes.STANDARD = rungs;
    return { storage: s };
  };
  it.each([
    [
      'rungs out of order',
      withLadder([
        { fromGb: 0, usd: 0.023 },
        { fromGb: 512_000, usd: 0.021 },
        { fromGb: 51_200, usd: 0.022 },
      ]),
      /s3\.tiers\.classes\.STANDARD: rungs must start at 0 GB and ascend/,
    ],
    ['a ladder not starting at 0 GB', withLadder([{ fromGb: 100, usd: 0.023 }]), /s3\.tiers\.classes\.STANDARD: rungs must start at 0 GB and ascend/],
    [
      'a negative rung',
      withLadder([
        { fromGb: 0, usd: 0.023 },
        { fromGb: 51_200, usd: -0.022 },
      ]),
      /s3\.tiers\.classes\.STANDARD\.1\.usd: /,
    ],
    ['a first rung unlike the flat price', withLadder([{ fromGb: 0, usd: 0.024 }]), /s3: a tiered class's first rung must equal its gbMonth price/],
  ])('with %s is one line naming the file and field, exit 2', (_, override, message) => {
    const msg = priceDataError(override);
    expect(msg).toMatch(/^src\/catalog\/data\/storage-prices\.json: /);
    expect(msg).toMatch(message);
  });
});
