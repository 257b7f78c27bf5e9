import { teamLabel } from '../../group-labels.js';
import type { Finding } from '../../engine/result.js';
import { GITHUB_COMMENT_LIMIT } from '../../render/markdown.js';
import { formatUsd, signedUsd } from '../../money.js';
import { cleanText, guardCommandLines, neutraliseMentions } from '../../text/sanitize.js';
import type { Delta } from '../compare.js';
import type { BudgetCheck, Verdict } from '../verdict.js';
import { STATUS_WORD, checkCounts, formatActual, formatLimit, headline } from './wording.js';

/** Findings listed per broken budget and per comparison section, and deltas per dimension; the rest are counted. */
const MAX_ROWS = 10;
/** Budget checks in the status table (broken ones first) and broken budgets given their own section. */
const MAX_CHECKS = 50;
const MAX_BROKEN_SECTIONS = 10;
/** Room kept under the comment limit for the line that says the summary was cut. */
const CUT_NOTE_ROOM = 400;

/**
 * The CI summary: what broke, by how much, the findings responsible, then the comparison.
 * Written for a PR comment and $GITHUB_STEP_SUMMARY, so every cell from a result is escaped,
 * long lists are counted rather than listed, and the whole stays under GitHub's comment limit.
 */
export function renderGateMarkdown(verdict: Verdict): string {
  const out: string[] = [`## mlcost gate: ${headline(verdict)}`, '', inputsLine(verdict), ''];
  if (verdict.checks.length) out.push(...checksTable(verdict.checks), '');
  const broken = verdict.checks.filter((c) => c.status === 'fail');
  for (const check of broken.slice(0, MAX_BROKEN_SECTIONS)) out.push(...brokenSection(check), '');
  if (broken.length > MAX_BROKEN_SECTIONS) {
    out.push(`…and ${broken.length - MAX_BROKEN_SECTIONS} more broken budget(s); \`mlcost gate --output json\` lists each with its findings.`, '');
  }
  out.push(...comparisonSection(verdict));
  if (verdict.acceptances.accepted.length || verdict.acceptances.expired.length) out.push('', ...acceptedSection(verdict));
  return guardCommandLines(fitComment(out));
}

/** The lines that fit under GitHub's comment limit, then a line saying what was cut. */
function fitComment(lines: readonly string[]): string {
  const whole = `${lines.join('\n').trimEnd()}\n`;
  if (whole.length <= GITHUB_COMMENT_LIMIT) return whole;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > GITHUB_COMMENT_LIMIT - CUT_NOTE_ROOM) break;
    kept.push(line);
    used += line.length + 1;
  }
  const note = `_…cut here to fit a GitHub comment (${lines.length - kept.length} more lines); \`mlcost gate --output json\` has every check and finding._`;
  return `${kept.join('\n').trimEnd()}\n\n${note}\n`;
}

function inputsLine(v: Verdict): string {
  const parts = [`Current ${code(v.current.file)} (${md(v.current.generatedAt.slice(0, 10))})`];
  parts.push(v.baseline ? `against baseline ${code(v.baseline.file)} (${md(v.baseline.generatedAt.slice(0, 10))})` : 'no baseline');
  parts.push(v.budgetFile ? `budget ${code(v.budgetFile)}` : 'no budget file');
  return `${parts.join(' · ')}.`;
}

function checksTable(checks: readonly BudgetCheck[]): string[] {
  const { total } = checkCounts(checks);
  const shown = firstChecks(checks);
  const more =
    checks.length > shown.length
      ? [
          '',
          `…and ${checks.length - shown.length} more budget check(s), none of them broken unless counted above; \`--junit FILE\` has one test case per check.`,
        ]
      : [];
  return [
    `| Status | Budget (${total}) | Actual | Limit | Set in |`,
    '|---|---|--:|--:|---|',
    ...shown.map((c) => `| ${STATUS_WORD[c.status]} | ${md(c.name)} | ${formatActual(c)} | ${formatLimit(c)} | ${code(c.source.label)} |`),
    ...more,
  ];
}

