import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchS3Prefixes, localPathFor } from '../../src/billing/s3-fetch.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

// A bucket's keys are written by whoever can write the bucket: a key must not choose where mlcost writes.
describe('s3:// downloads stay inside their temp folder', () => {
  let moto: Moto;
  let s3: S3Client;
  let outside: string;
  beforeAll(async () => {
    moto = await startMoto();
    s3 = new S3Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS, forcePathStyle: true });
    outside = await mkdtemp(join(tmpdir(), 'mlcost-victim-'));
    await s3.send(new CreateBucketCommand({ Bucket: 'billing' }));
    const climb = relative(join(tmpdir(), 'mlcost-billing-XXXXXX', 'billing', 'cur'), join(outside, 'evil.csv'));
    for (const [key, body] of [
      ['cur/good.csv', 'a\n1\n'],
      ['cur/odd name\u0007;$(x).csv', 'a\n2\n'],
      [`cur/${climb}`, 'a\n3\n'],
      ['cur/../../../../../../../../../../tmp/evil2.csv', 'a\n4\n'],
    ])
      await s3.send(new PutObjectCommand({ Bucket: 'billing', Key: key, Body: body }));
  });
  afterAll(async () => {
    s3.destroy();
    await rm(outside, { recursive: true, force: true });
    await moto.stop();
  });

  it('refuses keys that climb out with a warning, saves the rest under safe names', async () => {
    const fetched = await fetchS3Prefixes(s3, ['s3://billing/cur/']);
    try {
      expect(await readdir(outside)).toEqual([]);
      expect(fetched.refused).toHaveLength(2);
      expect(fetched.refused[0]).toMatch(/^s3:\/\/billing\/cur\/\.\.\/.*not downloaded \(a key with '\.\.' or a leading '\/' would be saved outside/);
      expect(fetched.files.map((f) => relative(fetched.dir, f)).sort()).toEqual([
        join('billing', 'cur', 'good.csv'),
        join('billing', 'cur', 'odd_name____x_.csv'),
      ]);
      expect(
        await readFile(
          fetched.files.find((f) => f.endsWith('good.csv'))!,
          'utf8',
        ),
      ).toBe('a\n1\n');
    } finally {
      await fetched.cleanup();
    }
    await expect(stat('/tmp/evil2.csv')).rejects.toThrow(/ENOENT/);
  });

  it('fails with one line when every key under the prefix is refused', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'billing', Key: 'only-bad/../x.csv', Body: 'a\n' }));
    await expect(fetchS3Prefixes(s3, ['s3://billing/only-bad/'])).rejects.toThrow(
      /s3:\/\/billing\/only-bad\/: no billing object could be downloaded \(s3:\/\/billing\/only-bad\/\.\.\/x\.csv: not downloaded/,
    );
  });
});

describe('localPathFor', () => {
  const dir = '/tmp/d';
  it.each([['/etc/passwd.csv'], ['a/../../x.csv'], ['./x.csv'], ['..']])('refuses %j', (key) => {
    expect(localPathFor(dir, 'b', key)).toBeUndefined();
  });
  it('numbers a second key that reduces to the same name', () => {
    const taken = new Set<string>();
    expect(localPathFor(dir, 'b', 'x/a b.csv', taken)).toBe('/tmp/d/b/x/a_b.csv');
    expect(localPathFor(dir, 'b', 'x/a_b.csv', taken)).toBe('/tmp/d/b/x/2-a_b.csv');
    expect(localPathFor(dir, 'b', 'x//.hidden.csv', taken)).toBe('/tmp/d/b/x/_hidden.csv');
  });
});
