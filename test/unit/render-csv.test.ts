import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { csvText } from '../../src/render/report/csv-cell.js';

const fixture = (name: string) => readAuditResult(join(import.meta.dirname, '..', '..', 'fixtures', 'results', name));

/** A strict RFC 4180 reader, so the test checks the format rather than trusting the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else cell += text.charAt(i++);
      }
    } else if (text[i] === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r') throw new Error(`bare line break at ${i}`);
    else cell += text.charAt(i++);
  }
  if (cell !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

describe('csv renderer', () => {
  it('matches the golden file', async () => {
    await expect(renderCsv(await fixture('weekly.json'), { color: false })).toMatchFileSnapshot('../golden/report/weekly.csv');
  });

  it('has stable columns (append only)', () => {
    expect(CSV_COLUMNS.map((c) => c.name)).toEqual([
      'id',
      'rule_id',
      'title',
      'severity',
      'category',
      'confidence',
      'account_id',
      'region',
      'resource_type',
      'resource_id',
      'resource_name',
      'team',
      'tags_json',
      'problem',
      'action',
      'action_from',
      'action_to',
      'action_description',
      'monthly_cost_usd',
      'monthly_savings_usd',
      'performance_risk',
      'tradeoff',
      'capacity_before',
      'capacity_after',
      'pricing_method',
    ]);
  });

  it('is RFC 4180: one record per finding, every record the same width', async () => {
    const result = await fixture('weekly.json');
    const rows = parseCsv(renderCsv(result, { color: false }));
    expect(rows).toHaveLength(result.findings.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const col = (name: string) => CSV_COLUMNS.findIndex((c) => c.name === name);
    const hostile = rows.find((r) => r[col('resource_id')] === 'i-0hostile00000001')!;
    expect(hostile[col('resource_name')]).toBe("<script>alert('xss')</script>");
    expect(JSON.parse(hostile[col('tags_json')]!)).toHaveProperty(['cost|center'], '[click me](http://evil.example) | injected | cell');
    const unknown = rows.find((r) => r[col('resource_id')] === 'summarizer-prod')!;
    expect([unknown[col('monthly_cost_usd')], unknown[col('monthly_savings_usd')]]).toEqual(['', '']);
    expect(rows[1]![col('monthly_savings_usd')]).toBe('35156.80');
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const rows = parseCsv(renderCsv(await fixture('weekly.json'), { color: false }));
    const all = rows.flat();
    expect(all.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(all).toContain("'-cmd|' /C calc'!A0");
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('plain')).toBe('plain');
  });

  it('writes only the header when nothing matched', async () => {
    expect(renderCsv(await fixture('empty.json'), { color: false })).toBe(`${CSV_COLUMNS.map((c) => c.name).join(',')}\r\n`);
  });
});
