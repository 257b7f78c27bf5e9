import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBilledRates } from '../../src/engine/billed-rates.js';
import { AuditResultSchema } from '../../src/engine/result.js';
import { readSnapshot } from '../../src/snapshot/io.js';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { audit } from '../helpers/builders.js';
import { ROOT, runCli } from '../helpers/cli.js';

describe('audit --billing: findings priced with the rates actually billed', () => {
  it('reprices the demo p5.48xlarge with the CUR fixture rate for its type and region', async () => {
    const r = await runCli(['audit', '--demo', '--billing', join(ROOT, 'fixtures', 'billing', 'cur2.parquet'), '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const result = AuditResultSchema.parse(JSON.parse(r.stdout));
    const f = result.findings.find((x) => x.resource.id === 'i-0a1d1e8gpu0000002')!;
    // billed p5.48xlarge in us-east-1: $50.00/h effective (list $55.04): 50 x 730 = 36,500
    expect(f.monthlyCost).toBe(36500);
    // downsize saving (55.04 - 6.88) x 730 = 35,156.80, scaled by 36,500 / 40,179.20 = 31,937.50
    expect(f.monthlySavings).toBe(31937.5);
    expect(f.pricing.method).toContain('scaled to the billed effective rate (0.91 x list, p5.48xlarge|us-east-1 in the bill)');
    expect(f.evidence['billedRate']).toMatchObject({ basis: 'type-region', key: 'p5.48xlarge|us-east-1', hourlyEffective: 50 });
  });

  it('shows what empty capacity billed next to the estimate, in Markdown and HTML as in JSON', async () => {
    const bill = join(ROOT, 'fixtures', 'billing', 'capacity-focus.csv');
    const line = 'billed unused: $26,800 over 14 days ($58,226/month); estimated $80,358/month';
    for (const [output, shown] of [
      ['markdown', line.replace(/\$/g, '\\$')],
      ['html', line],
    ] as const) {
      const r = await runCli(['audit', '--demo', '--billing', bill, '--output', output]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(shown);
    }
  });

  it('a FOCUS file without CapacityReservationStatus: one warning in the result, exit 0', async () => {
    const r = await runCli(['audit', '--demo', '--billing', join(ROOT, 'fixtures', 'billing', 'focus.csv'), '--output', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const result = AuditResultSchema.parse(JSON.parse(r.stdout));
    expect(result.warnings.filter((w) => w.code === 'billing-cannot-tell').map((w) => w.message)).toEqual([
      expect.stringContaining('cannot tell what empty capacity reservations billed'),
    ]);
    expect(r.stdout).not.toContain('billed unused');
  });

  it('a billing file that is not billing data: one line, exit 2', async () => {
    const r = await runCli(['audit', '--demo', '--billing', join(ROOT, 'fixtures', 'billing', 'malformed.parquet')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prefers the instance’s own billed rate and keeps totals consistent', async () => {
    const snapshot = await readSnapshot(DEMO_SNAPSHOT);
    const result = await audit(snapshot);
    const idle = result.findings.find((x) => x.ruleId === 'idle-gpu-instance')!;
    const rates = {
      lookup: (q: { resourceId?: string }) =>
        q.resourceId === idle.resource.id
          ? { hourlyEffective: 10, hours: 336, basis: 'resource' as const, key: idle.resource.id, pricingModels: ['savings-plan'] }
          : undefined,
    };
    const priced = applyBilledRates(result, snapshot, rates, 'test bill');
    const f = priced.findings.find((x) => x.id === idle.id)!;
    expect(f.monthlyCost).toBe(7300);
    expect(f.monthlySavings).toBe(7300); // a stop saves everything the instance bills
    expect(priced.totals.monthlySavings).toBe(Math.round((result.totals.monthlySavings - idle.monthlySavings! + 7300) * 100) / 100);
    expect(priced.totals.monthlyCost).toBe(Math.round((result.totals.monthlyCost - idle.monthlyCost! + 7300) * 100) / 100);
  });
});
