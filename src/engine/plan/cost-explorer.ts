import { formatUsdRate, roundCents } from '../../money.js';
import type { Snapshot, SavingsPlansRecommendation } from '../../snapshot/schema.js';
import type { CostExplorerComparison, PlanLine, UsagePool } from './schema.js';
import { STEADY_RUNNING_PCT } from './usage.js';

const POOL: Record<SavingsPlansRecommendation['savingsPlansType'], UsagePool> = {
  COMPUTE_SP: 'ec2',
  EC2_INSTANCE_SP: 'ec2',
  SAGEMAKER_SP: 'sagemaker',
};
const TERM_MONTHS: Record<SavingsPlansRecommendation['termInYears'], 12 | 36> = { ONE_YEAR: 12, THREE_YEARS: 36 };
const LOOKBACK_DAYS: Record<SavingsPlansRecommendation['lookbackPeriodInDays'], number> = { SEVEN_DAYS: 7, THIRTY_DAYS: 30, SIXTY_DAYS: 60 };

/**
 * Cost Explorer's recommendations for the account beside ours for the same pool and term: ours is, per
 * line, the priced option of that term saving most (any kind), on the usage left after the findings and
 * the commitments in force. Cost Explorer sizes on billed usage, which still holds what the findings remove.
 */
export function compareWithCostExplorer(snapshot: Snapshot, accountId: string, lines: readonly PlanLine[]): CostExplorerComparison[] {
  return snapshot.resources.savingsPlansRecommendations
    .filter((r) => r.accountId === accountId)
    .map((r) => {
      const pool = POOL[r.savingsPlansType];
      const term = TERM_MONTHS[r.termInYears];
      const inPool = lines.filter((l) => l.pool === pool);
      let hourly = 0;
      let savings = 0;
      for (const l of inPool) {
        const best = l.options
          .filter((o) => o.termMonths === term && o.monthlySavings !== null && o.commitmentHourly !== null)
          .sort((a, b) => (b.monthlySavings ?? 0) - (a.monthlySavings ?? 0))[0];
        hourly += best?.commitmentHourly ?? 0;
        savings += best?.monthlySavings ?? 0;
      }
      const removed = inPool.reduce((s, l) => s + Math.max(0, (l.grossHourly ?? 0) - (l.netHourly ?? 0)), 0);
      // A line with options of this term none of which is priced: ours cannot size it.
      const unpriced = inPool.some((l) => {
        const ofTerm = l.options.filter((o) => o.termMonths === term);
        return ofTerm.length > 0 && ofTerm.every((o) => o.monthlySavings === null);
      });
      const comparison: CostExplorerComparison = {
        savingsPlansType: r.savingsPlansType,
        termInYears: r.termInYears,
        paymentOption: r.paymentOption,
        lookbackPeriodInDays: r.lookbackPeriodInDays,
        hourlyCommitment: r.hourlyCommitment,
        estimatedMonthlySavings: r.estimatedMonthlySavings,
        oursHourlyCommitment: round4(hourly),
        oursMonthlySavings: roundCents(savings),
        removedByFindingsHourly: round4(removed),
        why: '',
      };
      comparison.why = whyTheyDiffer(comparison, LOOKBACK_DAYS[r.lookbackPeriodInDays], unpriced);
      return comparison;
    });
}

function whyTheyDiffer(c: CostExplorerComparison, lookbackDays: number, unpriced: boolean): string {
  const removed = `${formatUsdRate(c.removedByFindingsHourly)}/h`;
  if (c.hourlyCommitment > c.oursHourlyCommitment && c.removedByFindingsHourly > 0)
    return (
      `Cost Explorer sizes on the last ${lookbackDays} days of billed usage, which still includes ${removed} of on-demand usage the findings above stop, shrink or move to Spot: ` +
      `a commitment on it would be paid every hour after that usage is gone` +
      (unpriced ? '; ours also leaves out lines whose rate for this plan is unknown' : '') +
      '.'
    );
  if (c.hourlyCommitment > c.oursHourlyCommitment && unpriced)
    return `Ours has no rate for some of this pool's usage under this plan (shown as - above), so its total is lower than the usage it could cover; the findings remove ${removed} of on-demand usage.`;
  if (c.hourlyCommitment > c.oursHourlyCommitment)
    return `Cost Explorer sizes on every on-demand hour billed in the last ${lookbackDays} days; ours only on steady usage (EC2 boxes up ${STEADY_RUNNING_PCT}% of the window, endpoints and notebooks in service, training as an average) left after the findings (${removed} removed) and the commitments in force.`;
  return `Cost Explorer sizes on the last ${lookbackDays} days of billed usage, which may miss boxes started since; ours counts what runs at the end of the window, after the findings (${removed} removed) and the commitments in force.`;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
