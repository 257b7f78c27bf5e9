import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/engine/result.js';
import { readAuditResult } from '../../src/engine/result-io.js';
import { BudgetSchema } from '../../src/gate/budget-schema.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { readGateInput } from '../../src/gate/inputs.js';
import type { Verdict } from '../../src/gate/verdict.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const BUDGETS = 'fixtures/gate/budgets';
const current = { file: 'current.json', result: await readAuditResult('fixtures/gate/current.json') };
const baseline = { file: 'baseline.json', result: await readAuditResult('fixtures/gate/baseline.json') };

async function gateWith(budget: string, opts: { baseline?: boolean; failOnNew?: Severity } = {}): Promise<Verdict> {
  const input = await readGateInput(
    {
      current: 'fixtures/gate/current.json',
      ...(opts.baseline !== false ? { baseline: 'fixtures/gate/baseline.json' } : {}),
      budget: `${BUDGETS}/${budget}.budget.yaml`,
      ...(opts.failOnNew ? { failOnNew: opts.failOnNew } : {}),
    },
    NOW,
  );
  return evaluateGate(input);
}

/** A budget written inline, for the edge cases the fixtures do not cover. */
function gateInline(raw: unknown, withBaseline = true, now = NOW): Verdict {
  const budget = BudgetSchema.parse(raw);
  return evaluateGate({
    current,
    ...(withBaseline ? { baseline } : {}),
    budget: { file: 'inline.yaml', loaded: { budget, locate: () => ({ label: 'inline.yaml' }) } },
    now,
  });
}

const statuses = (v: Verdict) => Object.fromEntries(v.checks.map((c) => [c.id, c.status]));

describe('evaluateGate on the fixture budgets', () => {
  it.each([
    ['passing', 'pass', {}],
    ['cost-max', 'fail', { 'cost.max': 'fail' }],
    ['cost-increase', 'fail', { 'cost.maxIncrease.percent': 'fail', 'cost.maxIncrease.amount': 'pass' }],
    ['waste-max', 'fail', { 'waste.max': 'fail' }],
    ['waste-increase', 'fail', { 'waste.maxIncrease.amount': 'fail' }],
    ['waste-team', 'fail', { 'waste.byTeam.research': 'fail', 'waste.byTeam.inference': 'pass' }],
    ['waste-any-team', 'fail', { 'waste.byTeam.research': 'pass', 'waste.byTeam.*': 'fail' }],
    ['waste-account', 'fail', { 'waste.byAccount.111122223333': 'fail' }],
    ['waste-region', 'fail', { 'waste.byRegion.us-west-2': 'fail' }],
    ['waste-category', 'fail', { 'waste.byCategory.idle': 'fail' }],
    ['new-findings', 'fail', { failOnNew: 'fail' }],
    ['accepted', 'pass', { 'waste.max': 'pass', failOnNew: 'pass', 'accepted.expiry': 'pass' }],
    ['expired', 'fail', { 'waste.max': 'fail', failOnNew: 'fail', 'accepted.expiry': 'fail' }],
  ] as const)('%s -> %s', async (name, status, checks) => {
    const v = await gateWith(name);
    expect(v.status).toBe(status);
    expect(statuses(v)).toMatchObject(checks);
    if (status === 'pass') expect(v.checks.every((c) => c.status === 'pass')).toBe(true);
  });

  it('names the responsible findings of a broken budget, largest first', async () => {
    const v = await gateWith('waste-team');
    const research = v.checks.find((c) => c.id === 'waste.byTeam.research');
    expect(research?.message).toBe('Monthly waste of team research is $10,000/month, $2,000 over the $8,000 limit');
    expect(research?.findings.map((f) => f.resource.id)).toEqual(['i-0eee0000000000005', 'i-0aaa0000000000001', 'i-0ccc0000000000003']);
    expect(research?.source).toEqual({ label: `${BUDGETS}/waste-team.budget.yaml:4`, file: `${BUDGETS}/waste-team.budget.yaml`, line: 4 });
  });

  it('new findings include a known finding that escalated past the threshold', async () => {
    const v = await gateWith('new-findings');
    const check = v.checks.find((c) => c.id === 'failOnNew');
    expect(check?.findings.map((f) => `${f.resource.id}:${f.severity}`)).toEqual(['i-0eee0000000000005:critical', 'i-0bbb0000000000002:high']);
  });

  it('an accepted finding is out of the waste and not new; expired, it counts again', async () => {
    const accepted = await gateWith('accepted');
    expect(accepted.checks.find((c) => c.id === 'waste.max')?.actual).toBe(6240);
    expect(accepted.acceptances.accepted.map((a) => a.finding.resource.id)).toEqual(['i-0eee0000000000005']);
    const expired = await gateWith('expired');
    expect(expired.checks.find((c) => c.id === 'waste.max')?.actual).toBe(11240);
    expect(expired.checks.find((c) => c.id === 'accepted.expiry')?.source.line).toBe(8);
  });

  it('--fail-on-new wins over the budget file and says where it came from', async () => {
    const v = await gateWith('accepted', { failOnNew: 'low' });
    const check = v.checks.find((c) => c.id === 'failOnNew');
    expect(check?.name).toBe('New findings at or above low');
    expect(check?.source).toEqual({ label: '--fail-on-new' });
    // The accepted critical finding still does not count; the new low-severity volume does.
    expect(check?.findings.map((f) => f.resource.id)).toEqual(['vol-0fff0000000000006']);
  });
});

