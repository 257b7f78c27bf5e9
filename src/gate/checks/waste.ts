import type { Finding } from '../../engine/result.js';
import { ANY_OTHER, WASTE_DIMENSIONS, type Budget, type WasteDimension } from '../budget-schema.js';
import { sumSavings } from '../../engine/summarize.js';
import { DIMENSION_KEY } from '../compare.js';
import type { BudgetCheck } from '../verdict.js';
import type { CheckContext } from './context.js';
import { increaseChecks } from './increase.js';
import { anyOtherCheck, usdLimitCheck } from './usd-limit.js';

const DIMENSION_NOUN: Record<WasteDimension, string> = {
  byTeam: 'team',
  byAccount: 'account',
  byRegion: 'region',
  byCategory: 'category',
};

/** Monthly waste: open savings of the findings that count, in total and per team/account/region/category. */
export function wasteChecks(waste: Budget['waste'], ctx: CheckContext): BudgetCheck[] {
  if (!waste) return [];
  const checks: BudgetCheck[] = [];
  if (waste.max !== undefined) {
    checks.push(
      usdLimitCheck({
        id: 'waste.max',
        name: 'Monthly waste',
        actual: sumSavings(ctx.open),
        limit: waste.max,
        findings: ctx.open,
        source: ctx.locate(['waste', 'max']),
      }),
    );
  }
  if (waste.maxIncrease) {
    checks.push(...increaseChecks('waste', 'Monthly waste', waste.maxIncrease, ctx.comparison.waste, grownFindings(ctx), ctx.locate));
  }
  for (const dim of WASTE_DIMENSIONS) {
    const limits = waste[dim];
    if (limits) checks.push(...dimensionChecks(dim, limits, ctx));
  }
  return checks;
}

function dimensionChecks(dim: WasteDimension, limits: Partial<Record<string, number>>, ctx: CheckContext): BudgetCheck[] {
  const groups = new Map<string, Finding[]>();
  for (const f of ctx.open) groups.set(DIMENSION_KEY[dim](f), [...(groups.get(DIMENSION_KEY[dim](f)) ?? []), f]);
  const noun = DIMENSION_NOUN[dim];
  const checks: BudgetCheck[] = [];
  for (const [key, limit] of Object.entries(limits)) {
    if (key === ANY_OTHER || limit === undefined) continue;
    const findings = groups.get(key) ?? [];
    checks.push(
      usdLimitCheck({
        id: `waste.${dim}.${key}`,
        name: `Monthly waste of ${noun} ${key}`,
        actual: sumSavings(findings),
        limit,
        findings,
        source: ctx.locate(['waste', dim, key]),
      }),
    );
  }
  const otherLimit = limits[ANY_OTHER];
  if (otherLimit !== undefined) {
    const others = [...groups].filter(([key]) => !(key in limits)).map(([key, findings]) => ({ key, amount: sumSavings(findings), findings }));
    checks.push(
      anyOtherCheck({ id: `waste.${dim}.${ANY_OTHER}`, what: 'Monthly waste', noun, others, limit: otherLimit, source: ctx.locate(['waste', dim, ANY_OTHER]) }),
    );
  }
  return checks;
}

/** The findings behind a rise in waste: new ones, and those whose savings grew. */
function grownFindings(ctx: CheckContext): Finding[] {
  const open = new Set(ctx.open.map((f) => f.id));
  const grown = ctx.comparison.changedFindings.filter((c) => (c.after.monthlySavings ?? 0) > (c.before.monthlySavings ?? 0)).map((c) => c.after);
  return [...ctx.comparison.newFindings, ...grown].filter((f) => open.has(f.id));
}
