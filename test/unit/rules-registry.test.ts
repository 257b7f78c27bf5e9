import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateActionParams } from '../../src/engine/actions/index.js';
import { compileCel, ruleEnvironment } from '../../src/engine/cel.js';
import { BUILTIN_RULES_DIR, loadRules } from '../../src/engine/rules/load.js';
import { CATEGORIES } from '../../src/engine/result.js';

const ROOT = join(import.meta.dirname, '..', '..');
const files = readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith('.yaml'));
const rules = await loadRules();

describe('rule registry', () => {
  it('loads every rule file (schema, CEL, params, action) and nothing else', () => {
    expect(rules.map((r) => `${r.spec.id}.yaml`).sort()).toEqual([...files].sort());
  });

  describe.each(rules.map((r) => [r.spec.id, r] as const))('%s', (id, rule) => {
    it('is named after its file', () => {
      expect(rule.file.endsWith(`${id}.yaml`)).toBe(true);
    });
    it('has a when expression that compiles to a boolean', () => {
      expect(() => compileCel(ruleEnvironment(), rule.spec.when)).not.toThrow();
    });
    it('has defaults that satisfy their own bounds and types', () => {
      for (const [name, p] of Object.entries(rule.spec.params)) {
        const v = p.default;
        if (p.type === 'number' || p.type === 'integer') {
          expect(typeof v, name).toBe('number');
          if (p.type === 'integer') expect(Number.isInteger(v), name).toBe(true);
          if (p.min !== undefined) expect(v as number, name).toBeGreaterThanOrEqual(p.min);
          if (p.max !== undefined) expect(v as number, name).toBeLessThanOrEqual(p.max);
        }
        if (p.type === 'boolean') expect(typeof v, name).toBe('boolean');
        if (p.type === 'string-list') expect(Array.isArray(v), name).toBe(true);
      }
    });
    it('uses an action that prices its resource, with params its action accepts', () => {
      expect(validateActionParams(rule.spec.action.kind, rule.spec.resource, rule.params)).toBeUndefined();
    });
    it('has docs a person can act on', () => {
      const d = rule.spec.docs;
      for (const text of [d.summary, d.evidence, d.risk, d.fix]) expect(text.length).toBeGreaterThan(40);
      expect(CATEGORIES).toContain(rule.spec.category);
    });
    it('has a table test', () => {
      expect(existsSync(join(ROOT, 'test', 'rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
    });
    it('uses only params it declares', () => {
      for (const m of `${rule.spec.when} ${rule.spec.problem}`.matchAll(/params\.([a-zA-Z0-9]+)/g)) {
        expect(Object.keys(rule.spec.params), `${id} uses params.${m[1]}`).toContain(m[1]);
      }
    });
  });
});