describe('evaluateGate edge cases', () => {
  it('increase limits are skipped, not passed, without a baseline', () => {
    const v = gateInline({ cost: { maxIncrease: { percent: 1, amount: 1 } }, waste: { maxIncrease: { percent: 1 } } }, false);
    expect(v.checks.map((c) => c.status)).toEqual(['skip', 'skip', 'skip']);
    expect(v.status).toBe('pass');
    expect(v.checks[0]?.message).toMatch(/no --baseline/);
  });

  it('without a baseline every finding is new', () => {
    const v = gateInline({ failOnNew: 'high' }, false);
    expect(v.checks[0]?.actual).toBe(3);
    expect(v.checks[0]?.message).toMatch(/no baseline \(every finding is new\)/);
  });

  it('a limit equal to the actual amount holds', () => {
    const v = gateInline({ cost: { max: 24000 }, waste: { max: 11240, byTeam: { research: 10000 } } });
    expect(v.status).toBe('pass');
  });

  it('a rise from $0 breaks any percentage limit and says so in dollars', () => {
    const clean = { file: 'clean.json', result: { ...baseline.result, findings: [] } };
    const budget = BudgetSchema.parse({ waste: { maxIncrease: { percent: 1000 } } });
    const v = evaluateGate({ current, baseline: clean, budget: { file: 'b.yaml', loaded: { budget, locate: () => ({ label: 'b.yaml' }) } }, now: NOW });
    expect(v.checks[0]).toMatchObject({ status: 'fail', actual: null });
    expect(v.checks[0]?.message).toBe('Monthly waste $0.00 -> $11,240 (+$11,240, up from $0) against the baseline, over the 1000% limit');
  });

  it('an acceptance holds through its expiry day (UTC) and breaks the day after', () => {
    const accept = (expires: string) => ({
      accepted: [{ rule: 'idle-gpu-instance', resource: 'i-0eee0000000000005', expires, reason: 'launch' }],
    });
    expect(gateInline(accept('2026-11-27')).status).toBe('pass');
    expect(gateInline(accept('2026-11-26')).status).toBe('fail');
  });

  it('an expired acceptance whose finding is gone does not break; it is reported as unused', () => {
    const v = gateInline({ accepted: [{ rule: 'idle-instance', resource: 'i-0ddd0000000000004', expires: '2020-01-01', reason: 'old' }] });
    expect(v.status).toBe('pass');
    expect(v.acceptances.unused).toHaveLength(1);
  });

  it('an acceptance matches its rule and the resource id or ARN, nothing else', () => {
    const wrongRule = gateInline({
      waste: { max: 7000 },
      accepted: [{ rule: 'gpu-underused', resource: 'i-0eee0000000000005', expires: '2099-01-01', reason: 'x' }],
    });
    expect(wrongRule.status).toBe('fail');
    const arn = 'arn:aws:ec2:us-east-1:111122223333:instance/i-0eee0000000000005';
    const withArn = current.result.findings.map((f) => (f.resource.id === 'i-0eee0000000000005' ? { ...f, resource: { ...f.resource, arn } } : f));
    const budget = BudgetSchema.parse({ waste: { max: 7000 }, accepted: [{ rule: 'idle-gpu-instance', resource: arn, expires: '2099-01-01', reason: 'x' }] });
    const v = evaluateGate({
      current: { file: 'c.json', result: { ...current.result, findings: withArn } },
      budget: { file: 'b.yaml', loaded: { budget, locate: () => ({ label: 'b.yaml' }) } },
      now: NOW,
    });
    expect(v.status).toBe('pass');
  });

  it("'*' holds every key the budget does not name and reports the worst", () => {
    const v = gateInline({ waste: { byRegion: { '*': 1000 } } });
    expect(v.checks).toHaveLength(1);
    expect(v.checks[0]?.message).toMatch(
      /^Monthly waste of region us-east-1 is \$10,040\/month, \$9,040 over the \$1,000 limit \(and 1 more region\(s\) over: us-west-2\)$/,
    );
  });

  it('no budget and no flag: comparison only, exit status pass', () => {
    const v = evaluateGate({ current, baseline, now: NOW });
    expect(v.checks).toEqual([]);
    expect(v.status).toBe('pass');
    expect(v.comparison.newFindings).toHaveLength(2);
  });
});
