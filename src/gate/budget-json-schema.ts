import { z } from 'zod';
import { BudgetSchema } from './budget-schema.js';

/** Where the shipped JSON Schema lives, relative to the repository root. */
export const BUDGET_SCHEMA_FILE = 'schemas/budget.schema.json';

/**
 * schemas/budget.schema.json, generated from the zod type so editors and the gate agree.
 * test/unit/gate-budget-schema.test.ts fails when the file drifts;
 * `npx tsx scripts/write-budget-schema.ts` rewrites it.
 */
export function budgetJsonSchemaText(): string {
  const json = z.toJSONSchema(BudgetSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ title: 'mlcost.budget.yaml', ...json }, null, 2)}\n`;
}
