import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditResultSchema } from '../../src/engine/result.js';
import { runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'mlcost-e2e-'));
const write = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

/** A user-facing error is exactly one line on stderr, no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('mlcost audit (built CLI)', () => {
  it('--demo prints the findings table with totals', async () => {
    const r = await runCli(['audit', '--demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Recommended move');
    expect(r.stdout).toContain('downsize: g4dn.12xlarge');
    // the demo's g4dn box has no memory metrics: the move keeps 48 GiB of host memory for its one GPU (docs/savings.md)
    expect(r.stdout).toContain('-> g4dn.4xlarge');
    expect(r.stdout).toContain('GPUs 4 -> 1, GPU mem 64 -> 16 GiB');
    expect(r.stdout).toMatch(/\d+ finding\(s\) {2}monthly saving \$[\d,]+ {2}of \$[\d,]+\/month in scope/);
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stderr).toBe('');
  });

  it('--output json prints a valid audit result and nothing else', async () => {
    const r = await runCli(['audit', '--demo', '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const result = AuditResultSchema.parse(JSON.parse(r.stdout));
    expect(result.findings.length).toBeGreaterThan(5);
    expect(result.totals.monthlySavings).toBeGreaterThan(0);
  });

  it('--snapshot reads a file and --severity/--min-savings filter', async () => {
    const demo = join(import.meta.dirname, '..', '..', 'fixtures', 'demo', 'snapshot.json');
    const r = await runCli(['audit', '--snapshot', demo, '--output', 'json', '--severity', 'critical', '--min-savings', '1000']);
    expect(r.code, r.stderr).toBe(0);
    const result = AuditResultSchema.parse(JSON.parse(r.stdout));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.severity === 'critical' && (f.monthlySavings ?? 0) >= 1000)).toBe(true);
  });

  it('--output json --out writes the same document it prints, one finding per line', async () => {
    const out = join(tmp, 'a.json');
    const r = await runCli(['audit', '--demo', '--output', 'json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`wrote json report to ${out}\n`);
    const written = readFileSync(out, 'utf8');
    const result = AuditResultSchema.parse(JSON.parse(written));
    expect(written.split('\n').filter((l) => l.startsWith('    {"id":'))).toHaveLength(result.findings.length);
    const printed = await runCli(['audit', '--demo', '--output', 'json']);
    const generatedAt = (text: string) => text.replace(/^ {2}"generatedAt": ".*",$/m, '  "generatedAt": "",');
    expect(generatedAt(printed.stdout)).toBe(generatedAt(written));
  });

  it('--out in a directory that does not exist: one line naming it, exit 2', async () => {
    const out = join(tmp, 'no-such-dir', 'a.json');
    const r = await runCli(['audit', '--demo', '--output', 'json', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`mlcost: --out ${out}: the directory ${join(tmp, 'no-such-dir')} does not exist`);
  });

  it('a reader that stops early (| head) ends the output quietly; the exit code still applies', async () => {
    const r = await runCli(['audit', '--demo', '--output', 'json'], { closeStdout: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const gated = await runCli(['audit', '--demo', '--output', 'json', '--fail-on', 'critical'], { closeStdout: true });
    expect(gated.code).toBe(1);
    expectOneLineError(gated.stderr, /finding\(s\) at or above critical severity/);
  });

  it('--fail-on exits 1 when findings at that severity remain', async () => {
    const r = await runCli(['audit', '--demo', '--fail-on', 'critical', '--output', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/finding\(s\) at or above critical severity/);
    const none = await runCli(['audit', '--demo', '--fail-on', 'critical', '--min-savings', '99999999']);
    expect(none.code).toBe(0);
  });

  it('a missing snapshot: one line, exit 2', async () => {
    const r = await runCli(['audit', '--snapshot', join(tmp, 'missing.json')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: .*missing\.json: cannot read snapshot/);
  });

  it('a malformed snapshot: file:line:col, exit 2', async () => {
    const r = await runCli(['audit', '--snapshot', write('bad.json', '{\n "schemaVersion": 1,\n oops\n}')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: .*bad\.json:3:\d+: not valid JSON/);
  });

  it('a snapshot of an unknown schemaVersion: exit 2', async () => {
    const r = await runCli(['audit', '--snapshot', write('v99.json', '{"schemaVersion": 99}')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /unsupported snapshot schemaVersion 99/);
  });

  it('an unknown --output: exit 2', async () => {
    const r = await runCli(['audit', '--demo', '--output', 'pdf']);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: Expected --output=pdf to be one of: /);
  });

  it('an invalid rule in --rules: file and line, exit 2', async () => {
    const dir = join(tmp, 'rules');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'broken.yaml'),
      'id: broken\ntitle: t\nresource: ec2-instance\ncategory: idle\nseverity: low\nwhen: signals.vcpu >\nproblem: p\naction:\n  kind: stop\ndocs: {summary: s, evidence: e, risk: r, fix: f}\n',
    );
    const r = await runCli(['audit', '--demo', '--rules', dir]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /broken\.yaml:6:7: invalid CEL in "when"/);
  });

  it('an invalid config: file and line, exit 2', async () => {
    const cfg = write('mlcost.config.yaml', 'lookbackDays: 14\nrules:\n  disable: idle-instance\n');
    const r = await runCli(['audit', '--demo', '--config', cfg]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /mlcost\.config\.yaml:3:12: invalid config: rules\.disable: /);
  });

  it('config params and disabled rules apply', async () => {
    const cfg = write('tuned.yaml', 'rules:\n  disable: [idle-instance]\n  params:\n    oversized-instance: {maxCpuP95Pct: 0.5}\n');
    const r = await runCli(['audit', '--demo', '--config', cfg, '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const ids = AuditResultSchema.parse(JSON.parse(r.stdout)).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('idle-instance');
    expect(ids).not.toContain('oversized-instance');
  });
});
