import type { BudgetCheck } from '../verdict.js';
import { bySavingsDesc, type CheckContext } from './context.js';

/**
 * An acceptance is a dated promise to look again. When it has run out and its finding is still
 * there, the gate breaks so someone renews it with a reason or fixes the waste.
 */
export function acceptanceExpiryCheck(ctx: CheckContext): BudgetCheck {
  const expired = ctx.acceptances.expired;
  const first = expired[0];
  const list = expired.map((e) => `${e.acceptance.rule} on ${e.acceptance.resource} (expired ${e.acceptance.expires})`).join(', ');
  return {
    id: 'accepted.expiry',
    name: 'Accepted findings within their expiry',
    status: first ? 'fail' : 'pass',
    unit: 'findings',
    actual: expired.length,
    limit: 0,
    message: first
      ? `${expired.length} accepted finding(s) past their expiry: ${list}; renew the acceptance with a reason or fix the waste`
      : `${ctx.acceptances.accepted.length} accepted finding(s), none past its expiry`,
    findings: expired.map((e) => e.finding).sort(bySavingsDesc),
    source: ctx.locate(first ? ['accepted', first.index, 'expires'] : ['accepted']),
  };
}
