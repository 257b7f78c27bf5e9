import { teamLabel } from '../../group-labels.js';
import type { Finding } from '../../engine/result.js';
import { formatUsd, signedUsd } from '../../money.js';
import type { Delta } from '../compare.js';
import type { BudgetCheck, Verdict } from '../verdict.js';
import { STATUS_WORD, checkCounts, formatActual, formatLimit, headline } from './wording.js';

/** Findings listed per broken budget and per comparison section; the rest are counted. */
const MAX_ROWS = 10;

/**
 * The CI summary: what broke, by how much, the findings responsible, then the comparison.
 * Written for a PR comment and $GITHUB_STEP_SUMMARY, so every cell from a result is escaped.
 */
export function renderGateMarkdown(verdict: Verdict): string {
  const out: string[] = [`## mlcost gate: ${headline(verdict)}`, '', inputsLine(verdict), ''];
  if (verdict.checks.length) out.push(...checksTable(verdict.checks), '');
  for (const check of verdict.checks.filter((c) => c.status === 'fail')) out.push(...brokenSection(check), '');
  out.push(...comparisonSection(verdict));
  if (verdict.acceptances.accepted.length || verdict.acceptances.expired.length) out.push('', ...acceptedSection(verdict));
  return `${out.join('\n').trimEnd()}\n`;
}

function inputsLine(v: Verdict): string {
  const parts = [`Current ${code(v.current.file)} (${v.current.generatedAt.slice(0, 10)})`];
  parts.push(v.baseline ? `against baseline ${code(v.baseline.file)} (${v.baseline.generatedAt.slice(0, 10)})` : 'no baseline');
  parts.push(v.budgetFile ? `budget ${code(v.budgetFile)}` : 'no budget file');
  return `${parts.join(' · ')}.`;
}

function checksTable(checks: readonly BudgetCheck[]): string[] {
  const { total } = checkCounts(checks);
  return [
    `| Status | Budget (${total}) | Actual | Limit | Set in |`,
    '|---|---|--:|--:|---|',
    ...checks.map((c) => `| ${STATUS_WORD[c.status]} | ${md(c.name)} | ${formatActual(c)} | ${formatLimit(c)} | ${code(c.source.label)} |`),
  ];
}

function brokenSection(check: BudgetCheck): string[] {
  const out = [`### Broken: ${md(check.name)}`, '', `${md(check.message)} (${code(check.source.label)}).`];
  if (check.findings.length) out.push('', ...findingsTable(check.findings));
  return out;
}

function findingsTable(findings: readonly Finding[]): string[] {
  const rows = findings
    .slice(0, MAX_ROWS)
    .map(
      (f) =>
        `| ${md(f.ruleId)} | ${f.severity} | ${code(f.resource.id)} | ${md(teamLabel(f.resource.team))} | ${md(f.resource.accountId)} / ${md(f.resource.region)} | ${formatUsd(f.monthlySavings)} |`,
    );
  const more = findings.length > MAX_ROWS ? ['', `…and ${findings.length - MAX_ROWS} more.`] : [];
  return ['| Rule | Severity | Resource | Team | Account / region | Waste/month |', '|---|---|---|---|---|--:|', ...rows, ...more];
}

function comparisonSection(v: Verdict): string[] {
  const c = v.comparison;
  if (!c.hasBaseline) {
    return [
      '### Totals',
      '',
      `Monthly cost in scope ${formatUsd(c.cost.after)}, monthly waste ${formatUsd(c.waste.after)} (${v.acceptances.open.length} open finding(s)).`,
    ];
  }
  const out = [
    '### Against the baseline',
    '',
    '| | Baseline | Current | Change |',
    '|---|--:|--:|--:|',
    deltaRow('Monthly cost in scope', c.cost),
    deltaRow('Monthly waste', c.waste),
  ];
  for (const [dim, noun] of [
    ['byTeam', 'team'],
    ['byAccount', 'account'],
    ['byRegion', 'region'],
    ['byCategory', 'category'],
  ] as const) {
    for (const [key, d] of Object.entries(c.wasteBy[dim])) if (d.change) out.push(deltaRow(`Waste of ${noun} ${key}`, d));
  }
  out.push('', `${c.newFindings.length} new, ${c.resolvedFindings.length} resolved, ${c.changedFindings.length} changed finding(s).`);
  if (c.newFindings.length) out.push('', '#### New findings', '', ...findingsTable(c.newFindings));
  if (c.resolvedFindings.length) out.push('', '#### Resolved findings', '', ...findingsTable(c.resolvedFindings));
  if (c.changedFindings.length) {
    out.push('', '#### Changed findings', '', '| Rule | Resource | What changed |', '|---|---|---|');
    for (const ch of c.changedFindings.slice(0, MAX_ROWS)) {
      out.push(`| ${md(ch.after.ruleId)} | ${code(ch.after.resource.id)} | ${md(ch.changes.join('; '))} |`);
    }
  }
  return out;
}

function deltaRow(label: string, d: Delta): string {
  return `| ${md(label)} | ${formatUsd(d.before)} | ${formatUsd(d.after)} | ${d.change === null ? '-' : signedUsd(d.change)} |`;
}

function acceptedSection(v: Verdict): string[] {
  const rows = [...v.acceptances.accepted.map((a) => ({ ...a, state: 'accepted' })), ...v.acceptances.expired.map((a) => ({ ...a, state: '**expired**' }))];
  return [
    '### Accepted findings',
    '',
    '| Rule | Resource | Waste/month | Until | State | Reason |',
    '|---|---|--:|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${md(r.acceptance.rule)} | ${code(r.acceptance.resource)} | ${formatUsd(r.finding.monthlySavings)} | ${r.acceptance.expires} | ${r.state} | ${md(r.acceptance.reason)} |`,
    ),
  ];
}

/** A code span; inside one only a backtick or a table pipe can break out. */
function code(text: string): string {
  return `\`${text
    .replace(/[\r\n]+/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``;
}

/** Escapes text from a result or budget so it cannot break a table or inject HTML into a comment. */
export function md(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      // Escaping `<` alone stops every tag; `>` stays readable (`medium -> high`).
      .replace(/</g, '&lt;')
      .replace(/([\\|`*_[\]])/g, '\\$1')
  );
}
