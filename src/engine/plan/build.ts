import type { PriceBook } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { ResourceType } from '../../snapshot/resources.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { Finding } from '../result.js';
import { collectedSavingsPlanRates, type CollectedSavingsPlanRates } from './collected-rates.js';
import { compareWithCostExplorer } from './cost-explorer.js';
import { activeSavingsPlans, existingCommitments, reservedCounts, type ReservedCounts } from './existing.js';
import { netOf } from './net.js';
import { priceOptions, recommend, unpricedOptions, PAYBACK_MONTHS, type PlanRates, type SavingsPlanRate } from './options.js';
import { coverBySavingsPlans, type CoverItem } from './savings-plan-cover.js';
import type { AccountPlan, CommitmentPlan, PlanLine, UsagePool, UsageUse } from './schema.js';
import { familyOf, STEADY_RUNNING_PCT, USAGE_SOURCES } from './usage.js';

export const PLAN_METHOD =
  `Usage to commit to: on-demand EC2 instances that ran at least ${STEADY_RUNNING_PCT}% of the lookback, SageMaker endpoints and notebooks in service, ` +
  'and on-demand SageMaker training jobs as billed instance-hours / window hours (an average over the window, not a steady box: it holds only if the team keeps training at that pace); ' +
  'minus the effect of every other finding: boxes to be stopped, deleted, scheduled or moved to Spot are left out, resized boxes count at their new size, dropped warm pools lose their retained hours, ' +
  'and an EKS node-group finding applies to its nodes. ' +
  'Then, in AWS’s order, Reserved Instances in force cover their instance type, EC2 Instance Savings Plans their family and region, Compute Savings Plans any EC2 usage and SageMaker Savings Plans SageMaker usage, ' +
  'each plan spending its hourly commitment on the usage it discounts most. ' +
  'What is left is priced per option as (on-demand - committed effective hourly) x 730 h. ' +
  `The recommended option is the largest saving that pays back within ${PAYBACK_MONTHS} months; break-even month = term months x committed / on-demand.`;

/** What the plan reads beside the Snapshot and findings: moves that cover other resources (EKS nodes) and where Savings Plans rates come from. */
export interface PlanInputs {
  covering?: readonly { finding: Finding; covers: readonly { type: ResourceType; id: string }[] }[];
  /** The Savings Plans rates the Snapshot carries (built from it when absent). */
  collectedRates?: Pick<CollectedSavingsPlanRates, 'offering' | 'bought'>;
  /** Overrides the offering rates (tests). */
  savingsPlanRate?: SavingsPlanRate;
}

interface Group {
  accountId: string;
  pool: UsagePool;
  region: string;
  family: string;
  gross: number | null;
  net: Map<string, { instanceType: string; use: UsageUse; count: number; unit: number | null }>;
  unknown: string[];
  netted: PlanLine['netted'];
}

/** The plan for every account in the Snapshot, netted against the audit's own findings. Pure. */
export function buildCommitmentPlan(snapshot: Snapshot, findings: readonly Finding[], prices: PriceBook, inputs: PlanInputs = {}): CommitmentPlan {
  const asOf = new Date(snapshot.scope.lookback.end);
  const collected = inputs.collectedRates ?? collectedSavingsPlanRates(snapshot, prices);
  const rates: PlanRates = { prices, savingsPlan: inputs.savingsPlanRate ?? collected.offering };
  const byResource = new Map(findings.map((f) => [key(f.resource.type, f.resource.accountId, f.resource.region, f.resource.id), f]));
  // A move that prices other resources (an EKS node group's nodes) is the one that applies to their usage.
  for (const { finding, covers } of inputs.covering ?? [])
    for (const c of covers) byResource.set(key(c.type, finding.resource.accountId, finding.resource.region, c.id), finding);
  const groups = new Map<string, Group>();
  const group = (accountId: string, pool: UsagePool, region: string, family: string): Group => {
    const k = key(accountId, pool, region, family);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { accountId, pool, region, family, gross: 0, net: new Map(), unknown: [], netted: [] }));
    return g;
  };
  for (const source of USAGE_SOURCES) {
    for (const line of source.lines(snapshot, (t, r) => source.price(prices, t, r), prices)) {
      const before = group(line.accountId, line.pool, line.region, familyOf(line.instanceType));
      before.gross = line.unit.known && before.gross !== null ? before.gross + line.unit.price.usd * line.count : null;
      const finding = byResource.get(key(line.type, line.accountId, line.region, line.resourceId));
      const after = netOf(line, finding, prices);
      if (finding && after.effect !== undefined) before.netted.push({ resourceId: line.resourceId, ruleId: finding.ruleId, effect: after.effect });
      if (!after.kept) continue;
      const g = group(line.accountId, line.pool, line.region, familyOf(after.instanceType));
      const k = `${line.use}|${after.instanceType}`;
      const entry = g.net.get(k) ?? { instanceType: after.instanceType, use: line.use, count: 0, unit: after.unit.known ? after.unit.price.usd : null };
      entry.count += after.count;
      g.net.set(k, entry);
      if (!after.unit.known) g.unknown.push(after.unit.reason);
    }
  }
  const accounts: AccountPlan[] = [];
  const accountIds = new Set([...snapshot.scope.accounts, ...[...groups.values()].map((g) => g.accountId)]);
  for (const accountId of [...accountIds].sort()) {
    const ri = reservedCounts(snapshot.resources.reservedInstances, accountId, asOf);
    const staged = [...groups.values()]
      .filter((g) => g.accountId === accountId)
      .sort((a, b) => a.pool.localeCompare(b.pool) || a.region.localeCompare(b.region) || a.family.localeCompare(b.family))
      .map((g) => stage(g, ri));
    const plans = activeSavingsPlans(snapshot, accountId, asOf);
    const spent = coverBySavingsPlans(
      plans,
      staged.flatMap((s) => s.items),
      rates.savingsPlan,
      collected.bought,
    );
    const lines = staged.map((s) => finish(s, rates));
    const existing = existingCommitments(snapshot, accountId, asOf, ri, spent);
    const ce = compareWithCostExplorer(snapshot, accountId, lines);
    if (!lines.length && !existing.commitments.length && !ce.length) continue;
    const account: AccountPlan = { accountId, lines, existing: existing.commitments, savingsPlansHourly: existing.savingsPlansHourly };
    if (ce.length) account.costExplorer = ce;
    accounts.push(account);
  }
  return { method: PLAN_METHOD, accounts, totals: totalsOf(accounts) };
}

