// Over 250 lines on purpose: one property per renderer, all sharing the hostile-text arbitraries defined here.
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSpendReport } from '../../src/billing/report.js';
import { SPEND_RENDERERS } from '../../src/billing/render/index.js';
import { composeWeeklyEmail } from '../../src/email/compose.js';
import type { AuditResult } from '../../src/engine/result.js';
import { readAuditResult } from '../../src/engine/result-io.js';
import { BudgetSchema } from '../../src/gate/budget-schema.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { githubAnnotations } from '../../src/gate/output/annotations.js';
import { renderGateMarkdown } from '../../src/gate/output/markdown.js';
import { renderGateText } from '../../src/gate/output/text.js';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { cleanText } from '../../src/text/sanitize.js';
import { inertProblems } from '../helpers/inert-text.js';

/**
 * Random Unicode, control characters, workflow commands, Markdown and HTML syntax and huge strings
 * in every untrusted field, through every renderer. Runs are bounded so the file takes seconds;
 * fast-check prints the seed and the shrunk input of any failure.
 */
const TOKENS = [
  '\n',
  '\r\n',
  '\r',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u001b[2J',
  '\u001b]0;t\u0007',
  '\u001b]8;;http://x\u001b\\',
  '\u009b',
  '\u0085',
  '\u2028',
  '\u202e',
  '\u2066',
  '\u00ad',
  '\u200b',
  '\ud800',
  '::',
  '::error::',
  '::add-mask::',
  '##[',
  '#',
  '[',
  ']',
  '(',
  ')',
  '|',
  '\\',
  '`',
  '*',
  '_',
  '<',
  '>',
  '&',
  '"',
  "'",
  ',',
  '=',
  '@',
  '@octocat',
  '@org/team',
  ' ',
  '\t',
  '<script>',
  '</td>',
  '-->',
  'é',
  '機',
  '👩‍👩‍👧',
];

/** A mix of tokens and random code units, non-empty (so a field never toggles an `{{#if}}`), now and then huge. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })), {
        maxLength: 12,
      })
      .map((parts) => `v${parts.join('')}`),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 2_000, max: 20_000 })).map(([t, n]) => `v${t.repeat(n)}`) },
);

const FIELDS = 12;
const fields = fc.array(hostile, { minLength: FIELDS, maxLength: FIELDS });

let base: AuditResult;
beforeAll(async () => {
  const weekly = await readAuditResult(join(import.meta.dirname, '..', '..', 'fixtures', 'results', 'weekly.json'));
  base = { ...weekly, findings: weekly.findings.slice(0, 4) };
});

/**
 * The base result with every untrusted field of its findings, breakdown keys, scope and warnings set
 * from `s`, each field made distinct by its index so no two collide (a name equal to the id is not shown).
 */
function inject(s: string[]): AuditResult {
  const at = (i: number) => `${s[i % s.length]!}.${i}`;
  const r = structuredClone(base);
  r.findings.forEach((f, n) => {
    const k = n * 3;
    f.resource.id = at(k);
    f.resource.name = at(k + 1);
    f.resource.team = at(k + 2);
    f.resource.region = at(k + 3);
    f.resource.tags = { [at(k + 4)]: at(k + 5) };
    f.problem = at(k + 6);
    f.action.description = at(k + 7);
    f.action.from = at(k + 8);
    f.action.to = at(k + 9);
    f.tradeoff.summary = at(k + 10);
    f.ruleId = at(k + 11);
  });
  r.breakdowns.byTeam = Object.fromEntries(r.findings.map((f) => [f.resource.team!, { monthlySavings: 1, findingCount: 1 }]));
  r.scope.accounts = [at(1)];
  r.generatedAt = at(2);
  r.warnings = [{ code: 'metric-missing', message: at(3), accountId: at(4), region: at(5) }];
  return r;
}

/** Cells of a GFM table row: split on pipes that no backslash escapes. */
function cellCount(row: string): number {
  return row.slice(1, -1).split(/(?<!\\)\|/).length;
}

/** Every run of `|` lines is one table: every row has the header's column count. No raw tags but the renderer's own. */
function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  let header: number | undefined;
  for (const line of md.split('\n')) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    header ??= cellCount(line);
    if (cellCount(line) !== header) problems.push(`row with ${cellCount(line)} cells under a ${header}-column header: ${line.slice(0, 80)}`);
  }
  // Code spans print their text literally and a backslash-escaped `<` is text: neither can open a tag.
  const text = md.replace(/(?<!\\)`[^`]*`/g, '').replace(/\\</g, '');
  const tags = text.match(/<\/?[A-Za-z][^\s>/]*/g) ?? [];
  const foreign = tags.filter((t) => !/^<\/?(details|summary|br|sub)$/.test(t));
  if (foreign.length) problems.push(`raw tags: ${foreign.join(' ')}`);
  return problems;
}

/** RFC 4180: quoted fields with doubled quotes, CRLF records; an unquoted field may not hold a quote or line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(field)) throw new Error(`bad unquoted field ${JSON.stringify(field)}`);
      i += field.length;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

/** What a CSV cell holds for a value: the value, behind a quote when a spreadsheet would run it. */
const csvValue = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The tag names of an HTML document in order; escaping must leave them the same whatever the text. */
function tagSequence(html: string): string[] {
  return html.match(/<\/?[A-Za-z][A-Za-z0-9-]*/g) ?? [];
}

const RUNS = { numRuns: 40 };

describe('fuzz: untrusted text through the renderers', () => {
  it('cleanText: one inert line, never longer than asked', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 300 }), (s, max) => {
        const out = cleanText(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/\n/);
        expect(inertProblems(out)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  // The table (cli-table3 layout) and the email (which also renders the HTML report) are the slow ones.
  it('table: inert', () => {
    fc.assert(
      fc.property(fields, (s) => {
        expect(inertProblems(renderTable(inject(s), { color: false, width: 160 }))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('plain-text email: inert', () => {
    fc.assert(
      fc.property(fields, (s) => {
        expect(inertProblems(composeWeeklyEmail(inject(s), { subject: 'mlcost' }).text)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('report Markdown: inert, no live mention, tables keep their columns, no raw tags', () => {
    fc.assert(
      fc.property(fields, (s) => {
        const md = renderMarkdown(inject(s), { color: false });
        expect(inertProblems(md, { markdown: true })).toEqual([]);
        expect(markdownProblems(md)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('CSV round-trips every value, one record per finding', () => {
    const team = CSV_COLUMNS.findIndex((c) => c.name === 'team');
    const problem = CSV_COLUMNS.findIndex((c) => c.name === 'problem');
    fc.assert(
      fc.property(fields, (s) => {
        const r = inject(s);
        const rows = parseCsv(renderCsv(r, { color: false }));
        expect(rows).toHaveLength(r.findings.length + 1);
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
        r.findings.forEach((f, i) => {
          expect(rows[i + 1]![team]).toBe(csvValue(f.resource.team!));
          expect(rows[i + 1]![problem]).toBe(csvValue(f.problem));
        });
      }),
      RUNS,
    );
  });

  it('HTML: the same tags whatever the text (nothing injected)', () => {
    const benign = renderHtml(inject(Array.from({ length: FIELDS }, () => 'v')), { color: false });
    fc.assert(
      fc.property(fields, (s) => {
        expect(tagSequence(renderHtml(inject(s), { color: false }))).toEqual(tagSequence(benign));
      }),
      { numRuns: 15 },
    );
  });

  it('gate text, Markdown and annotations: inert, tables keep their columns', () => {
    fc.assert(
      fc.property(fields, (s) => {
        const current = inject(s);
        const baseline = { ...inject(s), findings: current.findings.slice(1) };
        const budget = BudgetSchema.parse({
          waste: { max: 1, byTeam: { [s[2]!]: 1 } },
          accepted: [{ rule: s[0]!, resource: s[1]!, expires: '2099-12-31', reason: s[3]! }],
        });
        const verdict = evaluateGate({
          current: { file: s[4]!, result: current },
          baseline: { file: s[5]!, result: baseline },
          budget: { file: s[6]!, loaded: { budget, locate: () => ({ label: s[7]!, file: s[8]!, line: 1 }) } },
          now: new Date('2026-11-27T12:00:00Z'),
        });
        expect(inertProblems(renderGateText(verdict))).toEqual([]);
        const md = renderGateMarkdown(verdict);
        expect(inertProblems(md, { markdown: true })).toEqual([]);
        expect(markdownProblems(md)).toEqual([]);
        for (const line of githubAnnotations(verdict, { GITHUB_ACTIONS: 'true' })) expect(inertProblems(line.slice(2))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('spend table, Markdown and CSV', () => {
    fc.assert(
      fc.property(fields, (s) => {
        const report = buildSpendReport(
          s
            .slice(0, 4)
            .map((key, i) => ({ day: `2026-10-${String(20 + i).padStart(2, '0')}`, keys: [key, s[i + 4]!], billed: i + 1, effective: i + 1, list: i + 2 })),
          { source: { kind: 'cur', engine: 'duckdb', where: s[8]! }, by: ['team', 'service'] },
        );
        report.warnings.push(s[9]!);
        expect(inertProblems(SPEND_RENDERERS.table(report))).toEqual([]);
        const md = SPEND_RENDERERS.markdown(report);
        expect(inertProblems(md, { markdown: true })).toEqual([]);
        expect(markdownProblems(md)).toEqual([]);
        const rows = parseCsv(SPEND_RENDERERS.csv(report));
        expect(rows.slice(1).map((row) => row[0])).toEqual(report.groups.map((g) => csvValue(g.key.team ?? '')));
      }),
      RUNS,
    );
  });
});
