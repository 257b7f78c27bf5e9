import Table from 'cli-table3';
import type { SpendReport } from '../report.js';
import { headline, sections } from './lines.js';

export function renderSpendTable(r: SpendReport): string {
  const parts = [headline(r)];
  for (const s of sections(r)) {
    const t = new Table({ head: s.head, style: { head: [], border: [] } });
    for (const row of s.rows) t.push(row);
    parts.push(`\n${s.title}\n${t.toString()}`);
  }
  for (const w of r.warnings) parts.push(`warning: ${w}`);
  return `${parts.join('\n')}\n`;
}
