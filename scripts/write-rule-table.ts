/**
 * Rewrites the rule table in README.md from the rule files: `npx tsx scripts/write-rule-table.ts`.
 * test/unit/rule-table.test.ts fails when the README's table is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRuleTable } from '../src/engine/rules/docs.js';
import { loadRules } from '../src/engine/rules/load.js';

const README = join(import.meta.dirname, '..', 'README.md');
writeFileSync(README, withRuleTable(readFileSync(README, 'utf8'), await loadRules()));
process.stderr.write(`wrote the rule table in ${README}\n`);
