import Table from 'cli-table3';
import { warningLine } from '../snapshot/warning-text.js';
import pc from 'picocolors';
import type { Finding, Severity } from '../engine/result.js';
import { formatUsd } from '../money.js';
import { cleanText, guardCommandLines } from '../text/sanitize.js';
import { notPricedView } from './not-priced.js';
import type { Renderer } from './types.js';
import { planView } from './report/commitment-plan.js';
import { planTableLines } from './table-plan.js';

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'CRIT', high: 'HIGH', medium: 'MED', low: 'LOW' };

/**
 * Longest text a cell field keeps, cut before layout: cli-table3's word wrap is quadratic in a
 * word's length (a 10,000-character tag took minutes); JSON, CSV and HTML keep the full value.
 */
const FIELD_MAX = 200;
/** The problem and trade-off sentences mlcost writes run longer; a whole one must survive the cut. */
const PROSE_MAX = 600;
/** The resource column's width. */
const RESOURCE_WIDTH = 26;
/**
 * Where the resource cell starts a new line. cli-table3 re-measures a cell whose text has newlines
 * once per character on every line it draws (quadratic: most of `audit --demo`'s render time); a run
 * of spaces wider than the column makes its word wrap break at the same place, and one line is cheap.
 */
const LINE_BREAK = ' '.repeat(RESOURCE_WIDTH);

/** Every string from a result reaches the terminal through here: one line, inert, bounded. */
function text(value: string, max = FIELD_MAX): string {
  return cleanText(value, max);
}

/** The terminal view: one row per finding, largest saving first, then totals and warnings. */
export const renderTable: Renderer = (result, options) => {
  const c = pc.createColors(options.color);
  const colour: Record<Severity, (s: string) => string> = { critical: (s) => c.bold(c.red(s)), high: c.red, medium: c.yellow, low: c.dim };
  const width = Math.max(100, options.width ?? 160);
  // Fixed columns take ~60 chars; the three text columns share the rest.
  const flex = width - 62;
  const table = new Table({
    head: ['Sev', 'Resource', 'Problem', 'Recommended move', 'Cost/mo', 'Saves/mo', 'Trade-off'].map((h) => c.bold(h)),
    colWidths: [6, RESOURCE_WIDTH, Math.floor(flex * 0.34), Math.floor(flex * 0.28), 11, 11, Math.floor(flex * 0.38)],
    colAligns: ['left', 'left', 'left', 'left', 'right', 'right', 'left'],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
  });
  const shown = options.limit ? result.findings.slice(0, options.limit) : result.findings;
  for (const f of shown) {
    table.push([
      colour[f.severity](SEVERITY_LABEL[f.severity]),
      resourceCell(f),
      text(f.problem, PROSE_MAX),
      moveCell(f),
      formatUsd(f.monthlyCost),
      c.green(formatUsd(f.monthlySavings)),
      `${text(f.tradeoff.summary, PROSE_MAX)} [risk: ${text(f.tradeoff.performanceRisk)}]`,
    ]);
  }
  const lines: string[] = [];
  if (result.findings.length) lines.push(table.toString());
  else lines.push('No findings: nothing in scope matched a rule.');
  if (shown.length < result.findings.length) {
    lines.push(
      `... ${result.findings.length - shown.length} more finding(s) with smaller savings not shown (--limit 0 shows all; --output json|csv|html has every finding)`,
    );
  }
  lines.push('');
  const t = result.totals;
  lines.push(
    `${c.bold(`${t.findingCount} finding(s)`)}  monthly saving ${c.bold(c.green(formatUsd(t.monthlySavings)))}  of ${formatUsd(t.monthlyCost)}/month in scope` +
      (t.unpricedResources ? `  (${t.unpricedResources} resource(s) not fully priced: shown as -, not counted)` : ''),
  );
  const unpricedFindings = notPricedView(result.findings);
  if (unpricedFindings.count) lines.push(c.yellow(text(`${unpricedFindings.line}: ${unpricedFindings.reasons.join('; ')}`, 1000)));
  const byCat = Object.entries(result.breakdowns.byCategory).sort((a, b) => b[1].monthlySavings - a[1].monthlySavings);
  if (byCat.length) lines.push(`by category: ${byCat.map(([k, v]) => `${text(k)} ${formatUsd(v.monthlySavings)} (${v.findingCount})`).join(', ')}`);
  lines.push(
    `scope: ${text(result.scope.accounts.join(', ') || '-', 1000)} | ${text(result.scope.regions.join(', ') || '-', 1000)} | ${result.scope.lookback.days}-day lookback to ${text(result.scope.lookback.end.slice(0, 10))} | source ${text(result.scope.source)}`,
  );
  lines.push(...planTableLines(planView(result.commitmentPlan), c.bold));
  if (result.warnings.length) {
    lines.push(c.yellow(`${result.warnings.length} warning(s):`));
    for (const w of result.warnings) lines.push(c.yellow(`  - ${text(warningLine(w), 1000)}`));
  }
  return guardCommandLines(`${lines.join('\n')}\n`);
};

function resourceCell(f: Finding): string {
  const name = f.resource.name ? `${LINE_BREAK}${text(f.resource.name, 80)}` : '';
  return `${text(f.resource.id, 80)}${name}${LINE_BREAK}${text(f.resource.region, 40)}${f.resource.team ? ` · ${text(f.resource.team, 60)}` : ''}`;
}

function moveCell(f: Finding): string {
  const kind = text(f.action.kind);
  const from = f.action.from === undefined ? undefined : text(f.action.from, 80);
  const to = f.action.to === undefined ? undefined : text(f.action.to, 80);
  if (from !== undefined && to !== undefined) return `${kind}: ${from} -> ${to}`;
  return from !== undefined ? `${kind} ${from}` : kind;
}
