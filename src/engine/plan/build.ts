import type { PriceBook } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { Snapshot } from '../../snapshot/schema.js';
import type { Finding } from '../result.js';
import { existingCommitments, reservedCounts } from './existing.js';
import { netOf } from './net.js';
import { priceOptions, recommend, PAYBACK_MONTHS, type TypedUsage } from './options.js';
import type { AccountPlan, CommitmentPlan, PlanLine, UsagePool } from './schema.js';
import { familyOf, STEADY_RUNNING_PCT, USAGE_SOURCES } from './usage.js';

export const PLAN_METHOD =
  `Steady usage (on-demand EC2 instances that ran at least ${STEADY_RUNNING_PCT}% of the lookback, SageMaker endpoints and notebooks in service), ` +
  'minus the effect of every other finding: boxes to be stopped, deleted, scheduled or moved to Spot are left out, resized boxes count at their new size. ' +
  'Reserved Instances in force cover their instance type first; the rest is priced per option as (on-demand - committed effective hourly) x 730 h. ' +
  `The recommended option is the largest saving that pays back within ${PAYBACK_MONTHS} months; break-even month = term months x committed / on-demand.`;

interface Group {
  accountId: string;
  pool: UsagePool;
  region: string;
  family: string;
  gross: number | null;
  net: Map<string, { count: number; unit: number | null }>;
  unknown: string[];
  netted: PlanLine['netted'];
}

/** The plan for every account in the Snapshot, netted against the audit's own findings. Pure. */
export function buildCommitmentPlan(snapshot: Snapshot, findings: readonly Finding[], prices: PriceBook): CommitmentPlan {
  const asOf = new Date(snapshot.scope.lookback.end);
  const byResource = new Map(findings.map((f) => [key(f.resource.type, f.resource.accountId, f.resource.region, f.resource.id), f]));
  const groups = new Map<string, Group>();
  const group = (accountId: string, pool: UsagePool, region: string, family: string): Group => {
    const k = key(accountId, pool, region, family);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { accountId, pool, region, family, gross: 0, net: new Map(), unknown: [], netted: [] }));
    return g;
  };
  for (const source of USAGE_SOURCES) {
    for (const line of source.lines(snapshot, prices)) {
      const before = group(line.accountId, line.pool, line.region, familyOf(line.instanceType));
      before.gross = line.unit.known && before.gross !== null ? before.gross + line.unit.price.usd * line.count : null;
      const finding = byResource.get(key(line.type, line.accountId, line.region, line.resourceId));
      const after = netOf(line, finding, prices);
      if (finding && after.effect !== undefined) before.netted.push({ resourceId: line.resourceId, ruleId: finding.ruleId, effect: after.effect });
      if (!after.kept) continue;
      const g = group(line.accountId, line.pool, line.region, familyOf(after.instanceType));
      const entry = g.net.get(after.instanceType) ?? { count: 0, unit: after.unit.known ? after.unit.price.usd : null };
      entry.count += after.count;
      g.net.set(after.instanceType, entry);
      if (!after.unit.known) g.unknown.push(after.unit.reason);
    }
  }
  const accounts = new Map<string, AccountPlan>();
  const accountIds = new Set([...snapshot.scope.accounts, ...[...groups.values()].map((g) => g.accountId)]);
  for (const accountId of [...accountIds].sort()) {
    const ri = reservedCounts(snapshot.resources.reservedInstances, accountId, asOf);
    const lines = [...groups.values()]
      .filter((g) => g.accountId === accountId)
      .sort((a, b) => a.pool.localeCompare(b.pool) || a.region.localeCompare(b.region) || a.family.localeCompare(b.family))
      .map((g) => lineOf(g, ri, prices));
    const existing = existingCommitments(snapshot, accountId, asOf, ri);
    if (!lines.length && !existing.commitments.length) continue;
    accounts.set(accountId, { accountId, lines, existing: existing.commitments, savingsPlansHourly: existing.savingsPlansHourly });
  }
  return { method: PLAN_METHOD, accounts: [...accounts.values()], totals: totalsOf([...accounts.values()]) };
}

function lineOf(g: Group, ri: Map<string, { reserved: number; used: number }>, prices: PriceBook): PlanLine {
  const usage = [...g.net].sort(([a], [b]) => a.localeCompare(b)).map(([instanceType, e]) => ({ instanceType, count: e.count, onDemandHourly: e.unit }));
  const priced = g.unknown.length === 0;
  const net = priced ? usage.reduce((s, u) => s + (u.onDemandHourly ?? 0) * u.count, 0) : null;
  let covered = 0;
  const uncovered: TypedUsage[] = [];
  for (const u of usage) {
    // Only EC2 Reserved Instances exist; SageMaker has Savings Plans only.
    const r = g.pool === 'ec2' ? ri.get(`${g.region}|${u.instanceType}`) : undefined;
    const take = r ? Math.min(r.reserved - r.used, u.count) : 0;
    if (r) r.used += take;
    covered += take * (u.onDemandHourly ?? 0);
    if (u.count > take && u.onDemandHourly !== null) uncovered.push({ instanceType: u.instanceType, count: u.count - take, onDemandHourly: u.onDemandHourly });
  }
  const options = !priced
    ? priceOptions(g.pool, g.region, [], prices).map((o) => ({
        ...o,
        commitmentHourly: null,
        monthlySavings: null,
        breakEvenMonth: null,
        unknown: g.unknown[0],
      }))
    : uncovered.length
      ? priceOptions(g.pool, g.region, uncovered, prices)
      : [];
  const line: PlanLine = {
    pool: g.pool,
    region: g.region,
    family: g.family,
    usage,
    grossHourly: g.gross === null ? null : round4(g.gross),
    netHourly: net === null ? null : round4(net),
    coveredHourly: priced ? round4(covered) : null,
    options,
    netted: g.netted,
  };
  const best = recommend(options);
  if (best !== undefined) line.recommended = best;
  return line;
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
