import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import type { AuditResult } from '../../src/engine/result.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'mlcost-totals-'));
const demo = (): AuditResult => JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 'demo.audit.json'), 'utf8')) as AuditResult;
const saved = (name: string, r: AuditResult): string => {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(r));
  return p;
};

/** report and gate print the saved totals: a file whose totals are not its findings' is refused, not trusted. */
describe('saved totals are checked against the findings', () => {
  it('reads a result whose totals are its findings', async () => {
    expect((await readAuditResult(saved('ok.json', demo()))).totals).toEqual(demo().totals);
  });

  it('refuses a savings total the findings do not add up to', async () => {
    const r = demo();
    const sum = r.totals.monthlySavings;
    r.totals.monthlySavings = 92277;
    const p = saved('savings.json', r);
    await expect(readAuditResult(p)).rejects.toThrow(
      `${p}: invalid audit result: totals.monthlySavings is 92277 but the findings add up to ${sum.toFixed(2)}; the file was edited or cut short`,
    );
  });

  it('refuses a finding count that is not the number of findings, and a finding listed twice', async () => {
    const short = demo();
    short.findings.pop();
    await expect(readAuditResult(saved('count.json', short))).rejects.toThrow(/totals\.findingCount is \d+ but the file lists \d+ findings/);
    const twice = demo();
    const first = twice.findings[0]!;
    twice.findings.push(first);
    twice.totals.findingCount += 1;
    twice.totals.monthlySavings = Math.round((twice.totals.monthlySavings + (first.monthlySavings ?? 0)) * 100) / 100;
    await expect(readAuditResult(saved('twice.json', twice))).rejects.toThrow(`finding ${JSON.stringify(first.id)} is listed twice`);
  });
});
