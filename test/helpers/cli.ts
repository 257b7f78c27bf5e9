import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Builds once when dist/ is missing, so an e2e file also runs on its own (npm test builds first). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'commands', 'audit.js'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

/** A user-facing error is exactly one line on stderr, no stack trace. */
export function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

/**
 * Runs the built CLI as a user does: a child process, no TTY, its own env. `closeStdout` closes the
 * reading end of its stdout at once, as `| head` does once it has read enough; `stdoutFile` sends
 * stdout to a file, as `> FILE` does (`/dev/full` for a full disk).
 */
export function runCli(
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string; input?: string; closeStdout?: boolean; stdoutFile?: string } = {},
): Promise<CliRun> {
  ensureBuilt();
  return new Promise((resolve, reject) => {
    const fileOut = opts.stdoutFile !== undefined ? openSync(opts.stdoutFile, 'w') : undefined;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'run.js'), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', fileOut ?? 'pipe', 'pipe'],
    });
    if (fileOut !== undefined) closeSync(fileOut);
    let stdout = '';
    let stderr = '';
    if (opts.closeStdout) child.stdout?.destroy();
    // Decoded across chunks: a multi-byte character split between two pipe reads must not turn into U+FFFD.
    else child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(opts.input ?? '');
  });
}
