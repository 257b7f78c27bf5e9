// Regenerates schemas/budget.schema.json from the zod budget type: `npx tsx scripts/write-budget-schema.ts`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_SCHEMA_FILE, budgetJsonSchemaText } from '../src/gate/budget-json-schema.js';

writeFileSync(join(import.meta.dirname, '..', BUDGET_SCHEMA_FILE), budgetJsonSchemaText());
console.log(`wrote ${BUDGET_SCHEMA_FILE}`);
