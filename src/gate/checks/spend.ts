import { keyLabel, type Dimension } from '../../billing/model.js';
import { addDays } from '../../billing/period.js';
import { roundCents } from '../../money.js';
import { UserError } from '../../errors.js';
import { ANY_OTHER, type Budget, type SpendDimension } from '../budget-schema.js';
import type { Locate } from '../budget-load.js';
import type { Delta } from '../compare.js';
import type { SavedSpendReport } from '../../billing/report-read.js';
import type { BudgetCheck } from '../verdict.js';
import { increaseChecks, type Against } from './increase.js';
import { anyOtherCheck, usdLimitCheck } from './usd-limit.js';

const DIMENSION: Record<SpendDimension, Dimension> = { byTeam: 'team', byAccount: 'account', byRegion: 'region', byService: 'service' };
// The spend report's week over week covers the latest 7 days the billing source holds, even beyond its --last window.
const WEEK_BEFORE: Against = { phrase: 'in the latest 7 days of billing data against the 7 before', missing: 'the billing data holds less than two weeks' };

/**
 * Actual spend, from billing data: effective cost over the spend report's window, its rise week
 * over week, and per team, account, region or service. Limits the report cannot answer (no
 * report, or one not grouped by the dimension a limit names) stop the gate: a spend limit that is
 * never checked would be a guard that silently does nothing.
 */
export function spendChecks(spend: Budget['spend'], report: { file: string; report: SavedSpendReport } | undefined, locate: Locate): BudgetCheck[] {
  if (!spend) return [];
  const where = locate(['spend']);
  if (!report) throw new UserError(`${where.label}: the budget limits spend, but no --spend FILE was given (write one with \`mlcost spend --output json\`)`);
  const r = report.report;
  // A window's end is exclusive; people read the last day.
  const per = ` over ${r.window.days} day${r.window.days === 1 ? '' : 's'} (${r.window.start} to ${addDays(r.window.end, -1)})`;
  const checks: BudgetCheck[] = [];
  if (spend.max !== undefined) {
    checks.push(
      usdLimitCheck({
        id: 'spend.max',
        name: 'Effective spend',
        actual: r.totals.effective,
        limit: spend.max,
        findings: [],
        source: locate(['spend', 'max']),
        per,
      }),
    );
  }
  if (spend.maxIncrease) {
    checks.push(...increaseChecks('spend', 'Effective spend', spend.maxIncrease, weekOverWeek(r), [], locate, WEEK_BEFORE));
  }
  for (const dim of Object.keys(DIMENSION) as SpendDimension[]) {
    const limits = spend[dim];
    if (!limits) continue;
    const dimension = DIMENSION[dim];
    if (!r.by.includes(dimension)) {
      throw new UserError(
        `${locate(['spend', dim]).label}: spend.${dim} needs a spend report grouped by ${dimension}; ${report.file} is grouped by ${r.by.join(', ') || 'nothing'} (use \`mlcost spend --by ${dimension} --output json\`)`,
      );
    }
    checks.push(...perKeyChecks(dim, limits, totalsBy(r, dimension), per, locate));
  }
  return checks;
}

function weekOverWeek(r: SavedSpendReport): Delta {
  const wow = r.deltas.weekOverWeek;
  if (!wow) return { before: null, after: r.totals.effective, change: null, pct: null };
  return { before: wow.previous.effective, after: wow.current.effective, change: wow.change, pct: wow.changePct };
}

/** Effective spend per value of one dimension (a report grouped by several is summed over the others). */
function totalsBy(r: SavedSpendReport, dimension: Dimension): Map<string, number> {
  const totals = new Map<string, number>();
  for (const g of r.groups) {
    const key = keyLabel(dimension, g.key[dimension]);
    totals.set(key, (totals.get(key) ?? 0) + g.effective);
  }
  return totals;
}

function perKeyChecks(dim: SpendDimension, limits: Partial<Record<string, number>>, totals: Map<string, number>, per: string, locate: Locate): BudgetCheck[] {
  const noun = DIMENSION[dim];
  const checks: BudgetCheck[] = [];
  for (const [key, limit] of Object.entries(limits)) {
    if (key === ANY_OTHER || limit === undefined) continue;
    const check = usdLimitCheck({
      id: `spend.${dim}.${key}`,
      name: `Effective spend of ${noun} ${key}`,
      actual: roundCents(totals.get(key) ?? 0),
      limit,
      findings: [],
      source: locate(['spend', dim, key]),
      per,
    });
    // A name the report does not have may be a typo: say so rather than hold it at $0 in silence.
    checks.push(totals.has(key) ? check : { ...check, message: `${check.message} (the spend report has no ${noun} ${key})` });
  }
  const otherLimit = limits[ANY_OTHER];
  if (otherLimit !== undefined) {
    const others = [...totals].filter(([key]) => !(key in limits)).map(([key, amount]) => ({ key, amount: roundCents(amount), findings: [] }));
    checks.push(
      anyOtherCheck({
        id: `spend.${dim}.${ANY_OTHER}`,
        what: 'Effective spend',
        noun,
        others,
        limit: otherLimit,
        source: locate(['spend', dim, ANY_OTHER]),
        per,
      }),
    );
  }
  return checks;
}
