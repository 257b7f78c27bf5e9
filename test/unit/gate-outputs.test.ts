import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { readGateInput } from '../../src/gate/inputs.js';
import { githubAnnotations } from '../../src/gate/output/annotations.js';
import { renderGateJson } from '../../src/gate/output/json.js';
import { renderGateJunit, xml } from '../../src/gate/output/junit.js';
import { md, renderGateMarkdown } from '../../src/gate/output/markdown.js';
import { renderGateText } from '../../src/gate/output/text.js';
import type { Verdict } from '../../src/gate/verdict.js';
import { getPath } from '../helpers/json-path.js';

const NOW = new Date('2026-11-27T12:00:00Z');

async function verdictFor(budget: string | undefined, withBaseline = true): Promise<Verdict> {
  return evaluateGate(
    await readGateInput(
      {
        current: 'fixtures/gate/current.json',
        ...(withBaseline ? { baseline: 'fixtures/gate/baseline.json' } : {}),
        ...(budget ? { budget: `fixtures/gate/budgets/${budget}.budget.yaml` } : {}),
      },
      NOW,
    ),
  );
}

const golden = (name: string) => `../golden/gate/${name}`;

describe('gate outputs (golden files: regenerate with npx vitest run test/unit/gate-outputs -u)', () => {
  it.each(['expired', 'passing', 'waste-team'])('Markdown summary for %s', async (budget) => {
    await expect(renderGateMarkdown(await verdictFor(budget))).toMatchFileSnapshot(golden(`${budget}.md`));
  });

  it('Markdown summary without a baseline or budget', async () => {
    await expect(renderGateMarkdown(await verdictFor(undefined, false))).toMatchFileSnapshot(golden('no-baseline.md'));
  });

  it.each(['expired', 'passing'])('JUnit XML for %s', async (budget) => {
    await expect(renderGateJunit(await verdictFor(budget))).toMatchFileSnapshot(golden(`${budget}.junit.xml`));
  });

  it('JUnit has one test case per budget check, skipped ones marked', async () => {
    const v = await verdictFor('cost-increase', false);
    const out = renderGateJunit(v);
    expect(out.match(/<testcase /g)).toHaveLength(2);
    expect(out.match(/<skipped /g)).toHaveLength(2);
    expect(out).toContain('tests="2" failures="0" errors="0" skipped="2"');
  });

  it('the text view shows each budget with its status and source line', async () => {
    const out = renderGateText(await verdictFor('waste-team'));
    expect(out.split('\n')[0]).toBe('mlcost gate: FAILED, 1 of 2 budget(s) broken');
    expect(out).toContain(
      '  BROKEN   Monthly waste of team research is $10,000/month, $2,000 over the $8,000 limit  [fixtures/gate/budgets/waste-team.budget.yaml:4]',
    );
    expect(out).toContain('  held     Monthly waste of team inference');
  });

  it('the JSON verdict references findings by id and carries the comparison', async () => {
    const doc: unknown = JSON.parse(renderGateJson(await verdictFor('new-findings')));
    expect(doc).toMatchObject({ schemaVersion: 1, status: 'fail', failOnNew: 'high', budgetFile: 'fixtures/gate/budgets/new-findings.budget.yaml' });
    expect(getPath(doc, 'checks.0.findings')).toEqual([
      'idle-gpu-instance:111122223333:us-east-1:i-0eee0000000000005',
      'oversized-instance:444455556666:us-west-2:i-0bbb0000000000002',
    ]);
    expect(doc).toMatchObject({ comparison: { resolvedFindings: [{ resourceId: 'i-0ddd0000000000004' }] } });
    expect(getPath(doc, 'comparison.changedFindings.0.changes')).toEqual(['severity medium -> high', 'savings $800 -> $1,200']);
    expect(getPath(doc, 'comparison.cost')).toEqual({ before: 20000, after: 24000, change: 4000, pct: 20 });
  });
});

describe('GitHub Actions annotations', () => {
  it('are emitted only when GITHUB_ACTIONS=true', async () => {
    const v = await verdictFor('expired');
    expect(githubAnnotations(v, {})).toEqual([]);
    expect(githubAnnotations(v, { GITHUB_ACTIONS: 'false', CI: 'true' })).toEqual([]);
    const lines = githubAnnotations(v, { GITHUB_ACTIONS: 'true' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '::error file=fixtures/gate/budgets/expired.budget.yaml,line=4,title=mlcost budget broken%3A Monthly waste::Monthly waste is $11,240/month, $4,240 over the $7,000 limit',
    );
  });

  it('one per broken budget only, never for held or skipped ones', async () => {
    expect(githubAnnotations(await verdictFor('passing'), { GITHUB_ACTIONS: 'true' })).toEqual([]);
    expect(githubAnnotations(await verdictFor('cost-increase', false), { GITHUB_ACTIONS: 'true' })).toEqual([]);
  });

  it('a limit set by flag has no file to point at', async () => {
    const input = await readGateInput({ current: 'fixtures/gate/current.json', baseline: 'fixtures/gate/baseline.json', failOnNew: 'critical' }, NOW);
    expect(githubAnnotations(evaluateGate(input), { GITHUB_ACTIONS: 'true' })).toEqual([
      '::error title=mlcost budget broken%3A New findings at or above critical::1 new finding(s) at or above critical severity against the baseline',
    ]);
  });
});

describe('escaping', () => {
  it('Markdown cells cannot break a table or inject HTML', () => {
    expect(md('"><img src=x onerror=alert(1)>|a_b*c\nd')).toBe('">&lt;img src=x onerror=alert(1)>\\|a\\_b\\*c d');
  });

  it('a hostile team tag or resource id stays text in the summary', async () => {
    const v = await verdictFor('waste-max');
    const hostile = v.checks[0]!.findings.map((f) => ({ ...f, resource: { ...f.resource, id: 'i-`x`|y', team: '"><img src=x onerror=alert(1)>' } }));
    const out = renderGateMarkdown({ ...v, checks: [{ ...v.checks[0]!, findings: hostile }] });
    expect(out).not.toContain('<img');
    expect(out).toContain("| `i-'x'\\|y` |");
  });

  it('XML text drops control characters and escapes markup', () => {
    expect(xml('a<b & "c" \u0007\'d\'')).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;');
  });
});
