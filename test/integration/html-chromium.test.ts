import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { findChromium } from '../../scripts/test-setup.js';

/** The slice of the DOM the page-side callbacks below use: the type check runs without the DOM library. */
interface PageElement {
  getAttribute(name: string): string | null;
  ownerDocument: { defaultView: { getComputedStyle(e: PageElement): { overflowX: string } } | null };
}

/** The one npm test's setup found or installed (scripts/test-setup.ts). Missing Chromium fails this test: it must never silently skip. */
const CHROMIUM = findChromium(process.env) ?? process.env['MLCOST_CHROMIUM'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const RESULT = join(ROOT, 'fixtures', 'results', 'weekly.json');
const PREVIOUS = join(ROOT, 'fixtures', 'results', 'previous.json');
const SPEND = join(ROOT, 'fixtures', 'billing', 'spend-by-team.json');

describe('HTML report in headless Chromium', () => {
  let browser: Browser | undefined;
  let file: string;
  const installed = existsSync(CHROMIUM);
  const open = async (viewport?: { width: number; height: number }) => {
    if (browser === undefined) throw new Error(`no browser: ${CHROMIUM} is missing`);
    return browser.newPage(viewport ? { viewport } : {});
  };

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'mlcost-html-')), 'report.html');
    const r = await runCli(['report', RESULT, '--previous', PREVIOUS, '--spend', SPEND, '--output', 'html', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    if (!installed) return;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('Chromium is installed', () => {
    expect(installed, `${CHROMIUM} not found: install it with \`apt-get install -y chromium\` (or set MLCOST_CHROMIUM)`).toBe(true);
  });

  it('renders with no console errors and no network requests; headline, chart and findings visible', async () => {
    const page = await open({ width: 1280, height: 900 });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (req) => {
      if (req.url() !== pathToFileURL(file).href) requests.push(req.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const result = await readAuditResult(RESULT);
    await expect(page.locator('[data-kpi="monthly-cost"]').innerText()).resolves.toBe('$146,210');
    await expect(page.locator('[data-kpi="monthly-savings"]').innerText()).resolves.toBe('$65,251');
    await expect(page.locator('[data-kpi="monthly-savings"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('.top-move').count()).resolves.toBe(3);
    // Billed spend beside the audit (--spend): the trend, week over week, and the GPU line.
    await expect(page.locator('[data-kpi="spend"]').innerText()).resolves.toBe('$18,952');
    await expect(page.locator('[data-kpi="spend-week"]').innerText()).resolves.toBe('+$6,000');
    await expect(page.locator('[data-kpi="spend-gpu"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('section.spend').innerText()).resolves.toContain('+$6,000 training ($2,352 -> $8,352)');

    // One mark per recommended move that has a price and a capacity to plot.
    const chartable = result.findings.filter((f) => f.tradeoff.before !== undefined && f.monthlyCost !== null && f.monthlySavings !== null);
    const marks = page.locator('svg g.move');
    await expect(marks.count()).resolves.toBe(chartable.length);
    const ids = await marks.evaluateAll((els: PageElement[]) => els.map((e) => e.getAttribute('data-move')));
    expect(ids.sort()).toEqual(chartable.map((f) => f.id).sort());
    const box = await page.locator('figure.chart svg').first().boundingBox();
    expect(box?.width).toBeGreaterThan(600);

    await expect(page.locator('.findings-table tbody tr').count()).resolves.toBe(result.findings.length);
    // Hostile tag values arrive as text, not markup.
    await expect(page.locator('.findings-table').innerText()).resolves.toContain("<script>alert('xss')</script>");
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(0);

    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'report-weekly.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('prints to PDF (A4) without losing the findings', async () => {
    const page = await open();
    await page.goto(pathToFileURL(file).href);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.table-scroll').evaluate((e: PageElement) => e.ownerDocument.defaultView?.getComputedStyle(e).overflowX)).resolves.toBe(
      'visible',
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
