import type { AuditResult, Finding } from '../../engine/result.js';
import { warningBody } from '../../snapshot/warning-text.js';
import { notPricedView, type NotPricedView } from '../not-priced.js';
import { formatPct, formatUsd } from '../../money.js';
import { capacityText, utilText } from './capacity.js';
import { buildChart, type Chart } from './chart.js';
import { evidenceLines } from './evidence.js';
import type { ReportExtras } from '../types.js';
import { spendView, type SpendView } from './spend.js';
import { weekOverWeek } from './week-over-week.js';
import { planView, type PlanView } from './commitment-plan.js';

/**
 * Everything the HTML report, the email and the Markdown show, as display strings. Templates
 * only lay this out; money is formatted here through formatUsd and nowhere else.
 */
export interface FindingView {
  rank: number;
  id: string;
  severity: string;
  category: string;
  confidence: string;
  resourceId: string;
  resourceName?: string;
  resourceType: string;
  region: string;
  accountId: string;
  team?: string;
  tags: string;
  title: string;
  problem: string;
  move: string;
  description: string;
  cost: string;
  savings: string;
  risk: string;
  riskLabel: string;
  tradeoff: string;
  before: string;
  after: string;
  utilBefore?: string;
  utilAfter?: string;
  /** Evidence and tags are shown for the largest findings only; see DETAILED_FINDINGS. */
  detailed: boolean;
  evidence: string[];
  pricing: string;
}

/**
 * Past this many findings, rows drop evidence and tags: nobody reads the evidence of finding
 * #7,000 in a browser, and it keeps a 10,000-finding report under 10 MB. CSV keeps every field.
 */
export const DETAILED_FINDINGS = 500;

export interface BreakdownRow {
  key: string;
  savings: string;
  count: number;
  /** Bar length, percent of the largest row. */
  barPct: number;
}

export interface BreakdownView {
  title: string;
  rows: BreakdownRow[];
}

export interface WeekView {
  since: string;
  newCount: number;
  newSavings: string;
  resolvedCount: number;
  realised: string;
  openCount: number;
  stillOpen: string;
  costChange: string;
  previousCost: string;
  coverageDiffers: boolean;
  newFindings: FindingView[];
  resolvedFindings: FindingView[];
}

export interface ReportView {
  title: string;
  date: string;
  generatedAt: string;
  scope: { accounts: string; regions: string; lookback: string; source: string };
  headline: { monthlyCost: string; monthlySavings: string; share: string; findingCount: number; unpriced: number; notPriced: NotPricedView };
  topMoves: FindingView[];
  breakdowns: BreakdownView[];
  chart: Chart;
  findings: FindingView[];
  /** Findings shown without evidence (beyond DETAILED_FINDINGS). */
  briefFindings: number;
  warnings: { where: string; code: string; message: string }[];
  week?: WeekView;
  spend?: SpendView;
  /** The commitment plan, when the result has one with usage or commitments in it. */
  plan?: PlanView;
  version: string;
}

export function buildView(result: AuditResult, { previous, spend }: ReportExtras = {}): ReportView {
  const findings = result.findings.map((f, i) => findingView(f, i + 1, i < DETAILED_FINDINGS));
  const t = result.totals;
  const lb = result.scope.lookback;
  return {
    title: `mlcost report, ${day(result.generatedAt)}`,
    date: day(result.generatedAt),
    generatedAt: result.generatedAt,
    scope: {
      accounts: result.scope.accounts.join(', ') || '-',
      regions: result.scope.regions.join(', ') || '-',
      lookback: `${lb.days} days, ${day(lb.start)} to ${day(lb.end)}`,
      source: result.scope.source,
    },
    headline: {
      monthlyCost: formatUsd(t.monthlyCost),
      monthlySavings: formatUsd(t.monthlySavings),
      share: t.monthlyCost > 0 ? formatPct((t.monthlySavings / t.monthlyCost) * 100) : '-',
      findingCount: t.findingCount,
      unpriced: t.unpricedResources,
      notPriced: notPricedView(result.findings),
    },
    topMoves: findings.filter((f) => f.savings !== '-').slice(0, 3),
    breakdowns: [
      breakdown('By category', result.breakdowns.byCategory),
      breakdown('By team', result.breakdowns.byTeam),
      breakdown('By region', result.breakdowns.byRegion),
      breakdown('By account', result.breakdowns.byAccount),
    ].filter((b) => b.rows.length > 0),
    chart: buildChart(result.findings),
    findings,
    briefFindings: Math.max(0, findings.length - DETAILED_FINDINGS),
    warnings: result.warnings.map((w) => ({
      where: [w.accountId, w.region, w.service, w.resourceId].filter(Boolean).join(' / ') || 'scope',
      code: w.code,
      message: warningBody(w),
    })),
    ...(previous !== undefined ? { week: weekView(result, previous, findings) } : {}),
    ...(spend !== undefined ? { spend: spendView(spend.report) } : {}),
    ...optionalPlan(planView(result.commitmentPlan)),
    version: result.tool.version,
  };
}

