import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/billing/period.js';
import { buildSpendReport } from '../../src/billing/report.js';
import type { DailySpend } from '../../src/billing/model.js';
import { BudgetSchema } from '../../src/gate/budget-schema.js';
import { spendChecks } from '../../src/gate/checks/spend.js';
import { readSpendReport } from '../../src/billing/report-read.js';
import { setPath } from '../helpers/json-path.js';

const tmp = mkdtempSync(join(tmpdir(), 'mlcost-gate-spend-'));
const locate = (path: readonly (string | number)[]) => ({ label: `budget.yaml:${path.join('.')}` });

/** `days` days of spend from 2026-10-01 for two services in two teams (one untagged). */
function report(days: number, by: ('service' | 'team')[]) {
  const rows: DailySpend[] = [];
  for (let d = 0; d < days; d++) {
    const day = addDays('2026-10-01', d);
    const keyed = (service: string, team: string | null) => by.map((dim) => (dim === 'service' ? service : team));
    rows.push({ day, keys: keyed('Amazon Elastic Compute Cloud', 'training'), billed: 100, effective: 100, list: 120 });
    rows.push({ day, keys: keyed('Amazon Elastic Compute Cloud', null), billed: 10, effective: 10, list: 12 });
    rows.push({ day, keys: keyed('Amazon Simple Storage Service', 'training'), billed: 5, effective: d >= days - 7 ? 20 : 5, list: 5 });
  }
  const built = buildSpendReport(rows, { source: { kind: 'cur', engine: 'duckdb', where: 'cur.parquet' }, by });
  const file = join(tmp, `spend-${days}-${by.join('-')}.json`);
  writeFileSync(file, JSON.stringify(built, null, 2));
  return file;
}

describe('gate spend limits', () => {
  it('reads what `mlcost spend --output json` writes (the spend report as built)', async () => {
    const file = report(21, ['service', 'team']);
    const r = await readSpendReport(file);
    expect(r.window).toEqual({ start: '2026-10-01', end: '2026-10-22', days: 21 });
    expect(r.totals.effective).toBe(21 * 115 + 7 * 15);
  });

  it('a window that is not calendar days is invalid input (one line), not a crash later', async () => {
    const file = report(21, ['service']);
    const broken: unknown = JSON.parse(readFileSync(file, 'utf8'));
    setPath(broken, 'window.end', '2026-13-45');
    writeFileSync(file, JSON.stringify(broken));
    await expect(readSpendReport(file)).rejects.toThrow(/spend-21-service\.json: invalid spend report: window\.end: not a calendar date/);
  });

  it('a limited name the report does not have holds at $0, and says so (a typo is visible)', async () => {
    const file = report(21, ['team']);
    const budget = BudgetSchema.parse({ spend: { byTeam: { trainnig: 100 } } });
    const [check] = spendChecks(budget.spend, { file, report: await readSpendReport(file) }, locate);
    expect(check?.status).toBe('pass');
    expect(check?.message).toMatch(/\(the spend report has no team trainnig\)$/);
  });

  it('sums a report grouped by several dimensions per limited dimension; untagged spend is "(untagged)"', async () => {
    const file = report(21, ['service', 'team']);
    const budget = BudgetSchema.parse({ spend: { byTeam: { training: 2000, '*': 200 }, byService: { 'Amazon Simple Storage Service': 100 } } });
    const checks = spendChecks(budget.spend, { file, report: await readSpendReport(file) }, locate);
    expect(checks.map((c) => [c.id, c.status, c.actual])).toEqual([
      ['spend.byTeam.training', 'fail', 21 * 105 + 7 * 15],
      ['spend.byTeam.*', 'fail', 210],
      ['spend.byService.Amazon Simple Storage Service', 'fail', 21 * 5 + 7 * 15],
    ]);
    expect(checks[1]?.message).toBe('Effective spend of team (untagged) is $210 over 21 days (2026-10-01 to 2026-10-21), $10.00 over the $200 limit');
  });

  it('week over week needs two weeks of data: skipped, not passed, before that', async () => {
    const budget = BudgetSchema.parse({ spend: { maxIncrease: { percent: 5, amount: 50 } } });
    const short = report(10, ['service']);
    expect(spendChecks(budget.spend, { file: short, report: await readSpendReport(short) }, locate).map((c) => [c.id, c.status, c.message])).toEqual([
      ['spend.maxIncrease.percent', 'skip', 'Effective spend increase (%): the billing data holds less than two weeks'],
      ['spend.maxIncrease.amount', 'skip', 'Effective spend increase ($): the billing data holds less than two weeks'],
    ]);
    const long = report(21, ['service']);
    const checks = spendChecks(budget.spend, { file: long, report: await readSpendReport(long) }, locate);
    // Storage rose from $5 to $20 a day in the last week: +$105 on $805.
    expect(checks.map((c) => [c.id, c.status, c.actual])).toEqual([
      ['spend.maxIncrease.percent', 'fail', 13],
      ['spend.maxIncrease.amount', 'fail', 105],
    ]);
  });
});
