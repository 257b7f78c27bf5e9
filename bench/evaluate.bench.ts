/**
 * `mlcost audit --snapshot FILE` at scale: `npx tsx bench/evaluate.bench.ts [N] [account|instances]`
 * (default 100,000 resources, account mix; see generate.ts). Writes a synthetic Snapshot to
 * bench/out/ in a child process (once per N and mix), then, in this process, reads it the way the
 * CLI does, evaluates every built-in rule, renders the table and streams the JSON result to
 * bench/out/ (as `audit --output json --out FILE` does). Prints each phase's wall time and the
 * process's peak RSS. Target (issue 2): evaluate + render of 100,000 resources under 2 s and
 * under 1 GB on the 2-core CI machine. Results: bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { built } from './built.js';
import { benchSnapshotFile } from './generate.js';

const { ConfigSchema } = await built<typeof import('../src/config/schema.js')>('config/schema.js');
const { evaluate } = await built<typeof import('../src/engine/evaluate.js')>('engine/evaluate.js');
const { loadRules } = await built<typeof import('../src/engine/rules/load.js')>('engine/rules/load.js');
const { renderChunks } = await built<typeof import('../src/render/index.js')>('render/index.js');
const { renderTable } = await built<typeof import('../src/render/table.js')>('render/table.js');
const { readSnapshot } = await built<typeof import('../src/snapshot/io.js')>('snapshot/io.js');
const { writeFileChunks } = await built<typeof import('../src/write-chunks.js')>('write-chunks.js');

const n = Number(process.argv[2] ?? 100_000);
const mix = process.argv[3] ?? 'account';
const outDir = join(import.meta.dirname, 'out');
const file = benchSnapshotFile(n, mix);
const resultFile = join(outDir, `audit-${mix}-${n}.json`);
if (!existsSync(file)) {
  mkdirSync(outDir, { recursive: true });
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'generate.ts'), String(n), file, mix], { stdio: 'inherit' });
}

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const rules = await loadRules();
const config = ConfigSchema.parse({});

const t0 = performance.now();
const snapshot = await readSnapshot(file);
const t1 = performance.now();
const rssAfterLoad = process.memoryUsage().rss;
const peakAfterLoad = process.resourceUsage().maxRSS * 1024;
const cpu0 = process.cpuUsage();
const result = evaluate(snapshot, { rules, config, now: new Date('2026-11-20T00:00:00Z') });
const t2 = performance.now();
const evaluateCpu = process.cpuUsage(cpu0);
const table = renderTable(result, { color: false, width: 160, limit: 50 });
const t3 = performance.now();
await writeFileChunks(resultFile, renderChunks('json', result, { color: false }));
const t4 = performance.now();

console.log(
  JSON.stringify({
    resources: n,
    mix,
    instances: snapshot.resources.ec2Instances.length,
    rules: rules.length,
    findings: result.findings.length,
    snapshotFileMiB: mib(statSync(file).size),
    readSnapshotMs: Math.round(t1 - t0),
    evaluateMs: Math.round(t2 - t1),
    // CPU time of all threads (GC helpers included): steadier than wall time on a busy machine.
    evaluateCpuMs: Math.round((evaluateCpu.user + evaluateCpu.system) / 1000),
    renderTableMs: Math.round(t3 - t2),
    renderJsonMs: Math.round(t4 - t3),
    evaluateAndTableMs: Math.round(t3 - t1),
    jsonMiB: mib(statSync(resultFile).size),
    tableLines: table.split('\n').length,
    rssAfterLoadMiB: mib(rssAfterLoad),
    peakRssDuringLoadMiB: mib(peakAfterLoad),
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
  }),
);
