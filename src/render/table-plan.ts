import type { CostExplorerRowView, PlanView } from './report/commitment-plan.js';
import { cleanText } from '../text/sanitize.js';

const LINES_SHOWN = 20;

/** The commitment plan for the terminal: a few plain lines under the findings, every string cleaned. */
export function planTableLines(plan: PlanView | undefined, bold: (s: string) => string): string[] {
  if (plan === undefined) return [];
  const t = (s: string, max = 300) => cleanText(s, max);
  const out = ['', bold('Commitment plan, net of the findings above'), t(plan.summary, 1000)];
  for (const l of plan.lines.slice(0, LINES_SHOWN)) {
    out.push(
      `  ${t(l.where, 80)} [${t(l.account, 40)}]: ${t(l.usage)}, on-demand ${t(l.gross)} now -> ${t(l.net)} after the findings, ${t(l.covered)} covered by RIs, ${t(l.spCovered)} by Savings Plans` +
        `; recommended: ${t(l.recommended)}, saves ${t(l.saves)}/month, break-even ${t(l.breakEven)}`,
    );
  }
  if (plan.lines.length > LINES_SHOWN) out.push(`  ... ${plan.lines.length - LINES_SHOWN} more line(s) (--output json|html has all, with every option)`);
  if (plan.nettedAway.length) out.push(`  moved or left out by the findings: ${t(plan.nettedAway.join('; '), 1000)}`);
  for (const e of plan.existing)
    out.push(
      `  already bought: ${t(e.what, 120)} (${t(e.where, 80)}), ends ${t(e.ends)}${e.expiringSoon ? ' EXPIRES WITHIN 60 DAYS' : ''}, filled after the findings ${t(e.usedAfterFindings)}`,
    );
  for (const s of plan.savingsPlans) out.push(`  Savings Plans in force: ${t(s)}`);
  out.push(...costExplorerLines(plan.costExplorer, t));
  if (plan.costExplorerNothing.length) out.push(`  Neither Cost Explorer nor this plan buys: ${t(plan.costExplorerNothing.join('; '), 1000)}`);
  return out;
}

/**
 * Cost Explorer beside ours, per account: each plan type's figures on its own line, then each distinct
 * explanation once (numbered only where the account's rows need more than one), not one copy per line.
 */
function costExplorerLines(rows: readonly CostExplorerRowView[], t: (s: string, max?: number) => string): string[] {
  const byAccount = new Map<string, CostExplorerRowView[]>();
  for (const r of rows) byAccount.set(r.account, [...(byAccount.get(r.account) ?? []), r]);
  const out: string[] = [];
  for (const [account, ofAccount] of byAccount) {
    const whys = [...new Set(ofAccount.map((r) => r.why))];
    const mark = (why: string) => (whys.length > 1 ? ` [${whys.indexOf(why) + 1}]` : '');
    out.push(`  Cost Explorer recommends [${t(account, 40)}], beside ours:`);
    for (const r of ofAccount) out.push(`    ${t(r.plan)}: ${t(r.theirs)}; ours: ${t(r.ours)}${mark(r.why)}`);
    for (const why of whys) out.push(`    why they differ${mark(why)}: ${t(why, 1000)}`);
  }
  return out;
}
