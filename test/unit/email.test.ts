import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { composeWeeklyEmail } from '../../src/email/compose.js';
import { Raster } from '../../src/email/png.js';
import { renderSubject } from '../../src/email/subject.js';
import { readSpendReport } from '../../src/billing/report-read.js';
import { readAuditResult } from '../../src/engine/result-io.js';
import { buildView } from '../../src/render/report/view.js';

const fixture = (name: string) => readAuditResult(join(import.meta.dirname, '..', '..', 'fixtures', 'results', name));
const SUBJECT = 'mlcost weekly: {{savings}}/month of savings found';

describe('weekly email', () => {
  it('HTML and text parts match the golden files', async () => {
    const email = composeWeeklyEmail(await fixture('weekly.json'), { previous: await fixture('previous.json'), subject: SUBJECT });
    await expect(email.html).toMatchFileSnapshot('../golden/report/weekly.email.html');
    await expect(email.text).toMatchFileSnapshot('../golden/report/weekly.email.txt');
  });

  it('is email-client-safe: inline styles and tables, no SVG, no <style>, no scripts; hostile values escaped', async () => {
    const { html } = composeWeeklyEmail(await fixture('weekly.json'), { subject: SUBJECT });
    expect(html).not.toMatch(/<svg|<style|<script|<link|class="/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toContain('src="cid:spend-bar@mlcost"');
  });

  it('with a spend report, both parts show the billed spend trend, still email-client-safe', async () => {
    const spend = { file: 'spend.json', report: await readSpendReport(join(import.meta.dirname, '..', '..', 'fixtures', 'billing', 'spend-by-team.json')) };
    const email = composeWeeklyEmail(await fixture('weekly.json'), { previous: await fixture('previous.json'), spend, subject: SUBJECT });
    expect(email.html).toContain('Billed spend, 2026-09-01 to 2026-10-31, 61 days');
    expect(email.html).toContain('+$6,000');
    expect(email.html).not.toMatch(/<svg|<style|<script|<link|class="/i);
    expect(email.text).toContain('Billed spend, 2026-09-01 to 2026-10-31, 61 days: $18,952 effective');
    expect(email.text).toContain('  last 7 days    +$6,000 ($8,649 against $2,649, +226.5%)');
    expect(email.text).toContain('  +$6,000  training ($2,352 -> $8,352)');
    expect(email.report.html).toContain('data-kpi="spend"');
  });

  it('attaches the spend bar by CID and the full HTML report', async () => {
    const email = composeWeeklyEmail(await fixture('weekly.json'), { subject: SUBJECT });
    expect(email.attachments.map((a) => [a.filename, a.contentType, a.cid])).toEqual([
      ['spend.png', 'image/png', 'spend-bar@mlcost'],
      ['mlcost-report-2026-11-27.html', 'text/html; charset=utf-8', undefined],
    ]);
    expect(email.report.html).toContain('<svg');
  });

  it('an empty result still mails, without a chart', async () => {
    const email = composeWeeklyEmail(await fixture('empty.json'), { subject: SUBJECT });
    expect(email.html).toContain('No findings');
    expect(email.attachments.map((a) => a.filename)).toEqual(['mlcost-report-2026-11-27.html']);
  });

  it('subject: fields fill in, line breaks cannot inject headers, unknown fields are a config error', async () => {
    const view = buildView(await fixture('weekly.json'), { previous: await fixture('previous.json') });
    expect(renderSubject('{{date}}: {{savings}} ({{new}} new, {{resolved}} resolved)', view)).toBe('2026-11-27: $65,251 (4 new, 2 resolved)');
    expect(renderSubject('a\r\nBcc: x@evil.test {{accounts}}', view)).toBe('a Bcc: x@evil.test 111122223333, 444455556666');
    expect(() => renderSubject('{{savigns}}', view)).toThrow(/email.subject in mlcost.config.yaml: .*savigns.* \(fields: savings, cost/);
  });

  it('the PNG encoder writes a valid image with the pixels asked for', () => {
    const raster = new Raster(4, 2, [255, 255, 255]);
    raster.fill(0, 0, 2, 2, [11, 110, 79]);
    const png = raster.toPng();
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([4, 2]);
    const idatLen = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    // Row 0: filter byte, then two green pixels and two white ones.
    expect([...raw.subarray(0, 13)]).toEqual([0, 11, 110, 79, 11, 110, 79, 255, 255, 255, 255, 255, 255]);
  });
});
