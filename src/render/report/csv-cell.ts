/**
 * One RFC 4180 field. Text that a spreadsheet would evaluate (starting with = + - @, tab or CR)
 * is prefixed with a single quote, as OWASP advises against CSV formula injection; tag values
 * come from anyone who can tag a resource. Numbers are written by us and pass through as-is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return quote(FORMULA_START.test(value) ? `'${value}` : value);
}

/** USD with cents as a plain number so spreadsheets can sum it; unknown is an empty cell, never 0. */
export function csvAmount(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : value.toFixed(2);
}

export function csvRow(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
