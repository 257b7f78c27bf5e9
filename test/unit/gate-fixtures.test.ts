import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditResultSchema } from '../../src/engine/result.js';
import { breakdowns, sumSavings } from '../../src/engine/summarize.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'gate');

describe('gate fixture results', () => {
  it.each(['current.json', 'baseline.json', 'other-scope.json'])('%s is a valid audit result with consistent totals', (name) => {
    const result = AuditResultSchema.parse(JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')));
    expect(result.totals.findingCount).toBe(result.findings.length);
    expect(result.totals.monthlySavings).toBe(sumSavings(result.findings));
    expect(result.breakdowns).toEqual(breakdowns(result.findings));
    for (const f of result.findings) expect(f.id).toBe(`${f.ruleId}:${f.resource.accountId}:${f.resource.region}:${f.resource.id}`);
  });
});
