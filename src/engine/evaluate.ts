import { PriceBook } from '../catalog/index.js';
import type { Config } from '../config/schema.js';
import { UserError, errorMessage } from '../errors.js';
import { RESOURCE_TYPE_ROWS, refOf, type AnyResource, type ResourceType } from '../snapshot/resources.js';
import type { Snapshot, SnapshotWarning } from '../snapshot/schema.js';
import { VERSION } from '../version.js';
import { precedenceOf, priceMove, type PricedMove } from './actions/index.js';
import { memoPerObject } from './memo.js';
import { roundCents } from '../money.js';
import { RESULT_SCHEMA_VERSION, type AuditResult, type Finding } from './result.js';
import type { LoadedRule } from './rules/load.js';
import type { ResourceFacts, SignalContext } from './signals/index.js';
import { indexVolumesByInstance } from './signals/types.js';
import { breakdowns, compareFindings, sumSavings } from './summarize.js';
import { buildCommitmentPlan } from './plan/build.js';
import { collectedSavingsPlanRates } from './plan/collected-rates.js';

export interface EvaluateOptions {
  rules: readonly LoadedRule[];
  config: Config;
  now?: Date;
}

interface Candidate {
  rule: LoadedRule;
  move: PricedMove;
  precedence: number;
}

/** Snapshot in, audit result out. Pure: no AWS, no I/O, no clock but `now`. */
export function evaluate(snapshot: Snapshot, options: EvaluateOptions): AuditResult {
  const env: SignalContext = {
    snapshot,
    prices: new PriceBook(snapshot.prices),
    minObservedHours: options.config.minObservedHours,
    config: options.config,
    asOf: new Date(snapshot.scope.lookback.end),
    volumesByInstance: indexVolumesByInstance(snapshot.resources.ebsVolumes),
  };
  let findings: Finding[] = [];
  const failures = new Map<string, { count: number; first: string }>();
  const applied = new Map<string, number>();
  const unknownPrices = new Map<string, number>();
  const moveWarnings = new Map<string, number>();
  let monthlyCost = 0;
  let unpriced = 0;

  // Findings whose move already prices other resources (an EKS node group's nodes), and the findings each resource got.
  const covering: { finding: Finding; covers: readonly CoveredRef[] }[] = [];
  const unpricedMoves = new Set<Finding>();
  for (const { id: type, listKey, signals, costPartOf } of RESOURCE_TYPE_ROWS) {
    const rules = options.rules.filter((r) => r.spec.resource === type);
    const build = signals.build;
    for (const resource of snapshot.resources[listKey]) {
      const facts = build(resource, env);
      if (facts.cost.monthly !== null && costPartOf === undefined) monthlyCost += facts.cost.monthly;
      if (facts.cost.unknown.length) {
        unpriced += 1;
        for (const reason of facts.cost.unknown) unknownPrices.set(reason, (unknownPrices.get(reason) ?? 0) + 1);
      }
      const candidates: Candidate[] = [];
      // One CEL context per resource, its params swapped per rule: conditions do not keep it.
      const context: RuleContext = { resource, signals: facts.signals, params: {} };
      for (const rule of rules) {
        applied.set(rule.spec.id, (applied.get(rule.spec.id) ?? 0) + 1);
        try {
          context.params = rule.params;
          const move = applyRule(rule, type, context, facts, env);
          if (move) candidates.push({ rule, move, precedence: precedenceOf(rule.spec.action.kind) });
        } catch (err) {
          const f = failures.get(rule.spec.id) ?? { count: 0, first: `${refOf(type, resource).id}: ${errorMessage(err).split('\n')[0]}` };
          f.count += 1;
          failures.set(rule.spec.id, f);
        }
      }
      const chosen = choose(candidates);
      if (!chosen) continue;
      const finding = toFinding(chosen, candidates, type, resource, facts, options.config);
      findings.push(finding);
      if (chosen.move.covers?.length) covering.push({ finding, covers: chosen.move.covers });
      if (chosen.move.warning !== undefined) moveWarnings.set(chosen.move.warning, (moveWarnings.get(chosen.move.warning) ?? 0) + 1);
      // A resource whose finding has no saving is unpriced too (counted once, with an unknown cost or not).
      if (chosen.move.monthlySavings === null && !facts.cost.unknown.length) {
        unpriced += 1;
        unpricedMoves.add(finding);
      }
    }
  }

  const superseded = supersede(findings, covering);
  for (const f of superseded) if (unpricedMoves.has(f)) unpriced -= 1;
  if (superseded.size) findings = findings.filter((f) => !superseded.has(f));
  findings.sort(compareFindings);
  const warnings: SnapshotWarning[] = [...snapshot.warnings];
  for (const [ruleId, f] of failures) {
    // A rule that fails everywhere is broken, not unlucky: its findings would silently be missing.
    if (f.count === applied.get(ruleId))
      throw new UserError(`rule ${ruleId} failed on every resource it applies to (${String(f.count)}); first error: ${f.first}`);
    warnings.push({ code: 'rule-error', message: `rule ${ruleId} could not be evaluated on ${f.count} resource(s); first: ${f.first}` });
  }
  for (const [message, count] of moveWarnings) warnings.push({ code: 'price-distrusted', message: `${message} (${count} finding(s))` });
  const savingsPlanRates = collectedSavingsPlanRates(snapshot, env.prices);
  warnings.push(...savingsPlanRates.warnings);
  for (const [reason, count] of unknownPrices) {
    warnings.push({ code: 'price-unknown', message: `${reason} (${count} resource(s) not counted in cost)` });
  }
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    generatedAt: (options.now ?? new Date()).toISOString(),
    tool: { name: 'mlcost', version: VERSION },
    scope: { ...snapshot.scope, snapshotCollectedAt: snapshot.collectedAt },
    totals: { monthlyCost: roundCents(monthlyCost), monthlySavings: sumSavings(findings), findingCount: findings.length, unpricedResources: unpriced },
    breakdowns: breakdowns(findings),
    findings,
    commitmentPlan: buildCommitmentPlan(snapshot, findings, env.prices, { covering, collectedRates: savingsPlanRates }),
    warnings,
  };
}

