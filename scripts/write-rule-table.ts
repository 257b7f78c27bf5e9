/**
 * Rewrites the rule table and the signal reference in docs/rules.md from the rule files and the
 * signal key lists: `npx tsx scripts/write-rule-table.ts`. test/unit/rule-table.test.ts fails when
 * either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRuleTable } from '../src/engine/rules/docs.js';
import { loadRules } from '../src/engine/rules/load.js';
import { withSignalTable } from '../src/engine/rules/signal-docs.js';

const RULES_PAGE = join(import.meta.dirname, '..', 'docs', 'rules.md');
writeFileSync(RULES_PAGE, withSignalTable(withRuleTable(readFileSync(RULES_PAGE, 'utf8'), await loadRules())));
process.stderr.write(`wrote the rule table and the signal reference in ${RULES_PAGE}\n`);
