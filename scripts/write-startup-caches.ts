/**
 * Writes the caches the built CLI starts from (run by `npm run build`, after tsc), each next to the built
 * module that reads it and keyed by what it was made from, so an edited input is never served stale:
 * - dist/engine/rules/builtin-rules.cache.json: every built-in rule checked in full, with its file's SHA-256
 *   (src/engine/rules/builtin-cache.ts);
 * - dist/config/config-defaults.cache.json: the config of a folder without mlcost.config.yaml (src/config/defaults.ts);
 * - dist/snapshot/demo-snapshot.cache.json: the demo Snapshot validated (src/snapshot/demo.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeKeyedCache } from '../src/build-cache.js';
import { CONFIG_DEFAULTS_CACHE_NAME, configDefaultsKey } from '../src/config/defaults.js';
import { ConfigSchema } from '../src/config/schema.js';
import { ruleEnvironment } from '../src/engine/cel.js';
import { checkedRule } from '../src/engine/rules/check-rule.js';
import { contentHash, RULE_CACHE_NAME, type RuleCache } from '../src/engine/rules/builtin-cache.js';
import { BUILTIN_RULES_DIR } from '../src/engine/rules/specs.js';
import { DEMO_CACHE_NAME, demoSnapshotCache } from '../src/snapshot/demo.js';

const DIST = join(import.meta.dirname, '..', 'dist');
const wrote = (file: string, what: string) => process.stderr.write(`wrote ${file} (${what})\n`);

const env = ruleEnvironment();
const rules: RuleCache = { rules: {} };
for (const name of readdirSync(BUILTIN_RULES_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const text = readFileSync(join(BUILTIN_RULES_DIR, name), 'utf8');
  rules.rules[name] = { sha256: contentHash(text), spec: checkedRule(text, join(BUILTIN_RULES_DIR, name), env) };
}
writeFileSync(join(DIST, 'engine', 'rules', RULE_CACHE_NAME), `${JSON.stringify(rules)}\n`);
wrote(`dist/engine/rules/${RULE_CACHE_NAME}`, `${String(Object.keys(rules.rules).length)} rules`);

// Keyed by the built modules (dist/config/*.js), which are what the built CLI would otherwise run.
await writeKeyedCache(join(DIST, 'config', CONFIG_DEFAULTS_CACHE_NAME), await configDefaultsKey(join(DIST, 'config'), '.js'), ConfigSchema.parse({}));
wrote(`dist/config/${CONFIG_DEFAULTS_CACHE_NAME}`, 'config defaults');

const demo = await demoSnapshotCache();
await writeKeyedCache(join(DIST, 'snapshot', DEMO_CACHE_NAME), demo.key, demo.value);
wrote(`dist/snapshot/${DEMO_CACHE_NAME}`, 'demo Snapshot');