interface RuleContext {
  resource: AnyResource;
  signals: object;
  params: LoadedRule['params'];
}

function applyRule(rule: LoadedRule, type: ResourceType, context: RuleContext, facts: ResourceFacts, env: SignalContext): PricedMove | undefined {
  if (rule.when(context) !== true) return undefined;
  return priceMove(rule.spec.action.kind, type, context.resource, facts, rule.params, env);
}

/** Moves on one resource exclude each other: keep the one done first, then the larger saving. */
function choose(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best || c.precedence < best.precedence || (c.precedence === best.precedence && (c.move.monthlySavings ?? -1) > (best.move.monthlySavings ?? -1)))
      best = c;
  }
  return best;
}

function toFinding(chosen: Candidate, all: readonly Candidate[], type: ResourceType, resource: AnyResource, facts: ResourceFacts, config: Config): Finding {
  const { rule, move } = chosen;
  // Fresh objects are extended in place rather than spread into copies: a spread-and-add gives
  // every finding a hidden class of its own (~300 bytes each, measured over 100,000 resources).
  const ref: Finding['resource'] = refOf(type, resource);
  const team = facts.team ?? teamOf(ref.tags, config.teamTags);
  if (team !== undefined) ref.team = team;
  const alternatives =
    all.length > 1
      ? all
          .filter((c) => c !== chosen)
          .map((c) => ({ ruleId: c.rule.spec.id, action: c.move.description, monthlySavings: c.move.monthlySavings, why: doneFirst(rule) }))
      : [];
  const action: Finding['action'] = { kind: rule.spec.action.kind, description: move.description };
  if (move.from !== undefined) action.from = move.from;
  if (move.to !== undefined) action.to = move.to;
  return {
    id: [rule.spec.id, ref.accountId, ref.region, ref.id].join(':'),
    ruleId: rule.spec.id,
    title: rule.spec.title,
    category: rule.spec.category,
    severity: move.severity ?? rule.spec.severity,
    confidence: move.confidence,
    resource: ref,
    problem: rule.problem({ resource, signals: facts.signals, params: rule.params }),
    action,
    monthlyCost: facts.cost.monthly,
    monthlySavings: move.monthlySavings,
    pricing: move.pricing,
    evidence: alternatives.length ? Object.assign(move.evidence, { alternatives }) : move.evidence,
    tradeoff: move.tradeoff,
  };
}

type CoveredRef = NonNullable<PricedMove['covers']>[number];

/**
 * One finding per resource, the more specific wins: a move that already prices other resources
 * (scaling an EKS node group down saves its nodes' EC2 cost) takes their findings' place, so the
 * same money is never counted twice. The findings it replaces are named in its evidence.
 */
function supersede(findings: readonly Finding[], covering: readonly { finding: Finding; covers: readonly CoveredRef[] }[]): Set<Finding> {
  if (!covering.length) return new Set();
  const key = (type: string, accountId: string, region: string, id: string) => `${type}|${accountId}|${region}|${id}`;
  const coveredBy = new Map<string, Finding>();
  for (const { finding, covers } of covering) {
    for (const c of covers) coveredBy.set(key(c.type, finding.resource.accountId, finding.resource.region, c.id), finding);
  }
  const out = new Set<Finding>();
  for (const f of findings) {
    const by = coveredBy.get(key(f.resource.type, f.resource.accountId, f.resource.region, f.resource.id));
    if (!by || by === f) continue;
    out.add(f);
    const list = (by.evidence['supersedes'] ??= []) as { ruleId: string; resourceId: string; monthlySavings: number | null }[];
    list.push({ ruleId: f.ruleId, resourceId: f.resource.id, monthlySavings: f.monthlySavings });
  }
  return out;
}

function teamOf(tags: Readonly<Record<string, string>>, teamTags: readonly string[]): string | undefined {
  for (const key of teamTags) {
    const v = tags[key];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

// One string per rule, not one per finding: a large audit holds tens of thousands of alternatives.
const doneFirst = memoPerObject((rule: LoadedRule) => `one move per resource: ${rule.spec.id} (${rule.spec.action.kind}) is done first`);
