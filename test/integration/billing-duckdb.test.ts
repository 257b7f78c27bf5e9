import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBilledRates } from '../../src/billing/billed-rates.js';
import { fileSpendReport, type FileSpendRequest } from '../../src/billing/file-spend.js';
import { UserError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

const FIX = join(ROOT, 'fixtures', 'billing');
const notes: string[] = [];

function request(source: 'cur' | 'focus', paths: string[], extra: Partial<FileSpendRequest> = {}): FileSpendRequest {
  return {
    source,
    paths,
    engine: 'duckdb',
    by: ['service'],
    teamKeys: ['team'],
    aws: {},
    now: new Date('2026-11-23T00:00:00Z'),
    notify: (l) => notes.push(l),
    ...extra,
  };
}

// Hand totals for fixtures/billing (see scripts/make-billing-fixtures.ts), Sep 1–Oct 31 2026:
// effective = g5 24×61 + p4d 336×31 + spot 1.2×61 + S3 10×61 + g4dn 7.2×61 + p5 1200×5 − 50 credit
const EFFECTIVE = 1464 + 10416 + 73.2 + 610 + 439.2 + 6000 - 50; // 18,952.40
// billed: covered p4d hours bill 0, the SP fee 336×31; RI hours bill 0, RI fees 144×2 + 1,000 upfront
const BILLED = 1464 + 10416 + 73.2 + 610 + 1288 + 6000 - 50; // 19,801.20
const LIST = 1464 + 480 * 31 + 4.8 * 61 + 610 + 12 * 61 + 6000; // 23,978.80

describe('CUR 2.0 and FOCUS files through DuckDB', () => {
  const files: [source: 'cur' | 'focus', file: string][] = [
    ['cur', 'cur2.parquet'],
    ['cur', 'cur2.csv'],
    ['cur', 'cur2.csv.gz'],
    ['focus', 'focus.parquet'],
    ['focus', 'focus.csv'],
  ];
  it.each(files)('%s %s: the hand-computed totals, deltas and team split', async (source, file) => {
    const r = await fileSpendReport(request(source, [join(FIX, file)], { by: ['team'] }));
    expect(r.held).toEqual({ start: '2026-09-01', end: '2026-11-01', days: 61 });
    expect(r.totals).toEqual({ billed: BILLED, effective: EFFECTIVE, list: LIST });
    expect(r.groups.map((g) => [g.key.team, g.effective])).toEqual([
      ['training', 10416 + 6000],
      ['ml-research', 1464 + 73.2],
      [null, 610 - 50],
      ['inference', 439.2],
    ]);
    // Oct 25–31: 7 × 378.40 a day + 5 days of p5 at 1,200; Oct 18–24: 7 × 378.40.
    expect(r.deltas.weekOverWeek).toMatchObject({ current: { effective: 8648.8 }, previous: { effective: 2648.8 }, change: 6000 });
    // October (31 × 378.40 + 6,000 − 50) against September (30 × (24 + 1.2 + 10 + 7.2)).
    expect(r.deltas.monthOverMonth).toMatchObject({ current: { effective: 17680.4 }, previous: { effective: 1272 } });
    expect(r.topMovers).toEqual([{ key: { team: 'training' }, previous: 2352, current: 8352, change: 6000 }]);
    expect(r.gpu?.families.map((f) => [f.family, f.instanceHours, f.effective])).toEqual([
      ['p4d', 744, 10416],
      ['p5', 120, 6000],
      ['g5', 1464, 1464],
      ['g4dn', 1464, 439.2],
    ]);
  });

  it('groups by service, account, region, instance type and resource', async () => {
    const r = await fileSpendReport(request('cur', [join(FIX, 'cur2.parquet')], { by: ['account', 'region'], lastDays: 7 }));
    expect(r.window).toEqual({ start: '2026-10-25', end: '2026-11-01', days: 7 });
    // Account ids keep their leading zero.
    expect(r.groups.map((g) => [g.key.account, g.key.region, g.effective])).toEqual([
      ['012345678901', 'us-east-1', 7 * 35.2 + 6000],
      ['111122223333', 'us-west-2', 7 * 336],
      ['111122223333', 'eu-west-1', 7 * 7.2],
      // The Savings Plan's fee lines have no region; fully used, they amortise to 0.
      ['111122223333', null, 0],
    ]);
    const byType = await fileSpendReport(request('focus', [join(FIX, 'focus.parquet')], { by: ['instance-type'], lastDays: 7 }));
    expect(byType.groups.find((g) => g.key['instance-type'] === 'p5.48xlarge')?.effective).toBe(6000);
    // The older FOCUS_1_0_AWS export names the usage type x_UsageType instead of SkuMeter.
    const dir = await mkdtemp(join(tmpdir(), 'mlcost-focus10-'));
    const focus10 = join(dir, 'focus-1.0.csv');
    const [header, ...rows] = (await readFile(join(FIX, 'focus.csv'), 'utf8')).split('\n');
    await writeFile(focus10, [header!.replace(',SkuMeter,', ',x_UsageType,'), ...rows].join('\n'));
    const byType10 = await fileSpendReport(request('focus', [focus10], { by: ['instance-type'], lastDays: 7 }));
    await rm(dir, { recursive: true, force: true });
    expect(byType10.groups).toEqual(byType.groups);
    const byRes = await fileSpendReport(request('cur', [join(FIX, 'cur2.csv')], { by: ['resource'] }));
    expect(byRes.groups.find((g) => g.key.resource === 'i-0g4dn0000000000001')?.effective).toBe(439.2);
  });

  it('reads several files and a directory as one source', async () => {
    const r = await fileSpendReport(request('cur', [join(FIX, 'cur2.csv'), join(FIX, 'cur2.csv.gz')], { by: [] }));
    expect(r.totals.effective).toBeCloseTo(2 * EFFECTIVE, 6);
    await expect(fileSpendReport(request('cur', [FIX]))).rejects.toThrow(/mix Parquet and CSV/);
  });

  it('a file missing a needed column: the column and the export option that adds it', async () => {
    const file = join(FIX, 'cur2-no-resource-id.parquet');
    await expect(fileSpendReport(request('cur', [file], { by: ['resource'] }))).rejects.toThrow(
      `${file}: CUR 2.0 column line_item_resource_id is missing (needed for spend --by resource); turn on "Include resource IDs" (INCLUDE_RESOURCES = TRUE) in the CUR 2.0 export`,
    );
    // Without resource ids, everything else still works.
    const r = await fileSpendReport(request('cur', [file], { by: ['service'] }));
    expect(r.totals.effective).toBe(EFFECTIVE);
  });

  it('a malformed file, a FOCUS file read as CUR, and a missing file are user errors', async () => {
    await expect(fileSpendReport(request('cur', [join(FIX, 'malformed.parquet')]))).rejects.toThrow(/malformed\.parquet: not a readable Parquet billing file/);
    await expect(fileSpendReport(request('cur', [join(FIX, 'focus.parquet')]))).rejects.toThrow(/CUR 2\.0 column line_item_usage_start_date is missing/);
    await expect(fileSpendReport(request('cur', [join(FIX, 'nope.parquet')]))).rejects.toThrow(
      /nope\.parquet: cannot read billing file \(no such file or directory\)/,
    );
    await expect(fileSpendReport(request('cur', [join(FIX, 'nothing-*.parquet')]))).rejects.toBeInstanceOf(UserError);
  });

  it('an empty CSV and a badly quoted CSV say so, not that a column is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlcost-bad-csv-'));
    const empty = join(dir, 'empty.csv');
    const quoted = join(dir, 'quoted.csv');
    await writeFile(empty, '');
    await writeFile(quoted, 'line_item_usage_start_date,"line_item_unblended_cost\n2026-01-01,"3.0\n');
    await expect(fileSpendReport(request('cur', [empty]))).rejects.toThrow(/empty\.csv: empty billing file \(no header and no rows\)/);
    await expect(fileSpendReport(request('cur', [quoted]))).rejects.toThrow(/quoted\.csv: not a readable CSV billing file \(broken quoting: look for a stray/);
    await rm(dir, { recursive: true });
  });

  it('billed rates: each resource’s effective hourly rate and its type’s in its region', async () => {
    for (const file of ['cur2.parquet', 'focus.csv']) {
      const rates = await readBilledRates([join(FIX, file)]);
      expect(rates.lookup({ resourceId: 'i-0p4d00000000000001' })).toMatchObject({
        basis: 'resource',
        hourlyEffective: 14,
        hourlyBilled: 0,
        hours: 744,
        pricingModels: ['savings-plan'],
      });
      expect(rates.lookup({ resourceId: 'i-0g4dn0000000000001' })).toMatchObject({ hourlyEffective: 0.3, pricingModels: ['reserved'] });
      expect(rates.lookup({ resourceId: 'i-0spot0000000000001' })).toMatchObject({ hourlyEffective: 0.05, pricingModels: ['spot'] });
      expect(rates.lookup({ instanceType: 'p5.48xlarge', region: 'us-east-1' })).toMatchObject({ basis: 'type-region', hourlyEffective: 50, hours: 120 });
    }
  });
});

