import { teamLabel } from '../../group-labels.js';
import { formatUsd, signedUsd } from '../../money.js';
import { cleanText, guardCommandLines } from '../../text/sanitize.js';
import type { Delta } from '../compare.js';
import type { Verdict } from '../verdict.js';
import { STATUS_WORD, headline } from './wording.js';

const FINDINGS_PER_CHECK = 5;
/** Longest a name, id or message from a result or budget prints; a CI log line stays readable. */
const FIELD_MAX = 200;

/**
 * The terminal view: one line per budget, the worst findings under each broken one, then the deltas.
 * It is read by CI runners too, so every string from a result or budget goes through `text`.
 */
export function renderGateText(v: Verdict): string {
  const out = [`mlcost gate: ${headline(v)}`];
  for (const c of v.checks) {
    out.push(`  ${STATUS_WORD[c.status].padEnd(7)}  ${text(c.message, 600)}  [${text(c.source.label)}]`);
    for (const f of c.findings.slice(0, FINDINGS_PER_CHECK)) {
      out.push(`           ${text(f.ruleId)} ${text(f.resource.id)} (${f.severity}, ${text(teamLabel(f.resource.team))}) ${formatUsd(f.monthlySavings)}/month`);
    }
    if (c.findings.length > FINDINGS_PER_CHECK) out.push(`           …and ${c.findings.length - FINDINGS_PER_CHECK} more`);
  }
  const cmp = v.comparison;
  if (cmp.hasBaseline) {
    out.push(
      `Against ${v.baseline ? text(v.baseline.file) : 'the baseline'}: cost ${delta(cmp.cost)}, waste ${delta(cmp.waste)}; ` +
        `${cmp.newFindings.length} new, ${cmp.resolvedFindings.length} resolved, ${cmp.changedFindings.length} changed finding(s)`,
    );
  } else {
    out.push(`No baseline: cost ${formatUsd(cmp.cost.after)}/month, waste ${formatUsd(cmp.waste.after)}/month in ${v.acceptances.open.length} open finding(s)`);
  }
  const accepted = v.acceptances.accepted.length;
  if (accepted) out.push(`${accepted} accepted finding(s) left out of the waste (see the budget's accepted list)`);
  for (const u of v.acceptances.unused) {
    out.push(`note: acceptance of ${text(u.acceptance.rule)} on ${text(u.acceptance.resource)} matches no finding; it can be removed`);
  }
  return guardCommandLines(`${out.join('\n')}\n`);
}

function text(value: string, max = FIELD_MAX): string {
  return cleanText(value, max);
}

function delta(d: Delta): string {
  return `${formatUsd(d.before)} -> ${formatUsd(d.after)} (${d.change === null ? '-' : signedUsd(d.change)})`;
}
