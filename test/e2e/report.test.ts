import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const RESULT = join(ROOT, 'fixtures', 'results', 'weekly.json');
const PREVIOUS = join(ROOT, 'fixtures', 'results', 'previous.json');
const tmp = mkdtempSync(join(tmpdir(), 'mlcost-report-'));

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('mlcost report (built CLI)', () => {
  it.each([
    ['table', /Recommended move/],
    ['json', /"schemaVersion": 1/],
    ['markdown', /^## mlcost report, 2026-11-27/],
    ['csv', /^id,rule_id,title,/],
    ['html', /^<!doctype html>/],
  ])('--output %s prints that format on stdout and nothing on stderr', async (format, pattern) => {
    const r = await runCli(['report', RESULT, '--output', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(pattern);
    expect(r.stderr).toBe('');
  });

  it('renders a saved result exactly as the renderer does (audit --output json | report)', async () => {
    const json = join(tmp, 'demo.json');
    expect((await runCli(['audit', '--demo', '--output', 'json', '--out', json])).code).toBe(0);
    const r = await runCli(['report', json, '--output', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('### Do these first');
  });

  it('--previous adds the week-over-week view; --out writes the file and says where', async () => {
    const out = join(tmp, 'weekly.md');
    const r = await runCli(['report', RESULT, '--previous', PREVIOUS, '--output', 'markdown', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`wrote markdown report to ${out}\n`);
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('### Since the last report (2026-11-20)');
    expect(md).toContain('| Resolved (realised, est.) | 2 | \\$701 |');
  });

  it('--spend adds the billed spend trend; a file that is not a spend report is one line, exit 2', async () => {
    const r = await runCli(['report', RESULT, '--spend', join(ROOT, 'fixtures', 'billing', 'spend-by-team.json'), '--output', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('### Billed spend, 2026-09-01 to 2026-10-31, 61 days');
    expect(r.stdout).toContain('**\\$18,952** effective; last 7 days +\\$6,000 (\\$8,649 against \\$2,649, +226.5%)');
    expect(r.stdout).toContain('- +\\$6,000 training (\\$2,352 -> \\$8,352)');
    const bad = await runCli(['report', RESULT, '--spend', RESULT]);
    expect(bad.code).toBe(2);
    expectOneLineError(bad.stderr, /weekly\.json: not a spend report; write one with `mlcost spend --output json`$/);
  });

  it('an unknown format: one line, exit 2', async () => {
    const r = await runCli(['report', RESULT, '--output', 'pdf']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: Expected --output=pdf to be one of: table, json, markdown, csv, html/);
  });

  it('--out a file that cannot be written: one line, exit 2', async () => {
    const out = join(tmp, 'no-such-dir', 'report.html');
    const r = await runCli(['report', RESULT, '--output', 'html', '--out', out]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, new RegExp(`^mlcost: ${out.replace(/[.]/g, '\\.')}: cannot write output \\(ENOENT: no such file or directory`));
  });

  it('a missing or invalid result: one line, exit 2', async () => {
    const missing = await runCli(['report', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, /^mlcost: .*nope\.json: cannot read audit result/);
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, findings: 'x' }));
    const invalid = await runCli(['report', bad, '--output', 'html']);
    expect(invalid.code).toBe(2);
    expectOneLineError(invalid.stderr, /^mlcost: .*bad\.json: invalid audit result/);
    expect(invalid.stdout).toBe('');
  });

  it('--email without an email section in the config: one line, exit 2, the report is kept', async () => {
    const cfg = join(tmp, 'mlcost.config.yaml');
    writeFileSync(cfg, 'lookbackDays: 14\n');
    const r = await runCli(['report', RESULT, '--email', '--config', cfg], { cwd: tmp });
    expect(r.code).toBe(2);
    expectOneLineError(
      r.stderr,
      /^mlcost: --email needs an `email:` section in mlcost.config.yaml .*; the HTML report was saved to .*mlcost-report-2026-11-27\.html$/,
    );
    expect(readFileSync(join(tmp, 'mlcost-report-2026-11-27.html'), 'utf8')).toContain('<!doctype html>');
  });
});
