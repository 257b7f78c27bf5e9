import type { AuditResult, Severity } from '../engine/result.js';
import { applyAcceptances, matches, utcDay } from './acceptances.js';
import { flagLocation, type LoadedBudget, type Locate } from './budget-load.js';
import { acceptanceExpiryCheck } from './checks/acceptance-expiry.js';
import type { CheckContext } from './checks/context.js';
import { costChecks } from './checks/cost.js';
import { newFindingsCheck } from './checks/new-findings.js';
import { spendChecks } from './checks/spend.js';
import { wasteChecks } from './checks/waste.js';
import { compareWithBaseline } from './compare.js';
import type { SavedSpendReport } from '../billing/report-read.js';
import { overallStatus, type ResultRef, type Verdict } from './verdict.js';

export interface GateInput {
  current: { file: string; result: AuditResult };
  baseline?: { file: string; result: AuditResult };
  budget?: { file: string; loaded: LoadedBudget };
  /** `--spend`: a spend report (`mlcost spend --output json`) for the budget's spend limits. */
  spend?: { file: string; report: SavedSpendReport };
  /** `--fail-on-new`: wins over the budget file's `failOnNew`. */
  failOnNew?: Severity;
  /** The day acceptances are judged on (tests pin it). */
  now: Date;
}

const NO_FILE: Locate = () => ({ label: '(no budget file)' });

/** Compares and checks every budget. Reads nothing, writes nothing; a limit the inputs cannot answer is a UserError. */
export function evaluateGate(input: GateInput): Verdict {
  const budget = input.budget?.loaded.budget;
  const locate = input.budget?.loaded.locate ?? NO_FILE;
  const current = input.current.result;
  const baseline = input.baseline?.result;
  const acceptances = applyAcceptances(current.findings, budget?.accepted ?? [], input.now);
  // Acceptances in force apply to the baseline's findings too, so accepting one is not a "saving".
  const inForce = (budget?.accepted ?? []).filter((a) => a.expires >= utcDay(input.now));
  const comparison = compareWithBaseline(current, baseline, (f) => !inForce.some((a) => matches(a, f)));
  const ctx: CheckContext = { current, baseline, comparison, acceptances, open: acceptances.open, locate };

  const failOnNew = input.failOnNew ?? budget?.failOnNew;
  const failOnNewSource = input.failOnNew !== undefined ? flagLocation('--fail-on-new') : locate(['failOnNew']);
  const checks = [
    ...costChecks(budget?.cost, ctx),
    ...wasteChecks(budget?.waste, ctx),
    ...spendChecks(budget?.spend, input.spend, locate),
    ...(failOnNew ? [newFindingsCheck(failOnNew, failOnNewSource, ctx)] : []),
    ...(budget?.accepted.length ? [acceptanceExpiryCheck(ctx)] : []),
  ];
  return {
    status: overallStatus(checks),
    current: ref(input.current.file, current),
    baseline: input.baseline ? ref(input.baseline.file, input.baseline.result) : null,
    budgetFile: input.budget?.file ?? null,
    failOnNew: failOnNew ?? null,
    checks,
    comparison,
    acceptances,
  };
}

function ref(file: string, result: AuditResult): ResultRef {
  return { file, generatedAt: result.generatedAt, accounts: result.scope.accounts, regions: result.scope.regions };
}
