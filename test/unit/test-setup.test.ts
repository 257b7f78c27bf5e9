import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, prepareTestMachine } from '../../scripts/test-setup.js';
import { ROOT } from '../helpers/cli.js';

/** A PATH of one temp directory holding only the stand-ins a case asks for. */
function machine(parts: { motoServer?: boolean; chromium?: boolean; aptGet?: 'installs' | 'installs-nothing' | 'fails' }) {
  const bin = mkdtempSync(join(tmpdir(), 'mlcost-setup-'));
  const log = join(bin, 'apt-get.log');
  const script = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  if (parts.motoServer) script('moto_server', 'exit 0');
  if (parts.chromium) script('chromium', 'exit 0');
  if (parts.aptGet) {
    // Records its arguments; "installs" puts a chromium on the PATH as Debian's package would.
    const install = parts.aptGet === 'installs' ? `printf '#!/bin/sh\\n' > "${bin}/chromium"; /bin/chmod +x "${bin}/chromium"` : ':';
    const fail = parts.aptGet === 'fails' ? 'echo "E: Unable to locate package chromium" >&2; exit 100' : '';
    script('apt-get', `echo "$*" >> "${log}"\n${fail}\n[ "$1" = install ] && { ${install}; }\nexit 0`);
  }
  const aptCalls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  return { bin, env: { PATH: bin }, aptCalls };
}

describe('test setup (npm pretest)', () => {
  it('finds moto_server and chromium on the PATH and installs nothing', () => {
    const m = machine({ motoServer: true, chromium: true, aptGet: 'installs' });
    const r = prepareTestMachine({ env: m.env, uid: 0 });
    expect(r).toEqual({ ok: true, message: `test setup: moto_server ${m.bin}/moto_server, chromium ${m.bin}/chromium` });
    expect(m.aptCalls()).toEqual([]);
  });

  it('as root without chromium: apt-get update, then apt-get install -y chromium, then finds it', () => {
    const m = machine({ motoServer: true, aptGet: 'installs' });
    const progress: string[] = [];
    const r = prepareTestMachine({ env: m.env, uid: 0, log: (l) => progress.push(l) });
    expect(m.aptCalls()).toEqual(['update', 'install -y chromium']);
    expect(progress).toEqual(['test setup: apt-get update', 'test setup: apt-get install -y chromium']);
    expect(r).toEqual({ ok: true, message: `test setup: moto_server ${m.bin}/moto_server, chromium ${m.bin}/chromium` });
  });

  it('not root without chromium: one line saying what to install, and no apt-get', () => {
    const m = machine({ motoServer: true, aptGet: 'installs' });
    const r = prepareTestMachine({ env: m.env, uid: 1000 });
    expect(r.ok).toBe(false);
    expect(r.message).toBe('test setup: missing chromium (install: sudo apt-get install -y chromium); the tests need the real parts and do not skip them');
    expect(m.aptCalls()).toEqual([]);
  });

  it('as root when apt-get fails: one line with its last error line', () => {
    const m = machine({ motoServer: true, aptGet: 'fails' });
    const r = prepareTestMachine({ env: m.env, uid: 0 });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'test setup: missing chromium (apt-get update failed (E: Unable to locate package chromium); install: sudo apt-get install -y chromium); the tests need the real parts and do not skip them',
    );
    expect(m.aptCalls()).toEqual(['update']);
  });

  it('as root when apt-get succeeds but no chromium appears: says so, non-zero', () => {
    const m = machine({ motoServer: true, aptGet: 'installs-nothing' });
    const r = prepareTestMachine({ env: m.env, uid: 0 });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('chromium (installed, but still not found on PATH; install: sudo apt-get install -y chromium)');
  });

  it('as root on a machine without apt-get: says what to install', () => {
    const m = machine({ motoServer: true });
    expect(prepareTestMachine({ env: m.env, uid: 0 }).message).toContain('chromium (apt-get is not available; install: sudo apt-get install -y chromium)');
  });

  it('moto_server missing: one line naming pip install "moto[server]", even as root', () => {
    const m = machine({ chromium: true, aptGet: 'installs' });
    const r = prepareTestMachine({ env: m.env, uid: 0 });
    expect(r).toEqual({
      ok: false,
      message: 'test setup: missing moto_server (install: pip install "moto[server]"); the tests need the real parts and do not skip them',
    });
    expect(m.aptCalls()).toEqual([]);
  });

  it('MLCOST_CHROMIUM names the binary: used when executable, reported (not apt-installed) when not', () => {
    const m = machine({ motoServer: true, chromium: true, aptGet: 'installs' });
    expect(findChromium({ PATH: '', MLCOST_CHROMIUM: `${m.bin}/chromium` })).toBe(`${m.bin}/chromium`);
    const r = prepareTestMachine({ env: { ...m.env, MLCOST_CHROMIUM: '/nowhere/chrome' }, uid: 0 });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('chromium (install: MLCOST_CHROMIUM=/nowhere/chrome is not an executable; point it at a Chromium binary)');
    expect(m.aptCalls()).toEqual([]);
  });

  it('as a process: exit 1 and exactly one line on stderr when something is missing', () => {
    const m = machine({ chromium: true });
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'test-setup.ts')], {
      env: m.env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('test setup: missing moto_server (install: pip install "moto[server]"); the tests need the real parts and do not skip them\n');
  });
});
