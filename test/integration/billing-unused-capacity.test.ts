import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBilledRates } from '../../src/billing/billed-rates.js';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { applyBilledRates } from '../../src/engine/billed-rates.js';
import { AuditResultSchema } from '../../src/engine/result.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import { audit } from '../helpers/builders.js';
import { ROOT } from '../helpers/cli.js';

const FIX = join(ROOT, 'fixtures', 'billing');
const LAUNCH = 'cr-0a1d1e8p5launch01';
const BLOCK = 'cr-0a1d1e8p5block001';
const FULL = 'cr-0fullyused0000001';

// scripts/make-capacity-billing-fixtures.ts, Nov 6–20 2026 (14 days):
// launch: 12 days x 40 empty h x $50 billed; the last 2 days covered by a Savings Plan (billed 0, effective 40 x $35).
const LAUNCH_BILLED = 12 * 2000; // 24,000
const LAUNCH_EFFECTIVE = 12 * 2000 + 2 * 1400; // 26,800
// 26,800 over 14 x 24 h, x 730 h: 58,226.19 a month.
const LAUNCH_MONTHLY = 58226.19;

describe('billing cross-check: what empty capacity reservations billed, through DuckDB', () => {
  it.each(['capacity-focus.csv', 'capacity-cur2.csv', 'capacity-cur2-usage-types.csv'])(
    '%s: unused cost per reservation over the file’s 14 days',
    async (file) => {
      const { unusedCapacity } = await readBilledRates([join(FIX, file)]);
      if (!unusedCapacity?.known) throw new Error(`expected a known cross-check, got ${JSON.stringify(unusedCapacity)}`);
      expect(unusedCapacity).toMatchObject({ start: '2026-11-06T00:00:00.000Z', end: '2026-11-20T00:00:00.000Z', days: 14 });
      expect(unusedCapacity.byReservation.get(LAUNCH)).toEqual({ billed: LAUNCH_BILLED, effective: LAUNCH_EFFECTIVE, hours: 14 * 40 });
      // Used every hour: in the bill, with nothing empty — a real $0, unlike a reservation the file never mentions.
      expect(unusedCapacity.byReservation.get(FULL)).toEqual({ billed: 0, effective: 0, hours: 0 });
      // The usage-type shape has no Capacity Block lines; the column shapes do (5 days x 48 h x $40).
      expect(unusedCapacity.byReservation.get(BLOCK)).toEqual(file.includes('usage-types') ? undefined : { billed: 9600, effective: 9600, hours: 240 });
      expect([...unusedCapacity.byReservation.keys()].every((k) => k.startsWith('cr-'))).toBe(true);
    },
  );

  it.each([
    ['focus.csv', /focus\.csv: cannot tell what empty capacity reservations billed: it has no CapacityReservationStatus column \(FOCUS 1\.1 or later/],
    ['cur2-no-resource-id.parquet', /neither capacity_reservation_capacity_reservation_status .* nor line_item_resource_id/],
  ])('%s: without the columns the file cannot tell', async (file, reason) => {
    const { unusedCapacity } = await readBilledRates([join(FIX, file)]);
    expect(unusedCapacity?.known).toBe(false);
    expect(unusedCapacity && !unusedCapacity.known ? unusedCapacity.reason : '').toMatch(reason);
  });

  it('a period end DuckDB reads as infinity: cannot tell the period, said once, never a number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mlcost-capacity-bill-'));
    try {
      const lines = (await readFile(join(FIX, 'capacity-focus.csv'), 'utf8')).split('\n');
      lines[1] = lines[1]!.replace('2026-11-07T00:00:00.000Z', 'infinity');
      const file = join(dir, 'bill.csv');
      await writeFile(file, lines.join('\n'));
      const { unusedCapacity } = await readBilledRates([file]);
      expect(unusedCapacity).toEqual({
        known: false,
        reason: expect.stringMatching(/bill\.csv: cannot tell the billing period: unreadable dates "2026-11-06 00:00:00" to "infinity"/) as string,
      });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('a CUR 2.0 with resource ids but no reservation lines: known, and no reservation in it', async () => {
    const { unusedCapacity } = await readBilledRates([join(FIX, 'cur2.csv')]);
    expect(unusedCapacity).toMatchObject({ known: true });
    expect(unusedCapacity?.known && unusedCapacity.byReservation.size).toBe(0);
  });
});

describe('billing cross-check on the findings', () => {
  it('puts billed unused next to the estimate on the unused reservation and the Capacity Block', async () => {
    const snapshot = await readSnapshot(DEMO_SNAPSHOT);
    const result = await audit(snapshot);
    const rates = await readBilledRates([join(FIX, 'capacity-focus.csv')]);
    const checked = AuditResultSchema.parse(applyBilledRates(result, snapshot, rates, 'bill.csv'));
    const unused = checked.findings.find((f) => f.resource.id === LAUNCH)!;
    const before = result.findings.find((f) => f.resource.id === LAUNCH)!;
    const estimate = before.evidence['unusedMonthlyCost'] as number;
    expect(unused.evidence['billedUnused']).toEqual({
      inBill: true,
      effectiveUsd: LAUNCH_EFFECTIVE,
      billedUsd: LAUNCH_BILLED,
      unusedInstanceHours: 560,
      days: 14,
      monthly: LAUNCH_MONTHLY,
      estimatedMonthly: estimate,
      period: '2026-11-06 to 2026-11-20',
      source: 'bill.csv',
    });
    expect(unused.problem).toBe(
      `${before.problem}; billed unused: $26,800 over 14 days ($58,226/month); estimated ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(estimate)}/month`,
    );
    // The cross-check shows, it does not reprice (the file's p5 BoxUsage lines do reprice the demo's p5 instances).
    expect([unused.monthlySavings, unused.monthlyCost]).toEqual([before.monthlySavings, before.monthlyCost]);
    const block = checked.findings.find((f) => f.resource.id === BLOCK)!;
    expect(block.evidence['billedUnused']).toMatchObject({ inBill: true, effectiveUsd: 9600, monthly: 20857.14, estimatedMonthly: null });
    expect(block.problem).toMatch(/; billed unused: \$9,600 over 14 days \(\$20,857\/month\)$/);
    expect(checked.warnings.filter((w) => w.code === 'billing-cannot-tell')).toEqual([]);
  });

  it('a reservation the bill does not mention says so, with no number', async () => {
    const snapshot = await readSnapshot(DEMO_SNAPSHOT);
    const rates = await readBilledRates([join(FIX, 'capacity-cur2-usage-types.csv')]);
    const checked = applyBilledRates(await audit(snapshot), snapshot, rates, 'cur.csv');
    const block = checked.findings.find((f) => f.resource.id === BLOCK)!;
    expect(block.evidence['billedUnused']).toEqual({ inBill: false, period: '2026-11-06 to 2026-11-20', source: 'cur.csv' });
    expect(block.problem).not.toContain('billed unused');
  });

  it('a file that cannot tell: one warning, and no finding says $0', async () => {
    const snapshot = await readSnapshot(DEMO_SNAPSHOT);
    const rates = await readBilledRates([join(FIX, 'focus.csv')]);
    const result = await audit(snapshot);
    const checked = applyBilledRates(result, snapshot, rates, 'focus.csv');
    expect(checked.warnings.filter((w) => w.code === 'billing-cannot-tell')).toHaveLength(1);
    expect(checked.warnings.length).toBe(result.warnings.length + 1);
    expect(checked.findings.some((f) => 'billedUnused' in f.evidence)).toBe(false);
  });
});
