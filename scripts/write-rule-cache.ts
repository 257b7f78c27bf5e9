/**
 * Writes dist/engine/rules/builtin-rules.cache.json (run by `npm run build`, after tsc): every built-in
 * rule checked in full, with the SHA-256 of its file, so the built CLI loads unchanged rules without
 * parsing their YAML (src/engine/rules/builtin-cache.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleEnvironment } from '../src/engine/cel.js';
import { checkedRule } from '../src/engine/rules/check-rule.js';
import { contentHash, type RuleCache } from '../src/engine/rules/builtin-cache.js';
import { BUILTIN_RULES_DIR } from '../src/engine/rules/load.js';

const ROOT = join(import.meta.dirname, '..');
const env = ruleEnvironment();
const cache: RuleCache = { rules: {} };
for (const name of readdirSync(BUILTIN_RULES_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()) {
  const text = readFileSync(join(BUILTIN_RULES_DIR, name), 'utf8');
  cache.rules[name] = { sha256: contentHash(text), spec: checkedRule(text, join(BUILTIN_RULES_DIR, name), env) };
}
writeFileSync(join(ROOT, 'dist', 'engine', 'rules', 'builtin-rules.cache.json'), `${JSON.stringify(cache)}\n`);
process.stderr.write(`wrote dist/engine/rules/builtin-rules.cache.json (${String(Object.keys(cache.rules).length)} rules)\n`);
