import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleTableMarkdown, withRuleTable } from '../../src/engine/rules/docs.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { signalTableMarkdown, signalsReadBy, withSignalTable } from '../../src/engine/rules/signal-docs.js';
import { RESOURCE_TYPE_ROWS } from '../../src/snapshot/resources.js';

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

describe('the signal reference in docs/rules.md', () => {
  it('matches the signal key lists (regenerate with `npx tsx scripts/write-rule-table.ts`)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    expect(onDisk, "docs/rules.md's signal reference is stale: run `npx tsx scripts/write-rule-table.ts`").toBe(withSignalTable(onDisk));
  });

  it('has a section per resource type and a row per documented signal', () => {
    const table = signalTableMarkdown();
    for (const row of RESOURCE_TYPE_ROWS) {
      expect(table).toContain(`#### \`${row.id}\` (${row.displayName})`);
      for (const [name, key] of Object.entries(row.signals.keys)) expect(table).toContain(`| \`${name}\` | ${key.type} | `);
    }
    expect(signalTableMarkdown([{ ...RESOURCE_TYPE_ROWS[0]!, signals: { keys: {}, build: RESOURCE_TYPE_ROWS[0]!.signals.build } }])).toContain(
      'No signals yet',
    );
  });

  it('every signal a built-in rule reads is documented, and explain lists them', async () => {
    for (const rule of await loadRules()) {
      const read = signalsReadBy(rule);
      const named = new Set([...`${rule.spec.when} ${rule.spec.problem}`.matchAll(/signals\.(\w+)/g)].map((m) => m[1]));
      expect(read.map((l) => l.trim().split(' ')[0]).sort(), rule.spec.id).toEqual([...named].sort());
    }
  });
});
