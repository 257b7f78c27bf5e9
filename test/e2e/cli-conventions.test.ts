import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, ROOT, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'mlcost-conventions-'));
const RESULT = join(ROOT, 'fixtures', 'results', 'weekly.json');
const SNAPSHOT = join(ROOT, 'fixtures', 'demo', 'snapshot.json');
const withoutClock = (text: string) => text.replace(/"generatedAt": "[^"]*"/g, '"generatedAt": ""');

/** Every command with JSON output, as a user runs it; `--json` must print what `--output json` prints. */
const JSON_COMMANDS: Record<string, string[]> = {
  audit: ['audit', '--demo'],
  report: ['report', RESULT],
  gate: ['gate', '--current', join(ROOT, 'fixtures', 'gate', 'current.json'), '--baseline', join(ROOT, 'fixtures', 'gate', 'baseline.json')],
  spend: ['spend', '--source', 'cur', join(ROOT, 'fixtures', 'billing', 'cur2.csv')],
  'rules list': ['rules', 'list'],
  'rules explain': ['rules', 'explain', 'idle-gpu-instance'],
};

describe('--json is --output json (built CLI)', () => {
  it.each(Object.entries(JSON_COMMANDS))('%s --json prints the same document as --output json', async (_, args) => {
    const [alias, long] = await Promise.all([runCli([...args, '--json']), runCli([...args, '--output', 'json'])]);
    expect(alias.code, alias.stderr).toBe(long.code);
    expect(() => JSON.parse(alias.stdout) as unknown).not.toThrow();
    expect(withoutClock(alias.stdout)).toBe(withoutClock(long.stdout));
  });

  it('permissions accepts --json (its policy is JSON already); --json with another --output is one line, exit 2', async () => {
    const [plain, alias, both] = await Promise.all([
      runCli(['permissions']),
      runCli(['permissions', '--json']),
      runCli(['audit', '--demo', '--json', '-o', 'csv']),
    ]);
    expect(alias.code, alias.stderr).toBe(0);
    expect(alias.stdout).toBe(plain.stdout);
    expect(both.code).toBe(2);
    expectOneLineError(both.stderr, /^mlcost: --output=csv cannot also be provided when using --json/);
  });
});

