import type { SpendReport } from '../report.js';
import { headline, sections } from './lines.js';

/** GitHub-flavoured Markdown; cells are escaped so a tag value cannot break the table. */
export function renderSpendMarkdown(r: SpendReport): string {
  const parts = [`## mlcost spend\n\n${cell(headline(r))}`];
  for (const s of sections(r)) {
    const lines = [`### ${s.title}`, '', row(s.head), row(s.head.map(() => '---')), ...s.rows.map(row)];
    parts.push(lines.join('\n'));
  }
  if (r.warnings.length) parts.push(r.warnings.map((w) => `> **Warning:** ${cell(w)}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function cell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([<>*_`[\]])/g, '\\$1');
}
