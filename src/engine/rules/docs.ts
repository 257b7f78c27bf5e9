import type { ParamValue } from './schema.js';
import type { RuleEntry } from './specs.js';
import { cleanLines } from '../../text/sanitize.js';

/**
 * Rule documentation rendered from the rule files themselves: `mlcost rules list`, `mlcost rules
 * explain` and the rule table in docs/rules.md all come from here, so the docs are never written twice.
 */

export function formatValue(v: ParamValue | undefined): string {
  if (v === undefined) return '-';
  return Array.isArray(v) ? (v.length ? v.join(', ') : '(none)') : String(v);
}

/** One line per rule, aligned: what `mlcost rules list` prints. */
export function ruleListText(rules: readonly RuleEntry[]): string {
  const rows = rules.map((r) => [r.spec.id, r.spec.resource, r.spec.category, r.spec.severity, r.spec.action.kind, r.spec.title]);
  const header = ['RULE', 'RESOURCE', 'CATEGORY', 'SEVERITY', 'ACTION', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  // Rules from a user's directory are text anyone with write access to it wrote.
  return cleanLines([line(header), ...rows.map(line), '', `${rules.length} rules; \`mlcost rules explain ID\` shows a rule's params and docs.`].join('\n'));
}

/** The machine-readable form of a rule for `--output json`. */
export function ruleJson(rule: RuleEntry): Record<string, unknown> {
  return { ...rule.spec, effectiveParams: rule.params, file: rule.file };
}

/** The rule table, generated into docs/rules.md by scripts/write-rule-table.ts. */
export function ruleTableMarkdown(rules: readonly RuleEntry[]): string {
  const cell = (t: string) => t.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  const lines = ['| Rule | Resource | Category | Severity | Action | What it finds | Params (default) |', '|---|---|---|---|---|---|---|'];
  for (const r of rules) {
    const s = r.spec;
    const params =
      Object.entries(s.params)
        .map(([n, p]) => `\`${n}\` (${cell(formatValue(p.default))})`)
        .join(', ') || '-';
    lines.push(
      `| \`${s.id}\` | ${s.resource} | ${s.category} | ${s.severity} | ${s.action.kind} | ${cell(s.title)}. ${cell(firstSentence(s.docs.summary))} | ${params} |`,
    );
  }
  lines.push('', "Run `mlcost rules explain ID` for a rule's evidence, risk, how to act and every param with its bounds.", '');
  return lines.join('\n');
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

export const RULE_TABLE_BEGIN = '<!-- rules:begin (generated from rules/*.yaml by `npx tsx scripts/write-rule-table.ts`; do not edit) -->';
export const RULE_TABLE_END = '<!-- rules:end -->';

/** A Markdown page (docs/rules.md) with its rule table replaced by the one generated from the rule files. */
export function withRuleTable(readme: string, rules: readonly RuleEntry[]): string {
  const begin = readme.indexOf('<!-- rules:begin');
  const end = readme.indexOf(RULE_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('docs/rules.md has no <!-- rules:begin --> ... <!-- rules:end --> block');
  return `${readme.slice(0, begin)}${RULE_TABLE_BEGIN}\n${ruleTableMarkdown(rules).trimEnd()}\n${readme.slice(end)}`;
}
