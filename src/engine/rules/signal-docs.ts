import { RESOURCE_TYPE_ROWS, type ResourceTypeRow } from '../../snapshot/resources.js';
import type { RuleEntry } from './specs.js';

/**
 * The signal reference, rendered from each resource type's documented signal keys (the same lists
 * rule loading checks `signals.X` against): the table in docs/rules.md and `mlcost rules explain`.
 */

const cell = (t: string) => t.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** One table per resource type with signals: key, type, meaning. */
export function signalTableMarkdown(rows: readonly ResourceTypeRow[] = RESOURCE_TYPE_ROWS): string {
  const out: string[] = [];
  for (const row of rows) {
    const keys = Object.entries(row.signals.keys);
    out.push(`#### \`${row.id}\` (${row.displayName})`, '');
    if (!keys.length) {
      out.push('No signals yet: rules read `resource` fields only.', '');
      continue;
    }
    out.push('| Signal | Type | Meaning |', '|---|---|---|');
    for (const [name, key] of keys) out.push(`| \`${name}\` | ${key.type} | ${cell(key.doc)} |`);
    out.push('');
  }
  return out.join('\n');
}

/** The signals a rule reads (in `when` or its problem line), documented, in the reference's order. */
export function signalsReadBy(rule: RuleEntry): string[] {
  const row = RESOURCE_TYPE_ROWS.find((r) => r.id === rule.spec.resource);
  if (!row) return [];
  const text = `${rule.spec.when}\n${rule.spec.problem}`;
  return Object.entries(row.signals.keys)
    .filter(([name]) => new RegExp(`\\bsignals\\.\\??${name}\\b`).test(text))
    .map(([name, key]) => `  ${name} (${key.type}): ${key.doc}`);
}

export const SIGNAL_TABLE_BEGIN = '<!-- signals:begin (generated from src/engine/signals/ by `npx tsx scripts/write-rule-table.ts`; do not edit) -->';
export const SIGNAL_TABLE_END = '<!-- signals:end -->';

/** A Markdown page (docs/rules.md) with its signal reference replaced by the one generated from the signal key lists. */
export function withSignalTable(readme: string): string {
  const begin = readme.indexOf('<!-- signals:begin');
  const end = readme.indexOf(SIGNAL_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('docs/rules.md has no <!-- signals:begin --> ... <!-- signals:end --> block');
  return `${readme.slice(0, begin)}${SIGNAL_TABLE_BEGIN}\n${signalTableMarkdown().trimEnd()}\n${readme.slice(end)}`;
}
