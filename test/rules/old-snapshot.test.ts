import { describe, expect, it } from 'vitest';
import type { EbsSnapshot } from '../../src/snapshot/schema.js';
import { END } from '../helpers/builders.js';
import { ebsSnapshot, findingsOn, volume } from './resources.js';

const started = (days: number) => new Date(END.getTime() - days * 86_400_000).toISOString();

describe('old-snapshot', () => {
  const misses: [string, EbsSnapshot][] = [
    ['backs a registered AMI', ebsSnapshot({ amiIds: ['ami-1'] })],
    ['30 days old', ebsSnapshot({ startTime: started(30) })],
  ];
  it.each(misses)('does not match: %s', async (_, s) => {
    expect(await findingsOn('old-snapshot', { ebsSnapshots: [s] })).toEqual([]);
  });

  it('prices 200 GiB standard tier at the embedded $0.05/GB-month = $10.00 (an upper bound)', async () => {
    const [f] = await findingsOn('old-snapshot', { ebsSnapshots: [ebsSnapshot({})] });
    expect(f?.action.kind).toBe('delete');
    expect(f?.monthlySavings).toBe(10);
    expect(f?.pricing.method).toMatch(/<=/);
    expect(f?.pricing.prices[0]).toMatchObject({ usd: 0.05, unit: 'GB-month', asOf: '2026-11-23' });
    expect(f?.pricing.prices[0]?.source).toMatch(/EBS:SnapshotUsage/);
  });

  it('a collected snapshot price wins over the embedded one', async () => {
    const prices = [
      { service: 'ebs' as const, region: 'us-east-1', key: 'snapshot-standard', usd: 0.06, unit: 'GB-Mo', source: 'AWS Pricing API', asOf: '2026-11-19' },
    ];
    const [f] = await findingsOn('old-snapshot', { ebsSnapshots: [ebsSnapshot({})] }, { prices });
    expect(f?.monthlySavings).toBe(12);
  });

  it.each([
    ['archive tier', ebsSnapshot({ storageTier: 'archive' }), /archive-tier price.*does not fetch snapshot prices/],
    [
      'a region the embedded price does not cover',
      ebsSnapshot({ region: 'mx-central-1' }),
      /covers us-east-1, us-east-2, us-west-2 only; live price collection does not fetch it/,
    ],
  ])('shows the saving as unknown (null, never 0) for the %s, without pointing at --prices live', async (_, snap, reason) => {
    const [f] = await findingsOn('old-snapshot', { ebsSnapshots: [snap] });
    expect(f?.monthlySavings).toBeNull();
    expect(f?.pricing.unknown?.[0]).toMatch(reason);
    expect(f?.pricing.unknown?.[0]).not.toMatch(/--prices live/);
  });

  it('keeps backups of live volumes when keepIfVolumeExists is set', async () => {
    const { loadRules } = await import('../../src/engine/rules/load.js');
    const rules = await loadRules({ params: { 'old-snapshot': { keepIfVolumeExists: true } } });
    const rule = rules.find((r) => r.spec.id === 'old-snapshot');
    expect(rule?.params['keepIfVolumeExists']).toBe(true);
    const matched = rule?.when({ resource: {}, signals: { ageDays: 400, backsAmi: false, volumeExists: true }, params: rule.params });
    expect(matched).toBe(false);
    expect(
      await findingsOn('old-snapshot', { ebsSnapshots: [ebsSnapshot({ volumeId: 'vol-0test' })], ebsVolumes: [volume({ type: 'gp3', sizeGiB: 10 })] }),
    ).toHaveLength(1);
  });
});
