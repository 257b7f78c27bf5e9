import { buildView, type BreakdownView, type FindingView, type ReportView } from './report/view.js';
import { mdCell, mdCode, mdText } from './report/markdown-escape.js';
import { guardCommandLines } from '../text/sanitize.js';
import type { Renderer } from './types.js';
import { planMarkdown } from './report/plan-markdown.js';

/** GitHub rejects comments longer than this; the report summarises to stay under it. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** Tables longer than this fold into a <details> block so a PR comment stays scannable. */
const FOLD_ROWS = 10;
const LIST_ROWS = 10;
const BREAKDOWN_ROWS = 15;
const WARNING_ROWS = 20;

/** GitHub-flavoured Markdown for PR comments and wikis. Every AWS-derived string goes through mdText. */
export const renderMarkdown: Renderer = (result, options) => {
  const view = buildView(result, options);
  const head = [header(view), topMoves(view), week(view), spend(view), breakdowns(view), planMarkdown(view.plan)].filter(Boolean).join('\n');
  const tail = [warnings(view), footer(view)].join('\n');
  // Whatever the head and tail leave (minus room for the truncation note) goes to findings rows.
  const budget = GITHUB_COMMENT_LIMIT - head.length - tail.length - 600;
  return guardCommandLines(`${head}\n${findings(view, budget)}\n${tail}`);
};

function header(v: ReportView): string {
  const h = v.headline;
  const lines = [
    `## mlcost report, ${mdText(v.date)}`,
    '',
    `**${mdText(h.monthlySavings)}/month** of savings found in **${mdText(h.monthlyCost)}/month** of spend in scope (${h.share}), across ${h.findingCount} recommended move(s).` +
      (h.unpriced ? ` ${h.unpriced} resource(s) are not fully priced and not counted.` : ''),
    ...(h.notPriced.count ? ['', `**${h.notPriced.line}:** ${h.notPriced.reasons.map((r) => mdText(r)).join('; ')}`] : []),
    '',
    `Accounts ${mdText(v.scope.accounts)} · regions ${mdText(v.scope.regions)} · lookback ${mdText(v.scope.lookback)} · source ${mdText(v.scope.source)}`,
    '',
  ];
  return lines.join('\n');
}

function topMoves(v: ReportView): string {
  if (!v.topMoves.length) return 'No findings: nothing in scope matched a rule.\n';
  const items = v.topMoves.map((f, i) => `${i + 1}. **${mdText(f.savings)}/month**: ${mdText(f.description)} (${f.riskLabel}: ${mdText(f.tradeoff)})`);
  return ['### Do these first', '', ...items, ''].join('\n');
}

function week(v: ReportView): string {
  const w = v.week;
  if (w === undefined) return '';
  const list = (rows: FindingView[]) =>
    rows.length
      ? [
          ...rows.slice(0, LIST_ROWS).map((f) => `- ${mdText(f.description)} (${mdText(f.region)}): **${mdText(f.savings)}**/month`),
          ...more(rows.length, LIST_ROWS),
        ]
      : ['- none'];
  return [
    `### Since the last report (${mdText(w.since)})`,
    '',
    '| | Findings | Per month |',
    '|---|---:|---:|',
    `| New | ${w.newCount} | ${mdText(w.newSavings)} |`,
    `| Resolved (realised, est.) | ${w.resolvedCount} | ${mdText(w.realised)} |`,
    `| Still open | ${w.openCount} | ${mdText(w.stillOpen)} |`,
    `| Cost in scope | | ${mdText(w.costChange)} (was ${mdText(w.previousCost)})${w.coverageDiffers ? ', priced coverage changed' : ''} |`,
    '',
    '**New**',
    '',
    ...list(w.newFindings),
    '',
    '**Resolved**',
    '',
    ...list(w.resolvedFindings),
    '',
    '_Realised savings assume a finding that disappeared was acted on; they are estimates, not billed amounts._',
    '',
  ].join('\n');
}

