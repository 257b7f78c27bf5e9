import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'mlcost-gate-e2e-'));
const CURRENT = 'fixtures/gate/current.json';
const BASELINE = 'fixtures/gate/baseline.json';
const budget = (name: string) => `fixtures/gate/budgets/${name}.budget.yaml`;
const gate = (budgetName: string, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['gate', '--current', CURRENT, '--baseline', BASELINE, '--budget', budget(budgetName), ...extra], { env });

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  // The shared helper builds only when dist/ is missing; make sure this command is in the build.
  if (existsSync(join(ROOT, 'dist', 'commands', 'gate.js'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
});

describe('mlcost gate (built CLI)', () => {
  it('a passing budget: exit 0, the budgets on stdout, nothing on stderr', async () => {
    const r = await gate('passing');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^mlcost gate: passed, 8 of 8 budget\(s\) held\n/);
    expect(r.stdout).toContain('Against fixtures/gate/baseline.json: cost $20,000 -> $24,000 (+$4,000)');
    expect(r.stderr).toBe('');
  });

  it.each([
    ['cost-max', 'cost.max', 'Monthly cost in scope is $24,000/month, $2,000 over the $22,000 limit'],
    ['cost-increase', 'cost.maxIncrease.percent', 'Monthly cost in scope $20,000 -> $24,000 (+$4,000, +20.0%) against the baseline, over the 10% limit'],
    ['waste-max', 'waste.max', 'Monthly waste is $11,240/month, $1,240 over the $10,000 limit'],
    ['waste-increase', 'waste.maxIncrease.amount', 'Monthly waste $5,950 -> $11,240 (+$5,290) against the baseline, over the $2,000 limit'],
    ['waste-team', 'waste.byTeam.research', 'Monthly waste of team research is $10,000/month'],
    ['waste-any-team', 'waste.byTeam.*', 'Monthly waste of team inference is $1,200/month, $200 over the $1,000 limit'],
    ['waste-account', 'waste.byAccount.111122223333', 'Monthly waste of account 111122223333 is $10,040/month'],
    ['waste-region', 'waste.byRegion.us-west-2', 'Monthly waste of region us-west-2 is $1,200/month'],
    ['waste-category', 'waste.byCategory.idle', 'Monthly waste of category idle is $8,000/month'],
    ['new-findings', 'failOnNew', '2 new finding(s) at or above high severity against the baseline'],
  ])('broken %s budget: exit 1, says what broke and by how much', async (name, id, message) => {
    const r = await gate(name);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`BROKEN   ${message}`);
    expectOneLineError(r.stderr, new RegExp(`^mlcost: gate failed: 1 budget\\(s\\) broken: ${id.replace(/[.*]/g, '\\$&')}$`));
  });

  it('an accepted finding does not break the budget', async () => {
    const r = await gate('accepted');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('held     Monthly waste is $6,240/month, within the $7,000 limit');
    expect(r.stdout).toContain('1 accepted finding(s) left out of the waste');
  });

  it('an expired acceptance breaks it and points at the expiry line', async () => {
    const r = await gate('expired');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('past their expiry: idle-gpu-instance on i-0eee0000000000005 (expired 2020-01-31)');
    expect(r.stdout).toContain(`[${budget('expired')}:8]`);
  });

  it('--fail-on-new works without a budget file', async () => {
    const r = await runCli(['gate', '--current', CURRENT, '--baseline', BASELINE, '--fail-on-new', 'critical']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 new finding(s) at or above critical severity against the baseline  [--fail-on-new]');
    const none = await runCli(['gate', '--current', BASELINE, '--baseline', BASELINE, '--fail-on-new', 'low']);
    expect(none.code, none.stdout).toBe(0);
  });

  it('no budget and no limit flag: reports the comparison and exits 0', async () => {
    const r = await runCli(['gate', '--current', CURRENT, '--baseline', BASELINE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('no budgets to check (comparison only)');
    expect(r.stdout).toContain('2 new, 1 resolved, 1 changed finding(s)');
  });

  it('--output markdown prints the summary (same as the golden file)', async () => {
    const r = await gate('expired', ['--output', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'test/golden/gate/expired.md'), 'utf8'));
  });

  it('--output json prints the verdict and nothing else', async () => {
    const r = await gate('waste-team', ['--output', 'json']);
    expect(r.code).toBe(1);
    const doc: unknown = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      status: 'fail',
      checks: [
        { id: 'waste.byTeam.research', status: 'fail' },
        { id: 'waste.byTeam.inference', status: 'pass' },
      ],
    });
  });

  it('--summary, --junit and $GITHUB_STEP_SUMMARY get the CI files; annotations only under GitHub Actions', async () => {
    const summary = join(tmp, 'summary.md');
    const junit = join(tmp, 'gate.xml');
    const step = join(tmp, 'step-summary.md');
    writeFileSync(step, '# earlier step\n');
    const r = await gate('expired', ['--summary', summary, '--junit', junit], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: step });
    expect(r.code).toBe(1);
    const golden = readFileSync(join(ROOT, 'test/golden/gate/expired.md'), 'utf8');
    expect(readFileSync(summary, 'utf8')).toBe(golden);
    expect(readFileSync(junit, 'utf8')).toBe(readFileSync(join(ROOT, 'test/golden/gate/expired.junit.xml'), 'utf8'));
    expect(readFileSync(step, 'utf8')).toBe(`# earlier step\n${golden}\n`);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^::error file=fixtures\/gate\/budgets\/expired\.budget\.yaml,line=4,title=mlcost budget broken%3A Monthly waste::/);

    const local = await gate('expired');
    expect(local.stderr).not.toContain('::error');
    expect(local.stdout).not.toContain('::error');
  });

  it('a baseline of another scope: one line, exit 2', async () => {
    const r = await runCli(['gate', '--current', CURRENT, '--baseline', 'fixtures/gate/other-scope.json']);
    expect(r.code).toBe(2);
    expectOneLineError(
      r.stderr,
      /^mlcost: fixtures\/gate\/other-scope\.json: baseline covers regions eu-west-1 but .*current\.json covers us-east-1, us-west-2; compare audits of the same scope$/,
    );
  });

  it('a baseline of another schema version: one line, exit 2', async () => {
    const old = join(tmp, 'v0.json');
    writeFileSync(old, JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, BASELINE), 'utf8')), schemaVersion: 0 }));
    const r = await runCli(['gate', '--current', CURRENT, '--baseline', old]);
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /v0\.json: unsupported audit result schemaVersion 0/);
  });

  it('spend limits hold a spend report (--spend) to the budget: total, week over week, per team', async () => {
    const r = await runCli(['gate', '--current', CURRENT, '--budget', budget('spend'), '--spend', 'fixtures/billing/spend-by-team.json']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('held     Effective spend is $18,952 over 61 days (2026-09-01 to 2026-10-31), within the $20,000 limit');
    expect(r.stdout).toContain(
      'BROKEN   Effective spend $2,649 -> $8,649 (+$6,000, +226.5%) in the latest 7 days of billing data against the 7 before, over the 50% limit',
    );
    expect(r.stdout).toContain('BROKEN   Effective spend of team training is $16,416 over 61 days (2026-09-01 to 2026-10-31), $1,416 over the $15,000 limit');
    expect(r.stdout).toContain('held     Effective spend of team ml-research is $1,537 over 61 days');
    expectOneLineError(r.stderr, /^mlcost: gate failed: 2 budget\(s\) broken: spend\.maxIncrease\.percent, spend\.byTeam\.training$/);
  });

  it('spend limits the report cannot answer stop the gate: no --spend, a report not grouped by the dimension, not a spend report (exit 2)', async () => {
    const none = await runCli(['gate', '--current', CURRENT, '--budget', budget('spend')]);
    expect(none.code).toBe(2);
    expectOneLineError(none.stderr, /^mlcost: fixtures\/gate\/budgets\/spend\.budget\.yaml:\d+: the budget limits spend, but no --spend FILE was given/);
    const byAccount = join(tmp, 'by-account.budget.yaml');
    writeFileSync(byAccount, 'spend:\n  byAccount:\n    "111122223333": 1000\n');
    const ungrouped = await runCli(['gate', '--current', CURRENT, '--budget', byAccount, '--spend', 'fixtures/billing/spend-by-team.json']);
    expect(ungrouped.code).toBe(2);
    expectOneLineError(
      ungrouped.stderr,
      /by-account\.budget\.yaml:\d+: spend\.byAccount needs a spend report grouped by account; fixtures\/billing\/spend-by-team\.json is grouped by team/,
    );
    const notSpend = await runCli(['gate', '--current', CURRENT, '--budget', budget('spend'), '--spend', CURRENT]);
    expect(notSpend.code).toBe(2);
    expectOneLineError(notSpend.stderr, /current\.json: not a spend report; write one with `mlcost spend --output json`$/);
  });

  it('a spend report with no spend limits in the budget is a warning, not a silent no-op', async () => {
    const r = await runCli([
      'gate',
      '--current',
      CURRENT,
      '--budget',
      budget('passing'),
      '--baseline',
      BASELINE,
      '--spend',
      'fixtures/billing/spend-by-team.json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('mlcost: warning: fixtures/billing/spend-by-team.json is not checked: the budget has no `spend` limits\n');
  });

  it('malformed budget YAML: file and line, exit 2', async () => {
    const r = await gate('malformed');
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: fixtures\/gate\/budgets\/malformed\.budget\.yaml:5:\d+: invalid YAML: /);
    expect(r.stdout).toBe('');
  });

  it('an invalid budget value: file and line, exit 2', async () => {
    const r = await gate('invalid');
    expect(r.code).toBe(2);
    expectOneLineError(r.stderr, /^mlcost: fixtures\/gate\/budgets\/invalid\.budget\.yaml:5:\d+: invalid budget: waste\.byTeam\.research: /);
  });

  it('missing files and bad flags: one line, exit 2', async () => {
    const missing = await runCli(['gate', '--current', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, /nope\.json: cannot read audit result/);
    const noBudget = await runCli(['gate', '--current', CURRENT, '--budget', join(tmp, 'nope.yaml')]);
    expect(noBudget.code).toBe(2);
    expectOneLineError(noBudget.stderr, /nope\.yaml: budget file not found/);
    const badFlag = await runCli(['gate', '--current', CURRENT, '--fail-on-new', 'severe']);
    expect(badFlag.code).toBe(2);
    const noCurrent = await runCli(['gate']);
    expect(noCurrent.code).toBe(2);
    expectOneLineError(noCurrent.stderr, /^mlcost: missing --current FILE: the audit result to check/);
  });
});
