import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runCli } from '../helpers/cli.js';

const FIX = join(ROOT, 'fixtures', 'billing');

beforeAll(() => {
  ensureBuilt();
});

describe('mlcost spend (built CLI)', () => {
  it('CUR Parquet by service and team: table on stdout, nothing on stderr', async () => {
    const r = await runCli(['spend', '--source', 'cur', join(FIX, 'cur2.parquet'), '--by', 'service,team']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('effective $18,952.40, billed $19,801.20, list $23,978.80');
    expect(r.stdout).toMatch(/AmazonEC2\s*│\s*training\s*│\s*\$16,416\.00/);
    expect(r.stdout).toMatch(/Week over week.*\+\$6,000\.00.*\+226\.5%/);
    expect(r.stdout).toMatch(/p5\s*│\s*120\s*│\s*\$6,000\.00/);
  });

  it('FOCUS CSV by account as JSON, last 30 days', async () => {
    const r = await runCli(['spend', '--source', 'focus', join(FIX, 'focus.csv'), '--by', 'account', '--last', '30d', '--output', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { window: unknown; groups: { key: { account: string }; effective: number }[] };
    expect(report.window).toEqual({ start: '2026-10-02', end: '2026-11-01', days: 30 });
    // Oct 2–31: account 0123… 30 × 35.20 + p5 6,000 − 50 credit; 1111… 30 × (336 + 7.20).
    expect(report.groups.map((g) => [g.key.account, g.effective])).toEqual([
      ['111122223333', 10296],
      ['012345678901', 7006],
    ]);
  });

  it('CSV and Markdown outputs', async () => {
    const csv = await runCli(['spend', '--source', 'cur', join(FIX, 'cur2.csv.gz'), '--by', 'region', '--output', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('region,effective_usd,billed_usd,list_usd,share');
    expect(csv.stdout).toContain('us-west-2,10416.00,0.00,14880.00,');
    const md = await runCli(['spend', '--source', 'cur', join(FIX, 'cur2.parquet'), '--tag-key', 'project', '--by', 'team', '--output', 'markdown']);
    expect(md.stdout).toContain('| llm | $18,392.40 |');
  });

  it('malformed file: exit 2 and one clear line', async () => {
    const r = await runCli(['spend', '--source', 'cur', join(FIX, 'malformed.parquet')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^mlcost: .*malformed\.parquet: not a readable Parquet billing file \(/);
  });

  it('missing column: exit 2 naming the column and the export option', async () => {
    const file = join(FIX, 'cur2-no-resource-id.parquet');
    const r = await runCli(['spend', '--source', 'cur', file, '--by', 'resource']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `mlcost: ${file}: CUR 2.0 column line_item_resource_id is missing (needed for spend --by resource); turn on "Include resource IDs" (INCLUDE_RESOURCES = TRUE) in the CUR 2.0 export\n`,
    );
  });

  it('usage errors: exit 2, no stack', async () => {
    for (const args of [
      ['spend', '--source', 'cur', join(FIX, 'cur2.parquet'), '--by', 'colour'],
      ['spend', '--source', 'cur', join(FIX, 'cur2.parquet'), '--last', '3m'],
      ['spend', '--source', 'cur'],
      ['spend', '--source', 'cur', '--engine', 'athena'],
      ['spend', '--source', 'cur', join(FIX, 'missing.parquet')],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^mlcost: [^\n]+\n$/);
    }
  });
});
