import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** Every command that prints its output on stdout, with arguments that make it print something. */
const PRINTING: Record<string, string[]> = {
  audit: ['audit', '--demo'],
  report: ['report', join(ROOT, 'fixtures', 'results', 'weekly.json')],
  gate: ['gate', '--current', join(ROOT, 'fixtures', 'gate', 'current.json')],
  'rules list': ['rules', 'list'],
  permissions: ['permissions'],
  spend: ['spend', '--source', 'cur', join(ROOT, 'fixtures', 'billing', 'cur2.csv')],
  // What oclif prints itself, before any mlcost code runs.
  help: ['--help'],
  'audit --help': ['audit', '--help'],
  version: ['--version'],
};

describe('stdout that cannot be written (built CLI)', () => {
  it.each(Object.entries(PRINTING))('%s > /dev/full: one line naming the failure, exit 2 (not 1, the gate-failed code)', async (_, args) => {
    const r = await runCli(args, { stdoutFile: '/dev/full' });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe('mlcost: cannot write the output to stdout (ENOSPC: no space left on device, write)\n');
  });

  it.each(Object.entries(PRINTING))('%s into a pipe its reader has closed: silent, exit 0', async (_, args) => {
    const r = await runCli(args, { closeStdout: true });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('audit --json | head -1: the first line, nothing on stderr, exit 0', () => {
    // 80 KB of JSON: more than a pipe holds, so the writes after head exits meet EPIPE.
    const r = spawnSync('bash', ['-c', `node ${join(ROOT, 'bin', 'run.js')} audit --demo --json | head -1; echo "mlcost exit \${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1' },
    });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toBe('mlcost exit 0\n');
  });
});
