/**
 * Rewrites the rule table in docs/rules.md from the rule files: `npx tsx scripts/write-rule-table.ts`.
 * test/unit/rule-table.test.ts fails when the table in docs/rules.md is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRuleTable } from '../src/engine/rules/docs.js';
import { loadRules } from '../src/engine/rules/load.js';

const RULES_PAGE = join(import.meta.dirname, '..', 'docs', 'rules.md');
writeFileSync(RULES_PAGE, withRuleTable(readFileSync(RULES_PAGE, 'utf8'), await loadRules()));
process.stderr.write(`wrote the rule table in ${RULES_PAGE}\n`);
