/**
 * `npm test`'s first step (pretest): finds the real parts the tests need and refuses to go on
 * without them — the tests never skip. Chromium is installed from Debian's package when missing and
 * running as root; moto_server cannot be installed from here, so its absence is a line saying how.
 * Exit 0 when ready, 1 when something is missing (one line on stderr saying exactly what to do).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Env = Record<string, string | undefined>;

export interface SetupOptions {
  env: Env;
  /** The user id (process.getuid()); 0 may install packages. A parameter so tests can take both paths. */
  uid: number;
  /** Progress while installing; the outcome is in the result. */
  log?: (line: string) => void;
}

export interface SetupResult {
  ok: boolean;
  /** What was found, or the one line saying what to install. */
  message: string;
}

/** An executable file at `file`, or undefined. */
function executable(file: string): string | undefined {
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return undefined;
  }
}

/** The first `name` on the PATH of `env`, as a shell's `command -v` finds it. */
export function onPath(name: string, env: Env): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    const found = dir === '' ? undefined : executable(join(dir, name));
    if (found) return found;
  }
  return undefined;
}

/** The Chromium the HTML tests launch: MLCOST_CHROMIUM when set, else `chromium` on the PATH. */
export function findChromium(env: Env): string | undefined {
  const chosen = env['MLCOST_CHROMIUM'];
  return chosen ? executable(chosen) : onPath('chromium', env);
}

interface Requirement {
  name: string;
  find(env: Env): string | undefined;
  /** The exact command that provides it, as a user would type it. */
  howToInstall(env: Env): string;
  /** When it may be installed from here (as root): does so, returning an error line or undefined. */
  install?: { when(env: Env): boolean; run(options: SetupOptions): string | undefined };
}

/** apt-get with Debian's non-interactive front end; returns an error line or undefined. */
function aptGet(args: string[], options: SetupOptions): string | undefined {
  const aptPath = onPath('apt-get', options.env);
  if (!aptPath) return 'apt-get is not available';
  options.log?.(`test setup: apt-get ${args.join(' ')}`);
  const r = spawnSync(aptPath, args, { env: { ...options.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status === 0) return undefined;
  const lastLine = r.stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .pop();
  const why = r.error?.message ?? lastLine?.trim() ?? `exit ${r.status ?? r.signal ?? '?'}`;
  return `apt-get ${args.join(' ')} failed (${why})`;
}

/** What the tests need; each row says how to find it and how to get it. */
const REQUIREMENTS: readonly Requirement[] = [
  {
    name: 'moto_server',
    find: (env) => onPath('moto_server', env),
    howToInstall: () => 'pip install "moto[server]"',
  },
  {
    name: 'chromium',
    find: findChromium,
    howToInstall: (env) =>
      env['MLCOST_CHROMIUM']
        ? `MLCOST_CHROMIUM=${env['MLCOST_CHROMIUM']} is not an executable; point it at a Chromium binary`
        : 'sudo apt-get install -y chromium',
    // A binary the user chose is theirs to fix; Debian's package is installed only in its absence.
    install: { when: (env) => !env['MLCOST_CHROMIUM'], run: (options) => aptGet(['update'], options) ?? aptGet(['install', '-y', 'chromium'], options) },
  },
];

/** Finds every requirement, installing what it can when root; never throws. */
export function prepareTestMachine(options: SetupOptions): SetupResult {
  const found: string[] = [];
  const missing: string[] = [];
  for (const req of REQUIREMENTS) {
    let path = req.find(options.env);
    let failure: string | undefined;
    if (!path && req.install?.when(options.env) && options.uid === 0) {
      failure = req.install.run(options);
      path = req.find(options.env);
      if (!path && !failure) failure = `installed, but still not found on PATH`;
    }
    if (path) found.push(`${req.name} ${path}`);
    else missing.push(`${req.name} (${failure ? `${failure}; ` : ''}install: ${req.howToInstall(options.env)})`);
  }
  if (missing.length > 0) {
    return { ok: false, message: `test setup: missing ${missing.join(' and ')}; the tests need the real parts and do not skip them` };
  }
  return { ok: true, message: `test setup: ${found.join(', ')}` };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = prepareTestMachine({ env: process.env, uid: process.getuid?.() ?? -1, log: (line) => process.stderr.write(`${line}\n`) });
  process.stderr.write(`${result.message}\n`);
  process.exitCode = result.ok ? 0 : 1;
}
