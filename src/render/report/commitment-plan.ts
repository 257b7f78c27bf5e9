import type { CommitmentOption, CommitmentPlan, CostExplorerComparison, PlanLine } from '../../engine/plan/schema.js';
import { formatUsd, formatUsdRate } from '../../money.js';

/** The commitment plan as display strings, for every renderer: money is formatted here, nowhere else. */
export interface PlanView {
  summary: string;
  method: string;
  lines: PlanLineView[];
  /** The lines with the largest recommended savings, for the email (a few). */
  top: PlanLineView[];
  /** Families whose steady usage the other findings removed entirely: "p4d us-east-1 (to be stopped)". */
  nettedAway: string[];
  existing: { id: string; what: string; where: string; quantity: string; ends: string; expiringSoon: boolean; usedAfterFindings: string }[];
  /** Savings Plans in force, per account, as "123: EC2 $2.50/h, SageMaker $1.00/h". */
  savingsPlans: string[];
  /** Cost Explorer's own recommendations beside ours, one row per plan type and term where either side buys something. */
  costExplorer: CostExplorerRowView[];
  /** The plan types and terms where neither Cost Explorer nor ours buys anything: "1-year SageMaker Savings Plan, no upfront". */
  costExplorerNothing: string[];
  unpricedLines: number;
}

export interface CostExplorerRowView {
  account: string;
  plan: string;
  theirs: string;
  ours: string;
  why: string;
}

export interface PlanLineView {
  account: string;
  where: string;
  usage: string;
  gross: string;
  net: string;
  covered: string;
  /** On-demand $/h the Savings Plans in force cover after the RIs. */
  spCovered: string;
  recommended: string;
  saves: string;
  breakEven: string;
  /** The other options, one short line each ("3-year RI, no upfront: $417.13/mo, break-even month 15.6 of 36"). */
  alternatives: string[];
  netted: string[];
}

const TOP_LINES = 5;

/** How a use reads after the count: EC2 and hosting plain, the others named (training is an average, not a box). */
const USE_LABEL: Record<PlanLine['usage'][number]['use'], string> = {
  instance: '',
  hosting: '',
  notebook: ' (notebook)',
  training: ' (training, average over the window)',
  studio: ' (Studio app)',
};

const KIND: Record<CommitmentOption['kind'], string> = {
  'reserved-instance': 'Reserved Instance',
  'ec2-instance-savings-plan': 'EC2 Instance Savings Plan',
  'compute-savings-plan': 'Compute Savings Plan',
  'sagemaker-savings-plan': 'SageMaker Savings Plan',
};

export function planView(plan: CommitmentPlan | undefined): PlanView | undefined {
  if (!plan || plan.accounts.length === 0) return undefined;
  const lines: PlanLineView[] = [];
  const ranked: { saves: number; view: PlanLineView }[] = [];
  const nettedAway: string[] = [];
  for (const a of plan.accounts) {
    for (const l of a.lines) {
      if (l.usage.length === 0) {
        if (l.netted.length) nettedAway.push(`${l.family} ${l.region} (${[...new Set(l.netted.map((n) => n.effect))].join('; ')})`);
        continue;
      }
      const view = lineView(a.accountId, l);
      lines.push(view);
      const saves = l.recommended === undefined ? null : (l.options[l.recommended]?.monthlySavings ?? null);
      if (saves !== null) ranked.push({ saves, view });
    }
  }
  const t = plan.totals;
  return {
    summary:
      `Steady on-demand usage ${hourly(t.grossHourly)} today, ${hourly(t.netHourly)} once the findings above are applied; ` +
      `the recommended commitments save ${formatUsd(t.monthlySavings)}/month` +
      (t.unpricedLines ? `; ${t.unpricedLines} line(s) have no commitment rate and are not counted` : '') +
      (t.expiringSoon ? `; ${t.expiringSoon} commitment(s) in force expire within 60 days` : '') +
      '.',
    method: plan.method,
    lines,
    top: ranked
      .sort((a, b) => b.saves - a.saves)
      .slice(0, TOP_LINES)
      .map((r) => r.view),
    nettedAway,
    existing: plan.accounts.flatMap((a) =>
      a.existing.map((e) => ({
        id: e.id,
        what: e.kind === 'reserved-instance' ? `${e.quantity} x ${e.what} RI` : `${e.what} Savings Plan`,
        where: [a.accountId, e.region].filter(Boolean).join(' / '),
        quantity: e.kind === 'reserved-instance' ? String(e.quantity) : hourly(e.quantity),
        ends: `${e.end.slice(0, 10)} (${e.daysLeft} days)`,
        expiringSoon: e.expiringSoon,
        usedAfterFindings: e.utilizationAfterFindingsPct === null ? '-' : `${e.utilizationAfterFindingsPct}%`,
      })),
    ),
    savingsPlans: plan.accounts
      .filter((a) => a.savingsPlansHourly.ec2 > 0 || a.savingsPlansHourly.sagemaker > 0)
      .map(
        (a) =>
          `${a.accountId}: EC2 ${hourly(a.savingsPlansHourly.ec2)}, SageMaker ${hourly(a.savingsPlansHourly.sagemaker)} (applies before anything new is bought)`,
      ),
    costExplorer: plan.accounts.flatMap((a) =>
      (a.costExplorer ?? []).filter((c) => c.hourlyCommitment > 0 || c.oursHourlyCommitment > 0).map((c) => costExplorerRow(a.accountId, c)),
    ),
    costExplorerNothing: plan.accounts.flatMap((a) =>
      (a.costExplorer ?? [])
        .filter((c) => c.hourlyCommitment === 0 && c.oursHourlyCommitment === 0)
        .map((c) => `${costExplorerRow(a.accountId, c).plan} (${a.accountId})`),
    ),
    unpricedLines: t.unpricedLines,
  };
}

