import { describe, expect, it } from 'vitest';
import { composeWeeklyEmail } from '../../src/email/compose.js';
import type { AuditResult } from '../../src/engine/result.js';
import { AuditResultSchema } from '../../src/engine/result.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { expectInert } from '../helpers/inert-text.js';
import { audit } from '../helpers/builders.js';
import { ceRecommendation, planSnapshot } from '../helpers/plan-fixture.js';

const ESC = '\u001b';
const HOSTILE = `evil\n::error title=pwned::owned\r\n${ESC}[2J${ESC}]0;title\u0007\u202eexe @octocat <b>x</b>|`;

async function planned(): Promise<AuditResult> {
  return audit(planSnapshot({ withExpiringRi: true }));
}

/** The same result with the text a Snapshot can carry into the plan (ids, types, families, account ids) made hostile. */
function hostile(r: AuditResult): AuditResult {
  const out = structuredClone(r);
  for (const a of out.commitmentPlan?.accounts ?? []) {
    for (const l of a.lines) {
      l.family = `${l.family} ${HOSTILE}`;
      for (const u of l.usage) u.instanceType = `${u.instanceType} ${HOSTILE}`;
      for (const n of l.netted) n.resourceId = HOSTILE;
    }
    for (const e of a.existing) e.what = HOSTILE;
    a.accountId = `${a.accountId} ${HOSTILE}`;
  }
  return out;
}

