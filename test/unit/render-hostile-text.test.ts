import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSpendReport } from '../../src/billing/report.js';
import { renderSpendMarkdown } from '../../src/billing/render/markdown.js';
import { renderSpendTable } from '../../src/billing/render/table.js';
import { composeWeeklyEmail } from '../../src/email/compose.js';
import type { AuditResult } from '../../src/engine/result.js';
import { readAuditResult } from '../../src/engine/result-io.js';
import { evaluateGate } from '../../src/gate/evaluate.js';
import { readGateInput } from '../../src/gate/inputs.js';
import { githubAnnotations } from '../../src/gate/output/annotations.js';
import { renderGateMarkdown } from '../../src/gate/output/markdown.js';
import { renderGateText } from '../../src/gate/output/text.js';
import type { Verdict } from '../../src/gate/verdict.js';
import { GITHUB_COMMENT_LIMIT, renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { syntheticResult } from '../../bench/render/synthetic-result.js';
import { expectInert } from '../helpers/inert-text.js';

const ESC = '\u001b';
/** A team tag an attacker controls: workflow commands after line breaks, screen and title escapes, an OSC 8 link, NUL, bidi, mentions. */
const HOSTILE =
  `evil\n::error title=pwned::owned\r\n::add-mask::secret\r${ESC}[2J${ESC}[H${ESC}]0;fake title\u0007` +
  `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\\u0000\u202eexe.txt ##[set-env name=A]1 @octocat @my-org/ml-team`;

const root = join(import.meta.dirname, '..', '..');

/** The result with team `from` renamed to `to` in findings, tags and breakdowns, so it stays self-consistent. */
function renameTeam(result: AuditResult, from: string, to: string): AuditResult {
  const r = structuredClone(result);
  for (const f of r.findings) {
    if (f.resource.team !== from) continue;
    f.resource.team = to;
    f.resource.tags = { ...f.resource.tags, team: to };
    if (f.resource.name !== undefined) f.resource.name = to;
  }
  r.breakdowns.byTeam = Object.fromEntries(Object.entries(r.breakdowns.byTeam).map(([team, v]) => [team === from ? to : team, v]));
  return r;
}

async function hostileResult(): Promise<AuditResult> {
  const r = renameTeam(await readAuditResult(join(root, 'fixtures', 'results', 'weekly.json')), 'research', HOSTILE);
  r.findings[0]!.problem = `problem ${HOSTILE}`;
  r.findings[0]!.tradeoff.summary = `trade-off ${HOSTILE}`;
  r.findings[0]!.action.description = `move ${HOSTILE}`;
  r.findings[0]!.action.to = HOSTILE;
  r.warnings.push({ code: 'metric-missing', message: `warning ${HOSTILE}`, accountId: '111122223333', region: 'us-east-1' });
  return r;
}

async function hostileVerdict(): Promise<Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'mlcost-hostile-'));
  const read = (name: string) => readAuditResult(join(root, 'fixtures', 'gate', name));
  writeFileSync(join(dir, 'current.json'), JSON.stringify(renameTeam(await read('current.json'), 'research', HOSTILE)));
  writeFileSync(join(dir, 'baseline.json'), JSON.stringify(renameTeam(await read('baseline.json'), 'research', HOSTILE)));
  // JSON strings are YAML double-quoted scalars: the budget names the hostile team and accepts with hostile text.
  const q = (s: string) => JSON.stringify(s);
  writeFileSync(
    join(dir, 'budget.yaml'),
    `waste:\n  byTeam:\n    ${q(HOSTILE)}: 100\naccepted:\n  - rule: ${q(HOSTILE)}\n    resource: ${q(HOSTILE)}\n    expires: 2099-12-31\n    reason: ${q(HOSTILE)}\n`,
  );
  return evaluateGate(
    await readGateInput(
      { current: join(dir, 'current.json'), baseline: join(dir, 'baseline.json'), budget: join(dir, 'budget.yaml') },
      new Date('2026-11-27T12:00:00Z'),
    ),
  );
}

