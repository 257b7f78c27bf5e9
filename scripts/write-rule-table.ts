/**
 * Writes docs/readme/rules.md, the README's rule table, from the rule files.
 * Run with `npx tsx scripts/write-rule-table.ts`; test/unit/rule-table.test.ts fails when it is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleTableMarkdown } from '../src/engine/rules/docs.js';
import { loadRules } from '../src/engine/rules/load.js';

export const RULE_TABLE_FILE = join(import.meta.dirname, '..', 'docs', 'readme', 'rules.md');

writeFileSync(RULE_TABLE_FILE, ruleTableMarkdown(await loadRules()));
process.stderr.write(`wrote ${RULE_TABLE_FILE}\n`);
