/**
 * Render N findings (default 10,000) to HTML, Markdown, CSV and the weekly email:
 * `npx tsx bench/render/render.bench.ts [N]`. Target (issue 5): HTML in under 2 s, file under
 * 10 MB. Also times the built CLI (`mlcost report big.json --format html --out`), which adds
 * reading and validating the JSON. Results: bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeWeeklyEmail } from '../../src/email/compose.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Renderer } from '../../src/render/types.js';
import { syntheticResult } from './synthetic-result.js';

const n = Number(process.argv[2] ?? 10_000);
const runs = 5;
const result = syntheticResult(n);
const root = join(import.meta.dirname, '..', '..');

function time(label: string, render: () => string): { label: string; coldMs: number; medianMs: number; bytes: number } {
  let t = performance.now();
  const text = render();
  const coldMs = performance.now() - t;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    render();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { label, coldMs: Math.round(coldMs), medianMs: Math.round(samples[Math.floor(runs / 2)]!), bytes: Buffer.byteLength(text) };
}

const renderers: [string, Renderer][] = [
  ['html', renderHtml],
  ['markdown', renderMarkdown],
  ['csv', renderCsv],
];
const rows = renderers.map(([label, r]) => time(label, () => r(result, { color: false })));
rows.push(time('email (html part + attached report)', () => composeWeeklyEmail(result, { subject: '{{savings}}' }).html));

// The user's view: a child process that reads, validates and renders the saved result.
const out = join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const input = join(out, `render-${n}.json`);
writeFileSync(input, JSON.stringify(result));
const html = join(out, `render-${n}.html`);
const t = performance.now();
const cli = spawnSync(process.execPath, [join(root, 'bin', 'run.js'), 'report', input, '--format', 'html', '--out', html], { encoding: 'utf8' });
const cliMs = Math.round(performance.now() - t);
if (cli.status !== 0) throw new Error(`mlcost report failed: ${cli.stderr}`);

console.log(
  JSON.stringify(
    {
      findings: n,
      node: process.version,
      renders: rows,
      cli: { command: 'mlcost report RESULT.json --format html --out FILE', wallMs: cliMs, htmlBytes: statSync(html).size },
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
    null,
    2,
  ),
);