const CE_TYPE: Record<CostExplorerComparison['savingsPlansType'], string> = {
  COMPUTE_SP: 'Compute Savings Plan',
  EC2_INSTANCE_SP: 'EC2 Instance Savings Plan',
  SAGEMAKER_SP: 'SageMaker Savings Plan',
};

function costExplorerRow(accountId: string, c: CostExplorerComparison): CostExplorerRowView {
  return {
    account: accountId,
    plan: `${c.termInYears === 'ONE_YEAR' ? '1' : '3'}-year ${CE_TYPE[c.savingsPlansType]}, ${c.paymentOption.toLowerCase().replace('_', ' ')}`,
    theirs: c.hourlyCommitment > 0 ? `${hourly(c.hourlyCommitment)}, saves ${formatUsd(c.estimatedMonthlySavings)}/month` : 'nothing to buy',
    ours: c.oursHourlyCommitment > 0 ? `${hourly(c.oursHourlyCommitment)}, saves ${formatUsd(c.oursMonthlySavings)}/month` : 'nothing priced to buy',
    why: c.why,
  };
}

function lineView(accountId: string, l: PlanLine): PlanLineView {
  const best = l.recommended === undefined ? undefined : l.options[l.recommended];
  const uncovered = l.options.length === 0;
  return {
    account: accountId,
    where: `${l.family} ${l.region}`,
    usage: l.usage.map((u) => `${u.count} x ${u.instanceType}${USE_LABEL[u.use]}`).join(', '),
    gross: hourly(l.grossHourly),
    net: hourly(l.netHourly),
    covered: hourly(l.coveredHourly),
    spCovered: hourly(l.savingsPlanCoveredHourly),
    recommended: best
      ? `${optionName(best)}: ${best.reservedInstances ? `${best.reservedInstances.map((r) => `${r.count} x ${r.instanceType}`).join(', ')}, ` : ''}${hourly(best.commitmentHourly)} committed`
      : (l.noneBecause ?? (uncovered ? 'already covered by commitments in force' : `no commitment rate known (${l.options[0]?.unknown ?? 'no rate'})`)),
    saves: best ? formatUsd(best.monthlySavings) : '-',
    breakEven: best?.breakEvenMonth != null ? `month ${best.breakEvenMonth} of ${best.termMonths}` : '-',
    alternatives: l.options
      .filter((o) => o !== best)
      .map((o) =>
        o.monthlySavings === null
          ? `${optionName(o)}: - (${o.unknown ?? 'no rate'})`
          : `${optionName(o)}: ${formatUsd(o.monthlySavings)}/month, break-even month ${o.breakEvenMonth ?? '-'} of ${o.termMonths}`,
      ),
    netted: l.netted.map((n) => `${n.resourceId}: ${n.effect} (${n.ruleId})`),
  };
}

function optionName(o: CommitmentOption): string {
  return `${o.termMonths / 12}-year ${KIND[o.kind]}, ${o.payment.replace('-', ' ')}`;
}

function hourly(usd: number | null): string {
  return usd === null ? '-' : `${formatUsdRate(usd)}/h`;
}
