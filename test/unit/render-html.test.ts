import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { renderHtml } from '../../src/render/html.js';
import { MAX_MARKS } from '../../src/render/report/chart.js';
import { syntheticResult } from '../../bench/render/synthetic-result.js';

const fixture = (name: string) => readAuditResult(join(import.meta.dirname, '..', '..', 'fixtures', 'results', name));
const weekly = async () => renderHtml(await fixture('weekly.json'), { color: false, previous: await fixture('previous.json') });

describe('html renderer', () => {
  it('matches the golden file (regenerate: npx vitest run -u)', async () => {
    await expect(await weekly()).toMatchFileSnapshot('../golden/report/weekly.html');
  });

  it('escapes every hostile tag value: no markup from AWS reaches the page', async () => {
    const html = await weekly();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>now/);
    expect(html).toContain('&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    // Attribute values cannot be broken out of either: the finding id lands in data-move.
    expect(html).not.toMatch(/\sonerror=/i);
  });

  it('is self-contained: nothing is fetched, nothing runs', async () => {
    const html = await weekly();
    expect(html).not.toMatch(/\s(src|href)="(?!data:|#)/i);
    expect(html).not.toMatch(/url\((?!#)|@import|<link rel="stylesheet"|<iframe|<object/i);
    expect(html).toContain("default-src 'none'");
  });

  it('draws one chart mark per move with a price and a capacity', async () => {
    const result = await fixture('weekly.json');
    const html = renderHtml(result, { color: false });
    const marks = html.match(/<g class="move /g) ?? [];
    // 15 findings: the elastic IP has no capacity and the SageMaker endpoint no price.
    expect(marks).toHaveLength(13);
    expect(html).toContain('2 move(s) not drawn');
    for (const f of result.findings.filter((x) => x.tradeoff.before && x.monthlyCost !== null)) {
      expect(html).toContain(`data-move="${f.id}"`);
    }
  });

  it('shows unknown money as "-" and the headline numbers', async () => {
    const html = await weekly();
    expect(html).toContain('data-kpi="monthly-cost">$146,210<');
    expect(html).toContain('data-kpi="monthly-savings">$65,251<');
    expect(html).toMatch(/<td class="num">-<\/td><td class="num saving">-<\/td>/);
    expect(html).not.toContain('$0.00</td>');
  });

  it('shows the week-over-week view only with a previous result', async () => {
    expect(await weekly()).toContain('Since the last report (2026-11-20)');
    expect(renderHtml(await fixture('weekly.json'), { color: false })).not.toContain('Since the last report');
  });

  it('says so when nothing matched', async () => {
    const html = renderHtml(await fixture('empty.json'), { color: false });
    expect(html).toContain('No findings: nothing in scope matched a rule.');
    expect(html).not.toContain('<svg');
  });

  it('caps the chart and drops evidence past the detailed rows on a 10,000-finding result', () => {
    const html = renderHtml(syntheticResult(10_000), { color: false });
    expect(html.match(/<g class="move /g)).toHaveLength(MAX_MARKS);
    expect(html).toContain('only the largest 250 are charted');
    expect(html).toContain('The last 9500 findings are listed without evidence');
    expect(html.match(/<tr class="row-|<tr id="f-/g)).toHaveLength(10_000);
    expect(Buffer.byteLength(html)).toBeLessThan(10 * 1024 * 1024);
  });
});
