import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { findChromium } from '../../scripts/test-setup.js';
import { audit, END } from '../helpers/builders.js';
import { planSnapshot, savingsPlan } from '../helpers/plan-fixture.js';

const CHROMIUM = findChromium(process.env) ?? process.env['MLCOST_CHROMIUM'] ?? '/usr/bin/chromium';

describe('the commitment plan in the HTML report, in headless Chromium', () => {
  let browser: Browser | undefined;
  let file: string;

  beforeAll(async () => {
    const snapshot = planSnapshot({ withExpiringRi: true });
    snapshot.resources.savingsPlans.push(
      savingsPlan({ id: 'sp-sm', type: 'SageMaker', commitmentPerHour: 1, end: new Date(END.getTime() + 300 * 86_400_000).toISOString() }),
    );
    file = join(mkdtempSync(join(tmpdir(), 'mlcost-plan-html-')), 'report.html');
    writeFileSync(file, renderHtml(await audit(snapshot), { color: false }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the recommended commitment with its saving and break-even, and the expiring RI, with no console errors', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} not found`).toBe(true);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const section = page.locator('[data-section="commitment-plan"]');
    await section.scrollIntoViewIfNeeded();
    await expect(section.isVisible()).resolves.toBe(true);
    const line = page.locator('[data-plan-line="g5 us-east-1"]');
    await expect(line.locator('[data-plan-saves]').innerText()).resolves.toBe('$294');
    await expect(line.locator('[data-plan-break-even]').innerText()).resolves.toBe('month 7.2 of 12');
    await expect(line.innerText()).resolves.toMatch(/1-year Reserved Instance, partial upfront: 1 x g5\.xlarge, \$0\.6036\/h committed/);
    await expect(page.locator('[data-expiring]').innerText()).resolves.toMatch(/1 x p4d\.24xlarge RI .* expires within 60 days; filled after the findings: 0%/);
    await expect(page.locator('[data-plan-summary]').innerText()).resolves.toMatch(/\$22\.96\/h today, \$1\.01\/h once the findings above are applied/);
    expect(problems).toEqual([]);
  });

  it('sets Cost Explorer’s recommendation beside ours, with the usage the findings removed, and the Savings Plans coverage per line', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const ce = page.locator('[data-plan-cost-explorer]');
    await ce.scrollIntoViewIfNeeded();
    await expect(ce.isVisible()).resolves.toBe(true);
    await expect(ce.locator('[data-ce-theirs]').innerText()).resolves.toBe('$14.50/h, saves $4,400/month');
    await expect(ce.locator('[data-ce-ours]').innerText()).resolves.toBe('$0.6036/h, saves $294/month');
    await expect(ce.innerText()).resolves.toContain('$21.96/h of on-demand usage the findings above stop, shrink or move to Spot');
    await expect(page.locator('[data-plan-line="g5 us-east-1"] [data-plan-sp-covered]').innerText()).resolves.toBe('$0.00/h');
    await expect(page.locator('.plan').innerText()).resolves.toMatch(/SageMaker Savings Plan \(111122223333\), ends .*; filled after the findings: 0%/);
  });
});