describe('-o/--output is the format and --out the file, on every command (built CLI)', () => {
  it('report -o is the format now and --out the file', async () => {
    const out = join(tmp, 'report.csv');
    const [short, toFile, help] = await Promise.all([
      runCli(['report', RESULT, '-o', 'csv']),
      runCli(['report', RESULT, '-o', 'csv', '--out', out]),
      runCli(['report', '--help']),
    ]);
    expect(short.code, short.stderr).toBe(0);
    expect(short.stdout).toMatch(/^id,rule_id,title,/);
    expect(short.stderr).toBe('');
    expect(toFile.code, toFile.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(short.stdout);
    expect(help.stdout).toContain('-o, --output=<option>');
    expect(help.stdout).toContain('--out=FILE');
    expect(help.stdout).not.toContain('--format');
  });

  it('report --format and -f still work for a release, with a deprecation warning; not together with --output', async () => {
    const [format, f, clash] = await Promise.all([
      runCli(['report', RESULT, '--format', 'csv']),
      runCli(['report', RESULT, '-f', 'csv']),
      runCli(['report', RESULT, '--format', 'csv', '--output', 'json']),
    ]);
    for (const old of [format, f]) {
      expect(old.code, old.stderr).toBe(0);
      expect(old.stdout).toMatch(/^id,rule_id,title,/);
      expect(old.stderr).toBe('mlcost: warning: --format is deprecated and goes away in the next release; use --output (-o)\n');
    }
    expect(f.stdout).toBe(format.stdout);
    expect(clash.code).toBe(2);
    expectOneLineError(clash.stderr, /^mlcost: --output=json cannot also be provided when using --format/);
  });

  it('collect: --out is the Snapshot file and -o is no longer a file name', async () => {
    const r = await runCli(['collect', '-o', join(tmp, 'snapshot.json')]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: Nonexistent flag: -o/);
  });
});

describe('flags that only a live read uses (built CLI)', () => {
  it('are refused with --demo or --snapshot, naming each ignored flag: one line, exit 2', async () => {
    const [demo, snapshot] = await Promise.all([
      runCli(['audit', '--demo', '--regions', 'us-east-1', '--lookback', '30d', '--strict']),
      runCli(['audit', '--snapshot', SNAPSHOT, '--prices', 'live', '--endpoint-url', 'http://127.0.0.1:9', '--profile', 'ml']),
    ]);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toBe('mlcost: --regions, --lookback, --strict apply only when reading AWS live, not with --demo; drop them\n');
    expect(snapshot.code).toBe(2);
    expect(snapshot.stderr).toBe('mlcost: --profile, --endpoint-url, --prices apply only when reading AWS live, not with --snapshot; drop them\n');
  });

  it('with --billing, --region/--profile/--endpoint-url say where billing files are fetched, so only the others are refused', async () => {
    const billing = join(ROOT, 'fixtures', 'billing', 'cur2.csv');
    const [allowed, refused] = await Promise.all([
      runCli(['audit', '--snapshot', SNAPSHOT, '--billing', billing, '--region', 'us-east-1', '--json']),
      runCli(['audit', '--snapshot', SNAPSHOT, '--billing', billing, '--region', 'us-east-1', '--lookback', '30d']),
    ]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('mlcost: --lookback applies only when reading AWS live, not with --snapshot; drop it\n');
  });
});

describe('--quiet and colour (built CLI)', () => {
  it('--quiet (-q) drops the summary line', async () => {
    const out = join(tmp, 'quiet.txt');
    const [loud, quiet] = await Promise.all([runCli(['audit', '--demo', '--out', out]), runCli(['audit', '--demo', '--out', out, '--quiet'])]);
    expect(loud.stderr).toBe(`wrote table report to ${out}\n`);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
  });

  it('-q is --quiet; the outcome of a failed gate still reaches stderr', async () => {
    const [q, failing] = await Promise.all([
      runCli(['audit', '--demo', '--out', join(tmp, 'q.txt'), '-q']),
      runCli(['audit', '--demo', '-q', '--fail-on', 'high']),
    ]);
    expect(q.code, q.stderr).toBe(0);
    expect(q.stderr).toBe('');
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^mlcost: \d+ finding\(s\) at or above high/);
  });

  it('FORCE_COLOR colours the table even into a pipe; FORCE_COLOR=0 and NO_COLOR keep it plain', async () => {
    const [forced, zero, noColor] = await Promise.all([
      runCli(['audit', '--demo'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }),
      runCli(['audit', '--demo'], { env: { NO_COLOR: '', FORCE_COLOR: '0' } }),
      runCli(['audit', '--demo'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }),
    ]);
    expect(forced.stdout).toContain('\u001b[');
    expect(zero.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(withoutEscapes(forced.stdout)).toBe(zero.stdout);
  });
});

describe('help, topics, unknown commands and completion (built CLI)', () => {
  it('an unknown command suggests the nearest one: one line, exit 2', async () => {
    const [typo, sub, nothing] = await Promise.all([runCli(['audt', '--demo']), runCli(['rules', 'lst']), runCli(['frobnicate'])]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('mlcost: unknown command "audt" (did you mean audit?); see `mlcost --help` for the commands\n');
    expect(sub.code).toBe(2);
    expect(sub.stderr).toBe('mlcost: unknown command "rules lst" (did you mean rules list?); see `mlcost --help` for the commands\n');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe('mlcost: unknown command "frobnicate"; see `mlcost --help` for the commands\n');
  });

  it('mlcost rules --help describes the topic', async () => {
    const r = await runCli(['rules', '--help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^List the rules and explain one/);
    expect(r.stdout).toContain('rules list');
  });

  it('bash completion completes commands, subcommands and flags (the hidden --format is not offered)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlcost-home-'));
    const setup = await runCli(['autocomplete', 'bash'], { env: { HOME: home } });
    expect(setup.code, setup.stderr).toBe(0);
    const complete = (...words: string[]) => {
      const script = `source "$HOME/.cache/mlcost/autocomplete/bash_setup"; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _mlcost_autocomplete; echo "\${COMPREPLY[*]}"`;
      const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { HOME: home, PATH: process.env['PATH'] ?? '' } });
      expect(r.stderr).toBe('');
      return r.stdout.trim().split(' ');
    };
    expect(complete('mlcost', 'au')).toEqual(['audit', 'autocomplete']);
    expect(complete('mlcost', 'rules', 'l')).toEqual(['list']);
    expect(complete('mlcost', 'audit', '--js')).toEqual(['--json']);
    expect(complete('mlcost', 'report', '--ou')).toEqual(['--output', '--out']);
    expect(complete('mlcost', 'report', '--fo')).toEqual(['']);
  });
});

function withoutEscapes(text: string): string {
  return text.replaceAll(new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g'), '');
}
