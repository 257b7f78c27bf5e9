/**
 * Evidence is free-form per rule (metric summaries, per-GPU stats, alternatives considered), so
 * reports show it as short "key: value" lines, bounded in length, rather than a JSON dump.
 */
const MAX_ITEMS = 3;
const MAX_LINE = 140;

export function evidenceLines(evidence: Record<string, unknown>): string[] {
  return Object.entries(evidence).map(([key, value]) => clip(`${key}: ${describe(value, 0)}`));
}

function describe(value: unknown, depth: number): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'number') return String(Number.isInteger(value) ? value : Number(value.toFixed(3)));
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- evidence is JSON data: a string or boolean here, never a function
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((v) => describe(v, depth + 1));
    const more = value.length > MAX_ITEMS ? `, +${value.length - MAX_ITEMS} more` : '';
    return depth > 0 ? `[${shown.join(', ')}${more}]` : `${shown.join('; ')}${more}`;
  }
  const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} ${describe(v, depth + 1)}`);
  return depth > 0 ? `(${parts.join(', ')})` : parts.join(', ');
}

function clip(line: string): string {
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;
}
