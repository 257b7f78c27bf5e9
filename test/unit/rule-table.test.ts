import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleTableMarkdown, withRuleTable } from '../../src/engine/rules/docs.js';
import { loadRules } from '../../src/engine/rules/load.js';

describe('the rule table in docs/rules.md', () => {
  it('matches the rule files (regenerate with `npx tsx scripts/write-rule-table.ts`)', async () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(onDisk, "docs/rules.md's rule table is stale: run `npx tsx scripts/write-rule-table.ts`").toBe(withRuleTable(onDisk, await loadRules()));
  });

  it('has one row per rule, with every param and its default', async () => {
    const rules = await loadRules();
    const table = ruleTableMarkdown(rules);
    for (const r of rules) {
      const row = table.split('\n').find((l) => l.startsWith(`| \`${r.spec.id}\` |`));
      expect(row, r.spec.id).toBeDefined();
      for (const name of Object.keys(r.spec.params)) expect(row).toContain(`\`${name}\``);
    }
  });
});
