/**
 * evaluate + render over a synthetic Snapshot: `npx tsx bench/evaluate.bench.ts [N]` (default 100,000).
 * Prints wall time per phase and peak RSS. Target (issue 2): all rules on 100,000 resources
 * under 2 s and under 1 GB on the 2-core CI machine. Results: bench/README.md.
 */
import { ConfigSchema } from '../src/config/schema.js';
import { evaluate } from '../src/engine/evaluate.js';
import { loadRules } from '../src/engine/rules/load.js';
import { renderJson } from '../src/render/json.js';
import { renderTable } from '../src/render/table.js';
import { SnapshotSchema } from '../src/snapshot/schema.js';
import { syntheticSnapshot } from './generate.js';

const n = Number(process.argv[2] ?? 100_000);
const snapshot = SnapshotSchema.parse(syntheticSnapshot(n));
const rules = await loadRules();
const config = ConfigSchema.parse({});

const rssBeforeMiB = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const result = evaluate(snapshot, { rules, config, now: new Date('2026-11-20T00:00:00Z') });
const t1 = performance.now();
const table = renderTable(result, { color: false, width: 160, limit: 50 });
const t2 = performance.now();
const json = renderJson(result, { color: false });
const t3 = performance.now();

const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    resources: n,
    rules: rules.length,
    findings: result.findings.length,
    evaluateMs: Math.round(t1 - t0),
    renderTableMs: Math.round(t2 - t1),
    renderJsonMs: Math.round(t3 - t2),
    evaluateAndRenderMs: Math.round(t3 - t0),
    tableMiB: Math.round(table.length / 2 ** 20),
    jsonMiB: Math.round(json.length / 2 ** 20),
    rssWithSnapshotLoadedMiB: Math.round(rssBeforeMiB),
    peakRssMiB: Math.round(peakMiB),
  }),
);
