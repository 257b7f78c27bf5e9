import { describe, expect, it } from 'vitest';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
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
    expect(renderTable(result, { color: false })).not.toMatch(/\x1b\[/);
    expect(renderTable(result, { color: true })).toMatch(/\x1b\[31m/);
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
    const empty = { ...result, findings: [], totals: { ...result.totals, findingCount: 0, monthlySavings: 0 }, breakdowns: { byCategory: {}, byTeam: {}, byRegion: {}, byAccount: {} } };
    expect(renderTable(empty, { color: false })).toContain('No findings');
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
