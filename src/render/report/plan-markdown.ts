import type { PlanView } from './commitment-plan.js';
import { mdCell, mdText } from './markdown-escape.js';

const PLAN_ROWS = 15;

/** The commitment plan as a Markdown section; every string from the result goes through mdText/mdCell. */
export function planMarkdown(plan: PlanView | undefined): string {
  if (plan === undefined) return '';
  const rows = plan.lines
    .slice(0, PLAN_ROWS)
    .map(
      (l) =>
        `| ${mdCell(l.account, 40)} | ${mdCell(l.where, 80)} | ${mdCell(l.usage)} | ${mdText(l.gross)} -> ${mdText(l.net)} | ${mdText(l.covered)} | ${mdText(l.spCovered)} | ${mdCell(l.recommended)} | ${mdText(l.saves)} | ${mdText(l.breakEven)} |`,
    );
  const existing = plan.existing.map(
    (e) =>
      `- ${mdCell(e.what, 120)} (${mdCell(e.where, 80)}), ends ${mdText(e.ends)}${e.expiringSoon ? ' **expires within 60 days**' : ''}; filled after the findings: ${mdText(e.usedAfterFindings)}`,
  );
  return [
    '### Commitment plan, net of the findings above',
    '',
    mdText(plan.summary, 1000),
    '',
    ...(rows.length
      ? [
          '| Account | Family / region | Usage after findings | On-demand now -> after | Covered by RIs | Covered by Savings Plans | Recommended | Saves/mo | Break-even |',
          '|---|---|---|---:|---:|---:|---|---:|---|',
          ...rows,
          ...(plan.lines.length > PLAN_ROWS ? [`_and ${plan.lines.length - PLAN_ROWS} more line(s) in the JSON result_`] : []),
          '',
        ]
      : []),
    ...(plan.nettedAway.length ? [`Moved or left out by the findings: ${plan.nettedAway.map((n) => mdCell(n, 200)).join('; ')}.`, ''] : []),
    ...(existing.length ? ['**Already bought**', '', ...existing, ''] : []),
    ...plan.savingsPlans.map((s) => `- Savings Plans in force: ${mdCell(s, 200)}`),
    ...(plan.costExplorer.length
      ? [
          '',
          '**Cost Explorer’s recommendation beside ours**',
          '',
          '| Account | Plan | Cost Explorer | Ours | Why they differ |',
          '|---|---|---|---|---|',
          ...plan.costExplorer.map(
            (c) => `| ${mdCell(c.account, 40)} | ${mdCell(c.plan)} | ${mdCell(c.theirs)} | ${mdCell(c.ours)} | ${mdCell(c.why, 1000)} |`,
          ),
          '',
        ]
      : []),
    ...(plan.costExplorerNothing.length
      ? [`Neither Cost Explorer nor this plan buys: ${plan.costExplorerNothing.map((n) => mdCell(n, 200)).join('; ')}.`, '']
      : []),
    `_${mdText(plan.method, 1000)}_`,
    '',
  ].join('\n');
}
