import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'results');

describe('fixture audit results', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('exist', () => {
    expect(files).toEqual(expect.arrayContaining(['weekly.json', 'previous.json', 'empty.json']));
  });

  it.each(files)('%s satisfies AuditResultSchema', async (file) => {
    const result = await readAuditResult(join(DIR, file));
    expect(result.totals.findingCount).toBe(result.findings.length);
  });

  it('weekly.json carries the hostile tag values the renderers must neutralise', async () => {
    const result = await readAuditResult(join(DIR, 'weekly.json'));
    const tags = JSON.stringify(result.findings.map((f) => f.resource.tags));
    for (const needle of ['<script>', '"><img src=x onerror', '=HYPERLINK(', '[click me](http', '| injected |', '+SUM(', '@ops']) {
      expect(tags).toContain(needle.replace(/"/g, '\\"'));
    }
  });
});
