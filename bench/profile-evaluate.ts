/**
 * Where evaluate spends its time and memory: `npx tsx bench/profile-evaluate.ts [N] [account|instances] [cpu|alloc]`.
 * Reads the Snapshot evaluate.bench.ts generated (run that first), then profiles one cold
 * evaluate with the inspector: `cpu` (default) prints the functions with the most self time and
 * writes bench/out/evaluate.cpuprofile (open it in Chrome DevTools); `alloc` prints the functions
 * that allocated the most (sampled, garbage included). Profiling slows the run: compare the
 * shares, not the totals, with evaluate.bench.ts.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Session, type Profiler, type HeapProfiler } from 'node:inspector/promises';
import { join } from 'node:path';
import { built } from './built.js';
import { benchSnapshotFile } from './generate.js';

const { ConfigSchema } = await built<typeof import('../src/config/schema.js')>('config/schema.js');
const { evaluate } = await built<typeof import('../src/engine/evaluate.js')>('engine/evaluate.js');
const { loadRules } = await built<typeof import('../src/engine/rules/load.js')>('engine/rules/load.js');
const { readSnapshot } = await built<typeof import('../src/snapshot/io.js')>('snapshot/io.js');

const n = Number(process.argv[2] ?? 100_000);
const mix = process.argv[3] ?? 'account';
const mode = process.argv[4] ?? 'cpu';
const file = benchSnapshotFile(n, mix);
if (!existsSync(file)) throw new Error(`${file} not found: run npx tsx bench/evaluate.bench.ts ${n} ${mix} first`);

const rules = await loadRules();
const config = ConfigSchema.parse({});
const snapshot = await readSnapshot(file);
const session = new Session();
session.connect();
const run = () => evaluate(snapshot, { rules, config, now: new Date('2026-11-20T00:00:00Z') });

/** "function dir/file" of a profile node (tsx's transform leaves no useful line numbers). */
const where = (f: { functionName: string; url: string }) => `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}`;
const top = (totals: Map<string, number>, unit: (v: number) => string) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${unit(v).padStart(8)}  ${k}`)
    .join('\n');
const add = (totals: Map<string, number>, key: string, v: number) => totals.set(key, (totals.get(key) ?? 0) + v);

if (mode === 'alloc') {
  await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  run();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const totals = new Map<string, number>();
  const walk = (node: HeapProfiler.SamplingHeapProfileNode): void => {
    add(totals, where(node.callFrame), node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  const all = [...totals.values()].reduce((s, v) => s + v, 0);
  console.log(`allocated during evaluate: ${Math.round(all / 2 ** 20)} MiB (sampled)\n${top(totals, (v) => `${Math.round(v / 2 ** 20)} MiB`)}`);
} else {
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  run();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(import.meta.dirname, 'out', 'evaluate.cpuprofile'), JSON.stringify(profile));
  const frames = new Map<number, Profiler.ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const frame = frames.get(id)!.callFrame;
    // The inspector's own work of stopping the profile is sampled too; it is not evaluate's.
    if (frame.functionName === 'dispatch' && frame.url === '') return;
    add(totals, where(frame), profile.timeDeltas?.[i] ?? 0);
  });
  const all = [...totals.values()].reduce((s, v) => s + v, 0);
  console.log(
    `evaluate: ${Math.round(all / 1000)} ms sampled (self time by function; wrote bench/out/evaluate.cpuprofile)\n${top(totals, (v) => `${Math.round(v / 1000)} ms`)}`,
  );
}
session.disconnect();
