import { readAuditResult } from '../engine/result-io.js';
import type { Severity } from '../engine/result.js';
import { fileExists } from '../files.js';
import { UserError } from '../errors.js';
import { loadBudget } from './budget-load.js';
import { readSpendReport } from '../billing/report-read.js';
import type { GateInput } from './evaluate.js';
import { assertSameScope } from './scope.js';

export const DEFAULT_BUDGET_FILE = 'mlcost.budget.yaml';

export interface GateFiles {
  current: string;
  baseline?: string;
  /** Without it, ./mlcost.budget.yaml is used when present (as the config file is). */
  budget?: string;
  failOnNew?: Severity;
  /** A spend report (`mlcost spend --output json`) for the budget's `spend` limits. */
  spend?: string;
}

/** Reads and cross-checks everything the gate compares; any bad input is a one-line UserError (exit 2). */
export async function readGateInput(files: GateFiles, now: Date): Promise<GateInput> {
  const current = { file: files.current, result: await readAuditResult(files.current) };
  const baseline = files.baseline !== undefined ? { file: files.baseline, result: await readAuditResult(files.baseline) } : undefined;
  if (baseline) assertSameScope(current.result, current.file, baseline.result, baseline.file);
  const budgetFile = files.budget ?? ((await fileExists(DEFAULT_BUDGET_FILE)) ? DEFAULT_BUDGET_FILE : undefined);
  if (files.budget !== undefined && !(await fileExists(files.budget))) throw new UserError(`${files.budget}: budget file not found`);
  const budget = budgetFile !== undefined ? { file: budgetFile, loaded: await loadBudget(budgetFile) } : undefined;
  const spend = files.spend !== undefined ? { file: files.spend, report: await readSpendReport(files.spend) } : undefined;
  return {
    current,
    ...(baseline ? { baseline } : {}),
    ...(budget ? { budget } : {}),
    ...(spend ? { spend } : {}),
    ...(files.failOnNew !== undefined ? { failOnNew: files.failOnNew } : {}),
    now,
  };
}