describe('commitment plan in the reports', () => {
  it('the JSON result carries it and validates against the result schema', async () => {
    const r = await planned();
    const parsed = AuditResultSchema.parse(JSON.parse(renderJson(r, { color: false })));
    expect(parsed.commitmentPlan?.totals).toMatchObject({ monthlySavings: 293.73, expiringSoon: 1 });
  });

  it('the table shows the recommended move, its saving and break-even, and the expiring RI left empty by the findings', async () => {
    const out = renderTable(await planned(), { color: false, width: 160 });
    expect(out).toContain('Commitment plan, net of the findings above');
    expect(out).toMatch(
      /g5 us-east-1 \[111122223333\]: 1 x g5\.xlarge.*1-year Reserved Instance, partial upfront: 1 x g5\.xlarge, \$0\.6036\/h committed, saves \$294\/month, break-even month 7\.2 of 12/,
    );
    expect(out).toMatch(/moved or left out by the findings: p4d us-east-1 \(to be stopped\)/);
    expect(out).toMatch(
      /already bought: 1 x p4d\.24xlarge RI \(111122223333 \/ us-east-1\), ends .* \(30 days\) EXPIRES WITHIN 60 DAYS, filled after the findings 0%/,
    );
  });

  it('Markdown has the plan table and the expiring RI', async () => {
    const md = renderMarkdown(await planned(), { color: false });
    expect(md).toContain('### Commitment plan, net of the findings above');
    expect(md).toMatch(/\| 111122223333 \| g5 us-east-1 \| 1 x g5\.xlarge \| .* \| \\\$294 \| month 7\.2 of 12 \|/);
    expect(md).toContain('**expires within 60 days**');
  });

  it('HTML and both email parts show it', async () => {
    const r = await planned();
    expect(renderHtml(r, { color: false })).toMatch(/data-section="commitment-plan"[\s\S]*data-plan-saves>\$294</);
    const email = composeWeeklyEmail(r, { subject: 'mlcost' });
    expect(email.html).toMatch(/Commitment plan, net of these moves[\s\S]*\$294[\s\S]*Expires within 60 days:/);
    expect(email.text).toMatch(
      /Commitment plan, net of these moves: .*\n {2}\$294\/month: g5 us-east-1 \(1 x g5\.xlarge\): 1-year Reserved Instance, partial upfront.*; break-even month 7\.2 of 12/,
    );
  });

  it('hostile text in the plan stays inert in the table, Markdown and the plain-text email', async () => {
    const r = hostile(await planned());
    for (const out of [renderTable(r, { color: false, width: 160 }), composeWeeklyEmail(r, { subject: 'mlcost' }).text]) {
      expectInert(out);
      expect(out).toContain('evil');
    }
    expectInert(renderMarkdown(r, { color: false }), { markdown: true });
    expect(renderHtml(r, { color: false })).not.toContain('<b>x</b>');
  });

  it('every format sets Cost Explorer’s recommendation beside ours and says why ours is lower', async () => {
    const r = await planned();
    const row =
      /Cost Explorer recommends.*1-year Compute Savings Plan, no upfront: \$14\.50\/h, saves \$4,400\/month; ours: \$0\.6036\/h, saves \$294\/month\. Cost Explorer sizes on the last 7 days of billed usage, which still includes \$21\.96\/h/;
    expect(renderTable(r, { color: false, width: 160 })).toMatch(
      /Cost Explorer recommends \[111122223333\], beside ours:\n {4}1-year Compute Savings Plan, no upfront: \$14\.50\/h, saves \$4,400\/month; ours: \$0\.6036\/h, saves \$294\/month\n {4}why they differ: Cost Explorer sizes on the last 7 days of billed usage, which still includes \$21\.96\/h/,
    );
    const email = composeWeeklyEmail(r, { subject: 'mlcost' });
    expect(email.text).toMatch(row);
    expect(email.html).toMatch(/data-ce-row><strong>Cost Explorer recommends<\/strong> 1-year Compute Savings Plan, no upfront: \$14\.50\/h/);
    expect(renderMarkdown(r, { color: false })).toMatch(
      /\| 111122223333 \| 1-year Compute Savings Plan, no upfront \| \\\$14\.50\/h, saves \\\$4,400\/month \| \\\$0\.6036\/h, saves \\\$294\/month \| Cost Explorer sizes/,
    );
    expect(AuditResultSchema.parse(JSON.parse(renderJson(r, { color: false }))).commitmentPlan?.accounts[0]?.costExplorer?.[0]).toMatchObject({
      hourlyCommitment: 14.5,
      oursHourlyCommitment: 0.6036,
      removedByFindingsHourly: 21.9576,
    });
  });

  it('the table gives each plan type its figures and each explanation once per account, numbered where they differ', async () => {
    const s = planSnapshot();
    s.resources.savingsPlansRecommendations.push(
      ceRecommendation({ termInYears: 'THREE_YEARS', hourlyCommitment: 11, estimatedMonthlySavings: 6000 }),
      ceRecommendation({ savingsPlansType: 'SAGEMAKER_SP', hourlyCommitment: 2, estimatedMonthlySavings: 500 }),
    );
    const out = renderTable(await audit(s), { color: false, width: 160 });
    const ec2Why = 'Cost Explorer sizes on the last 7 days of billed usage, which still includes $21.96/h of on-demand usage';
    const sageMakerWhy = 'Cost Explorer sizes on every on-demand hour billed in the last 7 days; ours only on steady usage';
    expect(out.split('\n').filter((l) => l.includes('Cost Explorer recommends'))).toEqual(['  Cost Explorer recommends [111122223333], beside ours:']);
    expect(out).toContain('    1-year Compute Savings Plan, no upfront: $14.50/h, saves $4,400/month; ours: $0.6036/h, saves $294/month [1]\n');
    expect(out).toMatch(/ {4}3-year Compute Savings Plan, no upfront: \$11\.00\/h, saves \$6,000\/month; ours: \$\S+\/h, saves \$\S+\/month \[1\]\n/);
    expect(out).toContain('    1-year SageMaker Savings Plan, no upfront: $2.00/h, saves $500/month; ours: nothing priced to buy [2]\n');
    expect(out).toContain(`    why they differ [1]: ${ec2Why}`);
    expect(out).toContain(`    why they differ [2]: ${sageMakerWhy}`);
    expect(out.split(ec2Why)).toHaveLength(2);
    expect(out.split(sageMakerWhy)).toHaveLength(2);
  });

  it('a result saved before the plan existed still renders everywhere', async () => {
    const r = await planned();
    delete r.commitmentPlan;
    expect(renderTable(r, { color: false })).not.toContain('Commitment plan');
    expect(renderMarkdown(r, { color: false })).not.toContain('Commitment plan');
    expect(renderHtml(r, { color: false })).not.toContain('data-section="commitment-plan"');
  });
});
