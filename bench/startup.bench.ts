/**
 * Cold-start times of the built CLI: `npx tsx bench/startup.bench.ts [RUNS] [CLI_DIR]`.
 * Each run is a new `node bin/run.js …` process (what a user or a CI step pays), timed from spawn to
 * exit; the table gives the median and range of RUNS (default 10) per command, beside `node -e 0`
 * (the floor: Node's own start on this machine at this moment). CLI_DIR (default: this checkout)
 * lets the same script time another build, e.g. an older commit unpacked elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 10);
const cliDir = resolve(process.argv[3] ?? join(import.meta.dirname, '..'));
const bin = join(cliDir, 'bin', 'run.js');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`RUNS must be a positive integer, got ${process.argv[2] ?? ''}`);
if (!existsSync(join(cliDir, 'dist', 'commands', 'audit.js'))) throw new Error(`${cliDir} has no dist/: run npm run build there first`);

/** Each command with its target in ms (issue 18), `node -e 0` without one. */
const CASES: { label: string; args: string[]; targetMs?: number }[] = [
  { label: 'node -e 0 (floor)', args: ['-e', '0'] },
  { label: 'mlcost --version', args: [bin, '--version'], targetMs: 300 },
  { label: 'mlcost --help', args: [bin, '--help'], targetMs: 300 },
  { label: 'mlcost rules list', args: [bin, 'rules', 'list'], targetMs: 400 },
  { label: 'mlcost audit --demo', args: [bin, 'audit', '--demo'], targetMs: 1000 },
];

function timeOnce(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: cliDir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(r.status)}: ${r.stderr.toString().trim()}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

process.stdout.write(`${cliDir}, ${String(runs)} cold runs each, Node ${process.version}\n\n| command | median | range | target |\n|---|---|---|---|\n`);
for (const c of CASES) {
  // Interleaving would spread a slow minute over every command; one command at a time keeps rows comparable run to run.
  const times = Array.from({ length: runs }, () => timeOnce(c.args));
  const range = `${Math.round(Math.min(...times)).toString()}–${Math.round(Math.max(...times)).toString()} ms`;
  const target = c.targetMs === undefined ? '' : `< ${c.targetMs.toString()} ms`;
  process.stdout.write(`| \`${c.label}\` | ${Math.round(median(times)).toString()} ms | ${range} | ${target} |\n`);
}
