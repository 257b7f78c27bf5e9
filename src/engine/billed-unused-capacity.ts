import { HOURS_PER_MONTH } from '../catalog/index.js';
import { formatUsd, roundCents } from '../money.js';
import type { AuditResult, Finding } from './result.js';

/** What the engine needs of the billing cross-check; src/billing's BilledUnusedCapacity satisfies it. */
export type UnusedCapacitySource =
  | {
      known: true;
      start: string;
      end: string;
      days: number;
      byReservation: ReadonlyMap<string, { billed: number; effective: number; hours: number }>;
    }
  | { known: false; reason: string };

/** The findings the cross-check speaks to: reserved capacity left empty. */
const CROSS_CHECKED_ACTIONS: ReadonlySet<string> = new Set(['release-capacity', 'use-capacity-block']);

/**
 * Puts what the bill says empty capacity cost next to what the finding estimated, without
 * repricing anything: the estimate is from metrics over the window, the bill from the file's own
 * period, and a user reading both sees whether they agree. The amortised (effective) cost is shown,
 * so an empty slot covered by a Savings Plan counts at what the plan charged for it. A file that
 * cannot tell gives one warning and no number on any finding, never $0.
 */
export function applyBilledUnusedCapacity(result: AuditResult, unused: UnusedCapacitySource, source: string): AuditResult {
  const checked = result.findings.filter((f) => f.resource.type === 'capacity-reservation' && CROSS_CHECKED_ACTIONS.has(f.action.kind));
  if (checked.length === 0) return result;
  if (!unused.known) return { ...result, warnings: [...result.warnings, { code: 'billing-cannot-tell', message: unused.reason }] };
  const period = `${unused.start.slice(0, 10)} to ${unused.end.slice(0, 10)}`;
  const findings = result.findings.map((f): Finding => {
    if (!checked.includes(f)) return f;
    const billed = unused.byReservation.get(f.resource.id);
    if (!billed) return { ...f, evidence: { ...f.evidence, billedUnused: { inBill: false, period, source } } };
    const monthly = unused.days > 0 ? roundCents((billed.effective / (unused.days * 24)) * HOURS_PER_MONTH) : null;
    const estimate = f.evidence['unusedMonthlyCost'];
    const estimated = typeof estimate === 'number' ? estimate : null;
    const days = Number.isInteger(unused.days) ? String(unused.days) : unused.days.toFixed(1);
    const line =
      `billed unused: ${formatUsd(roundCents(billed.effective))} over ${days} days (${formatUsd(monthly)}/month)` +
      (estimated !== null ? `; estimated ${formatUsd(estimated)}/month` : '');
    return {
      ...f,
      problem: `${f.problem}; ${line}`,
      evidence: {
        ...f.evidence,
        billedUnused: {
          inBill: true,
          effectiveUsd: roundCents(billed.effective),
          billedUsd: roundCents(billed.billed),
          unusedInstanceHours: Math.round(billed.hours * 100) / 100,
          days: unused.days,
          monthly,
          estimatedMonthly: estimated,
          period,
          source,
        },
      },
    };
  });
  return { ...result, findings };
}
