import type { SpendReport } from '../report.js';

/**
 * RFC 4180 CSV of the spend groups (one row per --by combination): the part a spreadsheet wants.
 * Amounts are plain numbers (USD), not formatted text, so they stay summable.
 */
export function renderSpendCsv(r: SpendReport): string {
  const head = [...r.by, 'effective_usd', 'billed_usd', 'list_usd', 'share'];
  const rows = r.groups.map((g) => [...r.by.map((d) => g.key[d] ?? ''), num(g.effective), num(g.billed), g.list === null ? '' : num(g.list), String(g.share)]);
  return `${[head, ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

function num(n: number): string {
  return n.toFixed(2);
}

function quote(s: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: tag values are user input.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