export function findingView(f: Finding, rank: number, detailed = true): FindingView {
  const { kind, from, to } = f.action;
  const { before, after } = f.tradeoff;
  const tags = detailed
    ? Object.entries(f.resource.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')
    : '';
  return {
    rank,
    id: f.id,
    severity: f.severity,
    category: f.category,
    confidence: f.confidence,
    resourceId: f.resource.id,
    ...(f.resource.name !== undefined && f.resource.name !== f.resource.id ? { resourceName: f.resource.name } : {}),
    resourceType: f.resource.type,
    region: f.resource.region,
    accountId: f.resource.accountId,
    ...(f.resource.team !== undefined ? { team: f.resource.team } : {}),
    tags,
    title: f.title,
    problem: f.problem,
    move: from !== undefined && to !== undefined ? `${kind} ${from} -> ${to}` : from !== undefined ? `${kind} ${from}` : kind,
    description: f.action.description,
    cost: formatUsd(f.monthlyCost),
    savings: formatUsd(f.monthlySavings),
    risk: f.tradeoff.performanceRisk,
    riskLabel: f.tradeoff.performanceRisk === 'none' ? 'no risk' : `${f.tradeoff.performanceRisk} risk`,
    tradeoff: f.tradeoff.summary,
    before: capacityText(before),
    after: capacityText(after),
    ...optional('utilBefore', utilText(before)),
    ...optional('utilAfter', utilText(after)),
    detailed,
    evidence: detailed ? evidenceLines(f.evidence) : [],
    pricing: f.pricing.unknown?.length ? `${f.pricing.method} (no price for ${f.pricing.unknown.join(', ')})` : f.pricing.method,
  };
}

function breakdown(title: string, entries: Record<string, { monthlySavings: number; findingCount: number }>): BreakdownView {
  const sorted = Object.entries(entries).sort((a, b) => b[1].monthlySavings - a[1].monthlySavings || a[0].localeCompare(b[0]));
  const max = Math.max(0, ...sorted.map(([, v]) => v.monthlySavings));
  return {
    title,
    rows: sorted.map(([key, v]) => ({
      key,
      savings: formatUsd(v.monthlySavings),
      count: v.findingCount,
      barPct: max > 0 ? Math.round((v.monthlySavings / max) * 1000) / 10 : 0,
    })),
  };
}

function weekView(result: AuditResult, previous: AuditResult, current: FindingView[]): WeekView {
  const w = weekOverWeek(result, previous);
  const byId = new Map(current.map((v) => [v.id, v]));
  return {
    since: day(w.previousGeneratedAt),
    newCount: w.newFindings.length,
    newSavings: formatUsd(w.newSavings),
    resolvedCount: w.resolvedFindings.length,
    realised: formatUsd(w.realisedSavings),
    openCount: w.openFindings.length,
    stillOpen: formatUsd(w.stillOpenSavings),
    costChange: `${w.costChange > 0 ? '+' : ''}${formatUsd(w.costChange)}`,
    previousCost: formatUsd(w.previousMonthlyCost),
    coverageDiffers: w.coverageDiffers,
    newFindings: w.newFindings.map((f) => byId.get(f.id)!),
    resolvedFindings: w.resolvedFindings.map((f, i) => findingView(f, i + 1)),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function optionalPlan(plan: PlanView | undefined): { plan?: PlanView } {
  return plan === undefined ? {} : { plan };
}

function day(iso: string): string {
  return iso.slice(0, 10);
}