describe('untrusted text through every text renderer', () => {
  it('audit/report table', async () => {
    const result = await hostileResult();
    const out = renderTable(result, { color: false, width: 160 });
    expectInert(out);
    expect(out).toContain('evil');
    // In colour, the renderer's own colours are the only escape sequences left.
    const coloured = renderTable(result, { color: true, width: 160 });
    expect(coloured.replaceAll(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '')).not.toContain(ESC);
  });

  it('report Markdown', async () => {
    const out = renderMarkdown(await hostileResult(), { color: false });
    expectInert(out, { markdown: true });
    expect(out).toContain('@\u2060octocat');
  });

  it('gate text, with a broken budget on the hostile team', async () => {
    const verdict = await hostileVerdict();
    expect(verdict.status).toBe('fail');
    const out = renderGateText(verdict);
    expectInert(out);
    expect(out).toContain('evil ::error title=pwned::owned ::add-mask::secret clickexe.txt ##\\[set-env');
  });

  it('gate Markdown summary', async () => {
    const out = renderGateMarkdown(await hostileVerdict());
    expectInert(out, { markdown: true });
    expect(out).toContain('@\u2060my-org/ml-team');
  });

  it('GitHub annotations: one line each, escape sequences gone', async () => {
    const lines = githubAnnotations(await hostileVerdict(), { GITHUB_ACTIONS: 'true' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^::error /);
      expectInert(line.slice(2));
    }
  });

  it('the plain-text email part', async () => {
    const email = composeWeeklyEmail(await hostileResult(), { subject: 'mlcost' });
    expectInert(email.text);
    expect(email.text).toContain('evil');
  });

  it('spend table and spend Markdown', () => {
    const report = buildSpendReport(
      [
        { day: '2026-10-30', keys: [HOSTILE], billed: 10, effective: 10, list: 12 },
        { day: '2026-10-31', keys: ['ok'], billed: 5, effective: 5, list: 6 },
      ],
      { source: { kind: 'cur', engine: 'duckdb', where: `s3://bucket/${HOSTILE}` }, by: ['team'] },
    );
    report.warnings.push(`warning ${HOSTILE}`);
    expectInert(renderSpendTable(report));
    expectInert(renderSpendMarkdown(report), { markdown: true });
  });
});

describe('long values', () => {
  it('a 10,000-character tag renders the table in well under a second, cut with an ellipsis', async () => {
    const weekly = await readAuditResult(join(root, 'fixtures', 'results', 'weekly.json'));
    const r = renameTeam(weekly, 'research', 'x'.repeat(10_000));
    renderTable(weekly, { color: false, width: 160 }); // warm-up: the bound is about the long value, not first-call costs
    const started = performance.now();
    const out = renderTable(r, { color: false, width: 160 });
    // A generous bound for a loaded machine: before the cut, cli-table3's word wrap took minutes.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out).toContain('x…');
    expect(out).not.toContain('x'.repeat(201));
  });

  it('a 10,000-character key renders the spend table in well under a second', () => {
    const report = buildSpendReport([{ day: '2026-10-31', keys: ['y'.repeat(10_000)], billed: 1, effective: 1, list: 1 }], {
      source: { kind: 'cur', engine: 'duckdb', where: 'test' },
      by: ['team'],
    });
    const started = performance.now();
    const out = renderSpendTable(report);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out).toContain('y…');
  });
});

describe('gate --summary for 2,000 teams', () => {
  it('stays under GitHub’s comment limit and says what it left out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-teams-'));
    const teams = (r: AuditResult, offset: number): AuditResult => {
      const out = structuredClone(r);
      out.breakdowns.byTeam = {};
      out.findings.forEach((f, i) => {
        const team = `team-${String(i % 2000).padStart(4, '0')}-with-a-long-descriptive-name`;
        f.resource.team = team;
        f.resource.tags = { ...f.resource.tags, team };
        if (f.monthlySavings !== null) f.monthlySavings = Math.round((f.monthlySavings + offset * (i % 7)) * 100) / 100;
        const e = (out.breakdowns.byTeam[team] ??= { monthlySavings: 0, findingCount: 0 });
        e.monthlySavings = Math.round((e.monthlySavings + (f.monthlySavings ?? 0)) * 100) / 100;
        e.findingCount++;
      });
      out.totals.monthlySavings = Math.round(out.findings.reduce((s, f) => s + (f.monthlySavings ?? 0), 0) * 100) / 100;
      return out;
    };
    const base = syntheticResult(4000);
    writeFileSync(join(dir, 'current.json'), JSON.stringify(teams(base, 50)));
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(teams(base, 0)));
    const limits = Array.from({ length: 2000 }, (_, i) => `    team-${String(i).padStart(4, '0')}-with-a-long-descriptive-name: 1`).join('\n');
    writeFileSync(join(dir, 'budget.yaml'), `waste:\n  byTeam:\n${limits}\n`);
    const verdict = evaluateGate(
      await readGateInput(
        { current: join(dir, 'current.json'), baseline: join(dir, 'baseline.json'), budget: join(dir, 'budget.yaml') },
        new Date('2026-11-27T12:00:00Z'),
      ),
    );
    expect(verdict.checks.filter((c) => c.status === 'fail').length).toBeGreaterThan(1000);
    const md = renderGateMarkdown(verdict);
    expect(md.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/…and \d+ more budget check\(s\)/);
    expect(md).toMatch(/…and \d+ more broken budget\(s\)/);
    expect(md).toMatch(/\| _…and \d+ more team change\(s\)_ \| \| \| \|/);
  });
});
