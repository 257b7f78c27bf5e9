import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSchemaFile, schemaValidator } from '../helpers/json-schema.js';
import { BUDGET_SCHEMA_FILE, budgetJsonSchemaText } from '../../src/gate/budget-json-schema.js';
import { loadBudget } from '../../src/gate/budget-load.js';
import { BudgetSchema } from '../../src/gate/budget-schema.js';
import { UserError } from '../../src/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BUDGETS = 'fixtures/gate/budgets';
const BAD = ['malformed.budget.yaml', 'invalid.budget.yaml', 'misspelt.budget.yaml'];
const GOOD = readdirSync(join(ROOT, BUDGETS)).filter((f) => f.endsWith('.yaml') && !BAD.includes(f));

async function loadError(file: string): Promise<UserError> {
  const err = await loadBudget(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return err as UserError;
}

describe('budget file', () => {
  it('schemas/budget.schema.json matches the zod type (regenerate: npx tsx scripts/write-budget-schema.ts)', () => {
    expect(readFileSync(join(ROOT, BUDGET_SCHEMA_FILE), 'utf8')).toBe(budgetJsonSchemaText());
  });

  it.each(GOOD)('%s loads and validates against the shipped JSON Schema', async (name) => {
    const ajv = schemaValidator({ allErrors: true });
    const schema = readSchemaFile(join(ROOT, BUDGET_SCHEMA_FILE));
    const raw: unknown = parse(readFileSync(join(ROOT, BUDGETS, name), 'utf8'));
    expect(ajv.validate(schema, raw), ajv.errorsText()).toBe(true);
    await expect(loadBudget(join(BUDGETS, name))).resolves.toBeDefined();
  });

  it('the shipped JSON Schema rejects a misspelt key too', () => {
    const ajv = schemaValidator();
    const schema = readSchemaFile(join(ROOT, BUDGET_SCHEMA_FILE));
    expect(ajv.validate(schema, { waste: { perTeam: { a: 1 } } })).toBe(false);
  });

  it('malformed YAML names file, line and column', async () => {
    const err = await loadError(`${BUDGETS}/malformed.budget.yaml`);
    expect(err.message).toMatch(/^fixtures\/gate\/budgets\/malformed\.budget\.yaml:5:\d+: invalid YAML: /);
  });

  it('a schema error names the line of the bad value', async () => {
    const err = await loadError(`${BUDGETS}/invalid.budget.yaml`);
    expect(err.message).toMatch(/invalid\.budget\.yaml:5:\d+: invalid budget: waste\.byTeam\.research: /);
  });

  it('a misspelt key is an error at its parent, not a silently ignored limit', async () => {
    const err = await loadError(`${BUDGETS}/misspelt.budget.yaml`);
    expect(err.message).toMatch(/misspelt\.budget\.yaml:2:\d+: invalid budget: waste: .*perTeam/);
  });

  it('a missing file is one UserError line', async () => {
    const err = await loadError(`${BUDGETS}/nope.yaml`);
    expect(err.message).toMatch(/nope\.yaml: cannot read/);
  });

  it.each([
    [{ cost: { maxIncrease: {} } }, 'cost.maxIncrease'],
    [{ accepted: [{ rule: 'r', resource: 'i-1', expires: '2026-13-45', reason: 'x' }] }, 'accepted.0.expires'],
    [{ accepted: [{ rule: 'r', resource: 'i-1', expires: '2026-02-30', reason: 'x' }] }, 'accepted.0.expires'],
    [{ accepted: [{ rule: 'r', resource: 'i-1', expires: '31/12/2026', reason: 'x' }] }, 'accepted.0.expires'],
    [{ accepted: [{ rule: 'r', resource: 'i-1', expires: '2026-12-31' }] }, 'accepted.0.reason'],
    [{ waste: { byCategory: { idel: 5 } } }, 'waste.byCategory'],
    [{ failOnNew: 'severe' }, 'failOnNew'],
    [{ version: 2 }, 'version'],
  ])('rejects %j at %s', (raw, path) => {
    const parsed = BudgetSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('an empty file is a budget with no limits', () => {
    expect(BudgetSchema.parse({})).toEqual({ version: 1, accepted: [] });
  });

  it('locates a limit on its own line for annotations', async () => {
    const { locate } = await loadBudget(`${BUDGETS}/passing.budget.yaml`);
    expect(locate(['waste', 'byTeam', 'research'])).toEqual({ label: `${BUDGETS}/passing.budget.yaml:10`, file: `${BUDGETS}/passing.budget.yaml`, line: 10 });
    expect(locate(['waste', 'byTeam', 'nobody']).line).toBe(10);
  });
});
