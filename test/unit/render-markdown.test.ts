import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { mdCode, mdText } from '../../src/render/report/markdown-escape.js';
import { syntheticResult } from '../../bench/render/synthetic-result.js';

const fixture = (name: string) => readAuditResult(join(import.meta.dirname, '..', '..', 'fixtures', 'results', name));
const weekly = async () => renderMarkdown(await fixture('weekly.json'), { color: false, previous: await fixture('previous.json') });

/** Cells of a GFM table row, splitting only on pipes that are not backslash-escaped. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/);

describe('markdown renderer', () => {
  it('matches the golden file', async () => {
    await expect(await weekly()).toMatchFileSnapshot('../golden/report/weekly.md');
  });

  it('escapes hostile values: no HTML, links or extra table cells from AWS strings', async () => {
    const md = await weekly();
    expect(md).not.toMatch(/<script|<img|<b>/i);
    expect(md).not.toMatch(/(?<!\\)\[[^\]\n]*(?<!\\)\]\(/);
    expect(md).toContain('\\[click me\\]');
    const rows = md.split('\n').filter((l) => /^\| \d+ \| (low|medium|high|critical) \|/.test(l));
    expect(rows).toHaveLength(15);
    for (const row of rows) expect(cells(row)).toHaveLength(8);
  });

  it('folds long tables into <details> and keeps short ones open', async () => {
    expect(await weekly()).toContain('<details><summary>All 15 findings, largest saving first</summary>');
    const small = await fixture('weekly.json');
    const md = renderMarkdown({ ...small, findings: small.findings.slice(0, 3) }, { color: false });
    expect(md).not.toContain('<details>');
  });

  it('stays under the GitHub comment limit by summarising 10,000 findings', () => {
    const md = renderMarkdown(syntheticResult(10_000), { color: false });
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/_Showing the \d+ largest of 10000 findings to fit a GitHub comment/);
    expect(md).toContain('_and 25 more_');
  });

  it('escaping helpers', () => {
    expect(mdText('a|b <x> [l](u) *e* `c` $1\nz')).toBe('a\\|b &lt;x&gt; \\[l\\](u) \\*e\\* \\`c\\` \\$1 z');
    expect(mdCode('i-123|x')).toBe('`i-123\\|x`');
    expect(mdCode('has`tick')).toBe('has\\`tick');
  });
});
