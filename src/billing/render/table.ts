import Table from 'cli-table3';
import { cleanText, guardCommandLines } from '../../text/sanitize.js';
import type { SpendReport } from '../report.js';
import { headline, sections } from './lines.js';

/**
 * Longest a cell keeps, cut before layout (cli-table3 lays out long words in quadratic time);
 * tag values reach cells as group keys. JSON and CSV keep the full value.
 */
const CELL_MAX = 200;

/** The terminal view; every cell, title and warning goes through the one cleaning step. */
export function renderSpendTable(r: SpendReport): string {
  const parts = [cleanText(headline(r), 1000)];
  for (const s of sections(r)) {
    const t = new Table({ head: s.head, style: { head: [], border: [] } });
    for (const row of s.rows) t.push(row.map((cell) => cleanText(cell, CELL_MAX)));
    parts.push(`\n${cleanText(s.title, CELL_MAX)}\n${t.toString()}`);
  }
  for (const w of r.warnings) parts.push(`warning: ${cleanText(w, 1000)}`);
  return guardCommandLines(`${parts.join('\n')}\n`);
}
