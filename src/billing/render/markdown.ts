import { cleanText, guardCommandLines, neutraliseMentions } from '../../text/sanitize.js';
import type { SpendReport } from '../report.js';
import { headline, sections } from './lines.js';

/** GitHub-flavoured Markdown; cells are escaped so a tag value cannot break the table or ping anyone. */
export function renderSpendMarkdown(r: SpendReport): string {
  const parts = [`## mlcost spend\n\n${cell(headline(r), 1000)}`];
  for (const s of sections(r)) {
    const lines = [`### ${cell(s.title)}`, '', row(s.head), row(s.head.map(() => '---')), ...s.rows.map(row)];
    parts.push(lines.join('\n'));
  }
  if (r.warnings.length) parts.push(r.warnings.map((w) => `> **Warning:** ${cell(w, 1000)}`).join('\n'));
  return guardCommandLines(`${parts.join('\n\n')}\n`);
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => cell(c)).join(' | ')} |`;
}

/** Cleaned (src/text/sanitize.ts), cut to `max`, then Markdown's own punctuation escaped. */
function cell(s: string, max = 240): string {
  return neutraliseMentions(
    cleanText(s, max)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/([<>*_`[\]])/g, '\\$1'),
  );
}
