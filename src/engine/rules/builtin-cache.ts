import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash } from '../../build-cache.js';
import type { RuleFile } from './schema.js';

export { contentHash } from '../../build-cache.js';

/**
 * The built-in rules as `npm run build` checked them, so a command does not parse 17 YAML files with
 * line positions on every start (the largest part of `mlcost rules list`'s CPU time). Each entry
 * keeps the SHA-256 of the file it came from: a rule file edited after the build no longer matches
 * and is read and checked in full, so an edit is never served stale. Lives next to the built module
 * (dist/engine/rules/); run from src/ there is none and every rule is checked.
 */
export const RULE_CACHE_NAME = 'builtin-rules.cache.json';
export const RULE_CACHE_FILE = join(dirname(fileURLToPath(import.meta.url)), RULE_CACHE_NAME);

export interface RuleCache {
  /** By file name in the built-in rules directory. */
  rules: Record<string, { sha256: string; spec: RuleFile }>;
}

/** The cache, or an empty one when it is missing or unreadable (every rule is then checked in full). */
export async function readRuleCache(file: string = RULE_CACHE_FILE): Promise<RuleCache> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<RuleCache> | null;
    return { rules: typeof parsed?.rules === 'object' ? parsed.rules : {} };
  } catch {
    return { rules: {} };
  }
}

/** The checked spec of a built-in rule whose text is byte for byte what the build checked. */
export function cachedSpec(cache: RuleCache, fileName: string, text: string): RuleFile | undefined {
  const entry = Object.hasOwn(cache.rules, fileName) ? cache.rules[fileName] : undefined;
  return entry?.sha256 === contentHash(text) ? entry.spec : undefined;
}
