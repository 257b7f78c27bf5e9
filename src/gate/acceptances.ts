import type { Finding } from '../engine/result.js';
import type { Acceptance } from './budget-schema.js';

export interface AcceptedFinding {
  finding: Finding;
  acceptance: Acceptance;
  /** Index in the budget's `accepted` list, to point at its line. */
  index: number;
}

export interface AcceptanceSplit {
  /** Findings that count: not accepted, or accepted by an acceptance that has expired. */
  open: Finding[];
  accepted: AcceptedFinding[];
  /** The finding is still there and its acceptance ran out: it counts again and breaks the gate. */
  expired: AcceptedFinding[];
  /** Acceptances that match no current finding (the waste is gone): safe to delete. */
  unused: { acceptance: Acceptance; index: number }[];
}

/** `YYYY-MM-DD` of a moment, in UTC, the calendar acceptances expire by. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function matches(acceptance: Acceptance, finding: Finding): boolean {
  return acceptance.rule === finding.ruleId && (acceptance.resource === finding.resource.id || acceptance.resource === finding.resource.arn);
}

/** Splits findings by the budget's allow-list; an acceptance holds through its `expires` day. */
export function applyAcceptances(findings: readonly Finding[], acceptances: readonly Acceptance[], now: Date): AcceptanceSplit {
  const today = utcDay(now);
  const split: AcceptanceSplit = { open: [], accepted: [], expired: [], unused: [] };
  const used = new Set<number>();
  for (const finding of findings) {
    const index = acceptances.findIndex((a) => matches(a, finding));
    const acceptance = acceptances[index];
    if (acceptance === undefined) {
      split.open.push(finding);
      continue;
    }
    used.add(index);
    if (acceptance.expires < today) {
      split.expired.push({ finding, acceptance, index });
      split.open.push(finding);
    } else {
      split.accepted.push({ finding, acceptance, index });
    }
  }
  acceptances.forEach((acceptance, index) => {
    if (!used.has(index)) split.unused.push({ acceptance, index });
  });
  return split;
}