/** Up to MAX_CHECKS checks in budget-file order, broken ones chosen first. */
function firstChecks(checks: readonly BudgetCheck[]): BudgetCheck[] {
  if (checks.length <= MAX_CHECKS) return [...checks];
  const chosen = new Set([...checks.filter((c) => c.status === 'fail'), ...checks.filter((c) => c.status !== 'fail')].slice(0, MAX_CHECKS));
  return checks.filter((c) => chosen.has(c));
}

function brokenSection(check: BudgetCheck): string[] {
  const out = [`### Broken: ${md(check.name)}`, '', `${md(check.message, 600)} (${code(check.source.label)}).`];
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
  return ['| Rule | Severity | Resource | Team | Account / region | Waste/month |', '|---|---|---|---|---|--:|', ...rows, ...more(findings.length)];
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
    const changed = Object.entries(c.wasteBy[dim]).filter(([, d]) => d.change);
    for (const [key, d] of largestChanges(changed)) out.push(deltaRow(`Waste of ${noun} ${key}`, d));
    if (changed.length > MAX_ROWS) out.push(`| _…and ${changed.length - MAX_ROWS} more ${noun} change(s)_ | | | |`);
  }
  out.push('', `${c.newFindings.length} new, ${c.resolvedFindings.length} resolved, ${c.changedFindings.length} changed finding(s).`);
  if (c.newFindings.length) out.push('', '#### New findings', '', ...findingsTable(c.newFindings));
  if (c.resolvedFindings.length) out.push('', '#### Resolved findings', '', ...findingsTable(c.resolvedFindings));
  if (c.changedFindings.length) {
    out.push('', '#### Changed findings', '', '| Rule | Resource | What changed |', '|---|---|---|');
    for (const ch of c.changedFindings.slice(0, MAX_ROWS)) {
      out.push(`| ${md(ch.after.ruleId)} | ${code(ch.after.resource.id)} | ${md(ch.changes.join('; '))} |`);
    }
    out.push(...more(c.changedFindings.length));
  }
  return out;
}

/** The MAX_ROWS largest changes (either way), in their original order. */
function largestChanges(entries: [string, Delta][]): [string, Delta][] {
  if (entries.length <= MAX_ROWS) return entries;
  const largest = new Set([...entries].sort((a, b) => Math.abs(b[1].change ?? 0) - Math.abs(a[1].change ?? 0)).slice(0, MAX_ROWS));
  return entries.filter((e) => largest.has(e));
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
    ...rows
      .slice(0, MAX_ROWS * 5)
      .map(
        (r) =>
          `| ${md(r.acceptance.rule)} | ${code(r.acceptance.resource)} | ${formatUsd(r.finding.monthlySavings)} | ${md(r.acceptance.expires)} | ${r.state} | ${md(r.acceptance.reason)} |`,
      ),
    ...more(rows.length, MAX_ROWS * 5),
  ];
}

function more(total: number, shown = MAX_ROWS): string[] {
  return total > shown ? ['', `…and ${total - shown} more.`] : [];
}

/** A code span; inside one only a backtick or a table pipe can break out (mentions are broken as in mdCode). */
function code(text: string): string {
  return `\`${neutraliseMentions(cleanText(text, 200).replace(/`/g, "'").replace(/\|/g, '\\|'))}\``;
}

/**
 * Escapes text from a result or budget so it cannot break a table, inject HTML or ping anyone from
 * a comment; cleaned first (src/text/sanitize.ts) and cut to `max` characters.
 */
export function md(text: string, max = 240): string {
  return neutraliseMentions(
    cleanText(text, max)
      .replace(/&/g, '&amp;')
      // Escaping `<` alone stops every tag; `>` stays readable (`medium -> high`).
      .replace(/</g, '&lt;')
      .replace(/([\\|`*_[\]])/g, '\\$1'),
  );
}
