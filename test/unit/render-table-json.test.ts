import { describe, expect, it } from 'vitest';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { AuditResultSchema } from '../../src/engine/result.js';
import { OUTPUT_FORMATS, RENDERERS, renderChunks } from '../../src/render/index.js';
import { renderJson } from '../../src/render/json.js';
import { formatUsd } from '../../src/render/money.js';
import { renderTable } from '../../src/render/table.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import { audit } from '../helpers/builders.js';

const demo = async () => audit(await readSnapshot(DEMO_SNAPSHOT));

describe('table and json renderers', () => {
  it('table matches the golden file (regenerate: npx vitest run -u)', async () => {
    await expect(renderTable(await demo(), { color: false, width: 160 })).toMatchFileSnapshot('../golden/demo.table.txt');
  });

  it('json matches the golden file', async () => {
    await expect(renderJson(await demo(), { color: false })).toMatchFileSnapshot('../golden/demo.audit.json');
  });

  it('colours severity only when asked', async () => {
    const result = await demo();
    expect(renderTable(result, { color: false })).not.toContain('\x1b[');
    expect(renderTable(result, { color: true })).toContain('\x1b[31m');
  });

  it('prints unknown money as "-" and never $0', () => {
    expect(formatUsd(null)).toBe('-');
    expect(formatUsd(undefined)).toBe('-');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(16029.08)).toBe('$16,029');
    expect(formatUsd(30.37)).toBe('$30.37');
  });

  it('says so when nothing matched', async () => {
    const result = await demo();
    const empty = {
      ...result,
      findings: [],
      totals: { ...result.totals, findingCount: 0, monthlySavings: 0 },
      breakdowns: { byCategory: {}, byTeam: {}, byRegion: {}, byAccount: {} },
    };
    expect(renderTable(empty, { color: false })).toContain('No findings');
  });
});

describe('json layout and streaming', () => {
  it('streams exactly the bytes the string renderer returns, for every format', async () => {
    const result = await demo();
    for (const format of OUTPUT_FORMATS) {
      const options = { color: false, width: 160, limit: 5 };
      expect(Array.from(renderChunks(format, result, options)).join(''), format).toBe(RENDERERS[format](result, options));
    }
    expect(Array.from(renderJson.chunks!(result, { color: false })).length).toBeGreaterThan(result.findings.length);
  });

  it('parses back to the same result, one finding per line', async () => {
    const result = await demo();
    const text = renderJson(result, { color: false });
    expect(AuditResultSchema.parse(JSON.parse(text))).toEqual(result);
    const findingLines = text.split('\n').filter((l) => l.startsWith('    {"id":'));
    expect(findingLines.map((l): unknown => JSON.parse(l.replace(/,$/, '')))).toEqual(JSON.parse(JSON.stringify(result.findings)));
  });

  it('writes everything but the findings as JSON.stringify(result, null, 2) does, keys in the same order', async () => {
    const result = await demo();
    const noFindings = { ...result, findings: [] };
    expect(renderJson(noFindings, { color: false })).toBe(`${JSON.stringify(noFindings, null, 2)}\n`);
    expect(Object.keys(JSON.parse(renderJson(result, { color: false })) as Record<string, unknown>)).toEqual(Object.keys(result));
  });
});

describe('table row limit', () => {
  it('shows the largest savings first and says how many are hidden', async () => {
    const result = await demo();
    const text = renderTable(result, { color: false, width: 160, limit: 2 });
    expect(text).toContain(result.findings[0]!.resource.id);
    expect(text).toContain(result.findings[1]!.resource.id);
    expect(text).not.toContain(result.findings[2]!.resource.id);
    expect(text).toContain(`... ${result.findings.length - 2} more finding(s) with smaller savings not shown`);
    expect(renderTable(result, { color: false, limit: 0 })).not.toContain('more finding(s)');
  });
});
