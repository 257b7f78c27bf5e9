import type { Budget } from '../budget-schema.js';
import type { BudgetCheck } from '../verdict.js';
import type { CheckContext } from './context.js';
import { increaseChecks } from './increase.js';
import { usdLimitCheck } from './usd-limit.js';

/**
 * Monthly cost in scope. The audit result carries cost as one total (not per team or region),
 * so cost limits are on the total; unpriced resources are not in it, and the message says so.
 */
export function costChecks(cost: Budget['cost'], ctx: CheckContext): BudgetCheck[] {
  if (!cost) return [];
  const unpriced = ctx.current.totals.unpricedResources;
  const name = 'Monthly cost in scope';
  const checks: BudgetCheck[] = [];
  if (cost.max !== undefined) {
    const check = usdLimitCheck({
      id: 'cost.max',
      name,
      actual: ctx.current.totals.monthlyCost,
      limit: cost.max,
      findings: [],
      source: ctx.locate(['cost', 'max']),
    });
    checks.push(unpriced ? { ...check, message: `${check.message} (${unpriced} unpriced resource(s) not included)` } : check);
  }
  if (cost.maxIncrease) checks.push(...increaseChecks('cost', name, cost.maxIncrease, ctx.comparison.cost, [], ctx.locate));
  return checks;
}