interface Staged {
  g: Group;
  usage: PlanLine['usage'];
  riCovered: number;
  /** The usage left after the RIs, by type and use, for the Savings Plans in force. */
  items: CoverItem[];
}

/** The line's usage after the findings, and what Reserved Instances in force take of it first (their instance type, EC2 only). */
function stage(g: Group, ri: ReservedCounts): Staged {
  const usage = [...g.net.values()]
    .sort((a, b) => a.instanceType.localeCompare(b.instanceType) || a.use.localeCompare(b.use))
    .map((e) => ({ instanceType: e.instanceType, use: e.use, count: e.count, onDemandHourly: e.unit }));
  let riCovered = 0;
  const items: CoverItem[] = [];
  for (const u of usage) {
    const r = g.pool === 'ec2' ? ri.get(`${g.region}|${u.instanceType}`) : undefined;
    const take = r ? Math.min(r.reserved - r.used, u.count) : 0;
    if (r) r.used += take;
    riCovered += take * (u.onDemandHourly ?? 0);
    if (u.count - take > 1e-9 && u.onDemandHourly !== null)
      items.push({
        pool: g.pool,
        region: g.region,
        family: g.family,
        instanceType: u.instanceType,
        use: u.use,
        count: u.count - take,
        onDemandHourly: u.onDemandHourly,
        covered: 0,
        coveredBy: [],
      });
  }
  // Shown to 4 decimals (training averages); the sums above use the exact counts.
  return { g, usage: usage.map((u) => ({ ...u, count: round4(u.count) || u.count })), riCovered, items };
}

/** The line's options on what RIs and Savings Plans in force leave, the one recommended, or why none is. */
function finish({ g, usage, riCovered, items }: Staged, rates: PlanRates): PlanLine {
  const priced = g.unknown.length === 0;
  const net = priced ? usage.reduce((s, u) => s + (u.onDemandHourly ?? 0) * u.count, 0) : null;
  const spUnknown = items.find((i) => i.unknown !== undefined)?.unknown;
  const spCovered = spUnknown === undefined ? items.reduce((s, i) => s + i.covered * i.onDemandHourly, 0) : null;
  const left = items
    .filter((i) => i.count - i.covered > 1e-6)
    .map((i) => ({ instanceType: i.instanceType, use: i.use, count: i.count - i.covered, onDemandHourly: i.onDemandHourly }));
  const unknownReason = priced ? spUnknown : g.unknown[0];
  const options = unknownReason !== undefined ? unpricedOptions(g.pool, unknownReason) : left.length ? priceOptions(g.pool, g.region, left, rates) : [];
  const line: PlanLine = {
    pool: g.pool,
    region: g.region,
    family: g.family,
    usage,
    grossHourly: g.gross === null ? null : round4(g.gross),
    netHourly: net === null ? null : round4(net),
    coveredHourly: priced ? round4(riCovered) : null,
    savingsPlanCoveredHourly: priced && spCovered !== null ? round4(spCovered) : null,
    options,
    netted: g.netted,
  };
  const best = recommend(options);
  if (best !== undefined) line.recommended = best;
  else line.noneBecause = noneBecause(line, items);
  return line;
}

function noneBecause(line: PlanLine, items: readonly CoverItem[]): string {
  if (!line.usage.length) return 'the findings leave no usage here to commit to';
  if (!line.options.length) {
    const plans = [...new Set(items.flatMap((i) => i.coveredBy))];
    const by = [line.coveredHourly ? 'Reserved Instances' : '', plans.length ? `Savings Plans (${plans.join(', ')})` : ''].filter(Boolean).join(' and ');
    return `${by || 'commitments'} in force already cover all of it`;
  }
  const unknown = line.options.find((o) => o.monthlySavings === null)?.unknown;
  if (line.options.every((o) => o.monthlySavings === null)) return `no commitment rate known (${unknown ?? 'no rate'})`;
  return `no priced option pays back within ${PAYBACK_MONTHS} months`;
}

function totalsOf(accounts: readonly AccountPlan[]): CommitmentPlan['totals'] {
  const lines = accounts.flatMap((a) => a.lines);
  return {
    grossHourly: round4(lines.reduce((s, l) => s + (l.grossHourly ?? 0), 0)),
    netHourly: round4(lines.reduce((s, l) => s + (l.netHourly ?? 0), 0)),
    monthlySavings: roundCents(lines.reduce((s, l) => s + (l.recommended === undefined ? 0 : (l.options[l.recommended]?.monthlySavings ?? 0)), 0)),
    unpricedLines: lines.filter((l) => l.options.length > 0 && l.recommended === undefined && l.options.every((o) => o.monthlySavings === null)).length,
    expiringSoon: accounts.reduce((s, a) => s + a.existing.filter((e) => e.expiringSoon).length, 0),
  };
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

function key(...parts: string[]): string {
  return parts.join('|');
}
