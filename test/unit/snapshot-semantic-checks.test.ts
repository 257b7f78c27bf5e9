import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, writeSnapshot } from '../../src/snapshot/io.js';
import type { EbsVolume, Snapshot } from '../../src/snapshot/schema.js';
import { implausibleValue } from '../../src/snapshot/semantic-checks.js';
import { instance, snapshotOf } from '../helpers/builders.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-semantic-'));
/** A number no builder makes: the tests swap it for JSON text no serialiser writes (1e999). */
const MARK = 123456.789;

const volume = (id: string, sizeGiB: number): EbsVolume => ({
  id,
  accountId: '111122223333',
  region: 'us-east-1',
  type: 'gp3',
  sizeGiB,
  state: 'available',
  createTime: '2026-10-01T00:00:00Z',
  attachments: [],
  tags: {},
  metrics: {},
});
/** Enough instances to take the file past 4 MiB, where it is validated in place by Ajv, not zod. */
const padding = () => Array.from({ length: 3000 }, (_, i) => instance({ id: `i-pad-${i}`, type: 'm5.large', cpu: [1, 2, 3], netMBPerDay: 1 }));

/** The same Snapshot written three ways, each read by another path of the reader. */
const PATHS = {
  'whole file, zod': (p: string, s: Snapshot) => {
    writeFileSync(p, JSON.stringify(s, null, 2));
    return Promise.resolve();
  },
  'line layout, zod': async (p: string, s: Snapshot) => writeSnapshot(p, s),
  'line layout over 4 MiB, Ajv in place': async (p: string, s: Snapshot) => {
    s.resources.ec2Instances.push(...padding());
    await writeSnapshot(p, s);
    expect(statSync(p).size).toBeGreaterThan(4 * 2 ** 20);
  },
} as const;

async function written(path: keyof typeof PATHS, name: string, s: Snapshot, text?: (t: string) => string): Promise<string> {
  const p = join(dir, `${name}-${path.replace(/\W+/g, '-')}.json`);
  await PATHS[path](p, s);
  if (text) writeFileSync(p, text(readFileSync(p, 'utf8')));
  return p;
}

describe.each(Object.keys(PATHS) as (keyof typeof PATHS)[])('semantic checks: %s', (path) => {
  it('a resource listed twice is an error naming its id, not counted twice', async () => {
    const s = snapshotOf({
      ec2Instances: [instance({ id: 'i-dup', type: 'p4d.24xlarge', cpu: [1, 2, 3] }), instance({ id: 'i-dup', type: 'p4d.24xlarge', cpu: [1, 2, 3] })],
    });
    const p = await written(path, 'dup', s);
    await expect(readSnapshot(p)).rejects.toThrow(
      /invalid snapshot: duplicate resource id "i-dup" in resources\.ec2Instances \(account 111122223333, region us-east-1\), first at /,
    );
  });

  it('the same id in two regions is two resources', async () => {
    const s = snapshotOf({ ec2Instances: [instance({ id: 'i-same', type: 'm5.large' }), instance({ id: 'i-same', type: 'm5.large', region: 'eu-west-1' })] });
    expect((await readSnapshot(await written(path, 'regions', s))).resources.ec2Instances.filter((i) => i.id === 'i-same')).toHaveLength(2);
  });

  it('1e999 (Infinity once parsed) is rejected', async () => {
    const s = snapshotOf({ ec2Instances: [instance({ id: 'i-inf', type: 'm5.large', cpu: [1, MARK, 3] })] });
    const p = await written(path, 'inf', s, (t) => t.replace(String(MARK), '1e999'));
    await expect(readSnapshot(p)).rejects.toThrow(/invalid snapshot: resources\.ec2Instances\[0\]\.metrics\.cpu\.p95: /);
  });

  it('negative utilisation is rejected, and so is more than 100%', async () => {
    const neg = snapshotOf({ ec2Instances: [instance({ id: 'i-neg', type: 'm5.large', cpu: [-5, 2, 3] })] });
    await expect(readSnapshot(await written(path, 'neg', neg))).rejects.toThrow(
      /invalid snapshot: resources\.ec2Instances\[0\]\.metrics\.cpu\.avg: -5 is not a percentage \(0 to 100\)/,
    );
    const over = snapshotOf({ ec2Instances: [instance({ id: 'i-over', type: 'g5.xlarge', cpu: [1, 2, 3], gpu: [[250, 1]] })] });
    await expect(readSnapshot(await written(path, 'over', over))).rejects.toThrow(
      /invalid snapshot: resources\.ec2Instances\[0\]\.metrics\.gpus\[0\]\.utilization\.\w+: .* is not a percentage/,
    );
  });

  it('a 1e300 GiB volume is implausible, not a 300-digit dollar amount', async () => {
    const s = snapshotOf({ ebsVolumes: [volume('vol-huge', 1e300)] });
    await expect(readSnapshot(await written(path, 'huge', s))).rejects.toThrow(
      /invalid snapshot: resources\.ebsVolumes\[0\]\.sizeGiB: 1e\+300 is implausible \(more than 65536: the largest EBS volume is 64 TiB\)/,
    );
  });
});

describe('semantic checks outside the resource lists', () => {
  it('a price of 1e300 is implausible on every path', async () => {
    const s = snapshotOf({}, { spotPrices: [{ region: 'us-east-1', instanceType: 'm5.large', usdPerHour: 1e300, timestamp: '2026-11-19T00:00:00Z' }] });
    for (const path of Object.keys(PATHS) as (keyof typeof PATHS)[])
      await expect(readSnapshot(await written(path, 'price', structuredClone(s)))).rejects.toThrow(
        /invalid snapshot: spotPrices\[0\]\.usdPerHour: 1e\+300 is implausible/,
      );
  });

  it('names the path of the first bad value', () => {
    expect(implausibleValue({ a: [{ b: Number.POSITIVE_INFINITY }] })).toBe('a[0].b: Infinity is not a finite number');
    expect(implausibleValue({ hours: [167], x: 1e22 })).toBe('x: 1e+22 is implausibly large');
    expect(implausibleValue({ cpu: { datapoints: 4032, observedHours: 336, avg: 50 } })).toBeUndefined();
  });
});

describe('tag lengths are AWS limits (docs/data-contracts.md "Limits")', () => {
  it('a 10,000-character tag value is refused by the reader; 256 characters (emoji count once) are fine', async () => {
    const long = snapshotOf({ ec2Instances: [instance({ id: 'i-tag', type: 'm5.large', tags: { team: 'x'.repeat(10_000) } })] });
    for (const path of Object.keys(PATHS) as (keyof typeof PATHS)[])
      await expect(readSnapshot(await written(path, 'tag', structuredClone(long)))).rejects.toThrow(
        /invalid snapshot: resources\.ec2Instances\[0\]\.tags\.team: a tag value of 10000 characters \(AWS allows 256\)/,
      );
    const fine = snapshotOf({ ec2Instances: [instance({ id: 'i-tag', type: 'm5.large', tags: { team: '🚀'.repeat(256) } })] });
    expect((await readSnapshot(await written('line layout, zod', 'tag-ok', fine))).resources.ec2Instances[0]?.tags['team']).toHaveLength(512);
    expect(implausibleValue({ tags: { ['k'.repeat(129)]: 'v' } })).toBe('tags: a tag key of 129 characters (AWS allows 128)');
  });
});