describe('s3:// prefixes', () => {
  let moto: Moto;
  beforeAll(async () => {
    moto = await startMoto();
    const s3 = new S3Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'billing' }));
    for (const f of ['focus.parquet'])
      await s3.send(new PutObjectCommand({ Bucket: 'billing', Key: `exports/focus/2026-10/${f}`, Body: await readFile(join(FIX, f)) }));
    await s3.send(new PutObjectCommand({ Bucket: 'billing', Key: 'exports/focus/manifest.json', Body: '{}' }));
    s3.destroy();
    process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  });
  afterAll(() => stopAll(moto));

  it('fetches the files under a prefix with the SDK and reads them locally', async () => {
    notes.length = 0;
    const r = await fileSpendReport(request('focus', ['s3://billing/exports/focus/'], { aws: { endpointUrl: moto.endpoint, region: 'us-east-1' } }));
    expect(r.totals.effective).toBe(EFFECTIVE);
    expect(notes.join('\n')).toMatch(/S3: fetched 1 file\(s\)/);
    await expect(fileSpendReport(request('focus', ['s3://billing/elsewhere/'], { aws: { endpointUrl: moto.endpoint } }))).rejects.toThrow(
      's3://billing/elsewhere/: no .parquet, .csv or .csv.gz objects under this prefix',
    );
    await expect(fileSpendReport(request('focus', ['s3://no-such-bucket/x/'], { aws: { endpointUrl: moto.endpoint } }))).rejects.toThrow(
      /s3:\/\/no-such-bucket\/x\/: cannot list \(NoSuchBucket/,
    );
  });
});
