import { describe, expect, it } from 'vitest';
import { allInstanceTypes, spotAdvice } from '../../src/catalog/index.js';
import data from '../../src/catalog/data/spot-advisor.json' with { type: 'json' };

const regions = data.regions as Record<string, Record<string, { s: number; r: number }>>;
const known = new Set(allInstanceTypes());

describe('shipped Spot Instance Advisor extract', () => {
  it('says where it comes from and when', () => {
    expect(data.source).toMatch(/spot-advisor-data\.json/);
    expect(data.source).toMatch(/commit [0-9a-f]{40}/);
    expect(data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.bands).toEqual(['<5%', '5-10%', '10-15%', '15-20%', '>20%']);
  });

  it.each(Object.keys(regions))('%s: every entry is a catalog type with a band index and a non-zero saving', (region) => {
    for (const [type, e] of Object.entries(regions[region]!)) {
      expect(known.has(type), type).toBe(true);
      expect(Number.isInteger(e.r) && e.r >= 0 && e.r <= 4, type).toBe(true);
      // s = 0 is the feed's "no data" placeholder and is never shipped as a typical saving.
      expect(e.s > 0 && e.s <= 100, type).toBe(true);
    }
  });

  it.each(['us-east-1', 'us-east-2', 'us-west-2'])('%s covers the GPU and accelerator families ML teams run', (region) => {
    for (const type of [
      'g4dn.xlarge',
      'g5.xlarge',
      'g5.12xlarge',
      'g6.xlarge',
      'g6e.xlarge',
      'p4d.24xlarge',
      'p5.48xlarge',
      'inf2.xlarge',
      'trn1.32xlarge',
      'm5.2xlarge',
    ]) {
      expect(spotAdvice(type, region), `${type} in ${region}`).toBeDefined();
    }
  });

  it('turns an entry into a band and a typical saving, and an unlisted type into undefined', () => {
    expect(spotAdvice('p4d.24xlarge', 'us-east-1')).toMatchObject({ band: '15-20%', typicalSavingPct: 56, asOf: data.asOf });
    expect(spotAdvice('g5.2xlarge', 'us-west-2')).toMatchObject({ band: '>20%', typicalSavingPct: 57 });
    expect(spotAdvice('p5e.48xlarge', 'us-east-1')).toBeUndefined();
    expect(spotAdvice('g5.xlarge', 'eu-west-1')).toBeUndefined();
  });
});