function spend(v: ReportView): string {
  const s = v.spend;
  if (s === undefined) return '';
  return [
    `### Billed spend, ${mdText(s.window)}`,
    '',
    `**${mdText(s.effective)}** effective` +
      (s.week
        ? `; last 7 days ${mdText(s.week.change)} (${mdText(s.week.current)} against ${mdText(s.week.previous)}, ${s.week.changePct})`
        : '; week over week needs two weeks of data') +
      (s.gpu ? `; GPU and accelerators ${mdText(s.gpu.effective)} (${s.gpu.instanceHours} instance-hours, ${s.gpu.idle})` : '') +
      '.',
    '',
    ...s.movers.map((m) => `- ${mdText(m.change)} ${mdText(m.key)} (${mdText(m.previous)} -> ${mdText(m.current)})`),
    ...(s.movers.length ? [''] : []),
  ].join('\n');
}

function breakdowns(v: ReportView): string {
  if (!v.breakdowns.length) return '';
  return ['### Savings by category, team and region', '', ...v.breakdowns.map(breakdownTable)].join('\n');
}

function breakdownTable(b: BreakdownView): string {
  const rows = b.rows.slice(0, BREAKDOWN_ROWS).map((r) => `| ${mdCell(r.key, 80)} | ${mdText(r.savings)} | ${r.count} |`);
  const table = [`| ${mdText(b.title)} | Saving/month | Moves |`, '|---|---:|---:|', ...rows, ...more(b.rows.length, BREAKDOWN_ROWS), ''].join('\n');
  return table;
}

function findings(v: ReportView, budget: number): string {
  if (!v.findings.length) return '';
  const headRows = ['| # | Severity | Resource | Problem | Move | Cost/mo | Saves/mo | Trade-off |', '|---:|---|---|---|---|---:|---:|---|'];
  const rows: string[] = [];
  let used = headRows.join('\n').length;
  for (const f of v.findings) {
    const row = findingRow(f);
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
  }
  const omitted = v.findings.length - rows.length;
  const note = omitted
    ? `\n_Showing the ${rows.length} largest of ${v.findings.length} findings to fit a GitHub comment; \`mlcost report RESULT.json --output csv\` lists all of them._\n`
    : '';
  const table = [...headRows, ...rows].join('\n');
  const body =
    rows.length > FOLD_ROWS ? `<details><summary>All ${rows.length} findings, largest saving first</summary>\n\n${table}\n\n</details>\n` : `${table}\n`;
  return `### Findings (${v.findings.length})\n\n${body}${note}`;
}

function findingRow(f: FindingView): string {
  const resource = [
    f.resourceName !== undefined ? `**${mdCell(f.resourceName, 80)}**` : '',
    mdCode(f.resourceId),
    `${mdText(f.region)}${f.team !== undefined ? ` · ${mdCell(f.team, 60)}` : ''}`,
  ]
    .filter(Boolean)
    .join('<br>');
  return `| ${f.rank} | ${f.severity} | ${resource} | ${mdCell(f.problem)} | ${mdCell(f.description)} | ${mdText(f.cost)} | ${mdText(f.savings)} | ${f.riskLabel}: ${mdCell(f.tradeoff)} |`;
}

function warnings(v: ReportView): string {
  if (!v.warnings.length) return '';
  const items = v.warnings.slice(0, WARNING_ROWS).map((w) => `- **${mdText(w.where)}** (${mdText(w.code)}): ${mdCell(w.message, 300)}`);
  return [`### What could not be collected (${v.warnings.length})`, '', ...items, ...more(v.warnings.length, WARNING_ROWS), ''].join('\n');
}

function footer(v: ReportView): string {
  return `<sub>mlcost ${mdText(v.version)}: savings are estimates at on-demand list prices for a 730-hour month; unknown amounts show as -, never $0.</sub>\n`;
}

function more(total: number, shown: number): string[] {
  return total > shown ? [`_and ${total - shown} more_`] : [];
}
