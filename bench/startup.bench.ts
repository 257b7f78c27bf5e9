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
  // The same audit without the terminal table: the difference is what cli-table3's layout costs.
  { label: 'mlcost audit --demo -o json', args: [bin, 'audit', '--demo', '-o', 'json'] },
];

/**
 * One cold run: wall time from spawn to exit, and the CPU time (user + sys) of the node process,
 * read with bash's `times` builtin (children's totals). On a shared, loaded machine the wall time
 * also counts waiting for a core; the CPU time is the work the command itself does.
 */
function timeOnce(args: string[]): { wallMs: number; cpuMs: number } {
  const quoted = [process.execPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `${quoted} >/dev/null 2>/tmp/mlcost-startup-bench.err || { cat /tmp/mlcost-startup-bench.err >&2; exit 1; }; times`], {
    cwd: cliDir,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.trim()}`);
  // `times` prints the shell's user/sys, then its children's: "0m0.412s 0m0.088s".
  const children = r.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (seconds.length !== 2) throw new Error(`cannot read CPU times from bash's times: ${children}`);
  return { wallMs, cpuMs: (seconds[0]! + seconds[1]!) * 1000 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

process.stdout.write(
  `${cliDir}, ${String(runs)} cold runs each, Node ${process.version}\n\n| command | wall median | wall range | CPU median | target (wall) |\n|---|---|---|---|---|\n`,
);
for (const c of CASES) {
  // One command at a time (not interleaved), so a slow minute shows as one slow row, not noise in all.
  const times = Array.from({ length: runs }, () => timeOnce(c.args));
  const wall = times.map((t) => t.wallMs);
  const range = `${Math.round(Math.min(...wall)).toString()}–${Math.round(Math.max(...wall)).toString()} ms`;
  const target = c.targetMs === undefined ? '' : `< ${c.targetMs.toString()} ms`;
  const cpu = Math.round(median(times.map((t) => t.cpuMs))).toString();
  process.stdout.write(`| \`${c.label}\` | ${Math.round(median(wall)).toString()} ms | ${range} | ${cpu} ms | ${target} |\n`);
}
