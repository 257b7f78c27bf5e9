import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, errorMessage } from '../../errors.js';
import { compileCel, ruleEnvironment, type CompiledExpression } from '../cel.js';
import { validateActionParams } from '../actions/index.js';
import { compileTemplate } from '../interpolate.js';
import { cachedSpec, readRuleCache, type RuleCache } from './builtin-cache.js';
import { nearest } from './nearest.js';
import { checkParam, defaultsOf } from './params.js';
import type { ParamValue, RuleFile } from './schema.js';

/** A rule ready to evaluate: validated, CEL compiled, params resolved against overrides. */
export interface LoadedRule {
  file: string;
  spec: RuleFile;
  when: CompiledExpression;
  problem: (scope: Record<string, unknown>) => string;
  params: Record<string, ParamValue>;
}

export const BUILTIN_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'rules');

export interface LoadRulesOptions {
  directories?: readonly string[];
  disable?: readonly string[];
  /** Per-rule param overrides, e.g. from mlcost.config.yaml `rules.params`. */
  params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  includeBuiltin?: boolean;
  /** Where a `rules.disable`/`rules.params` entry was written (`mlcost.config.yaml:7:7`), for its error. */
  configAt?: (path: readonly PropertyKey[]) => string;
  /** The built-in rules' cache written by the build (default: next to this module; tests point elsewhere). */
  ruleCacheFile?: string;
}

/** Loads every rule; any invalid rule stops the run with the file, line and reason. */
export async function loadRules(options: LoadRulesOptions = {}): Promise<LoadedRule[]> {
  const dirs = [...(options.includeBuiltin === false ? [] : [BUILTIN_RULES_DIR]), ...(options.directories ?? [])];
  const files = (await Promise.all(dirs.map(ruleFilesIn))).flat();
  const cache: RuleCache = options.includeBuiltin === false ? { rules: {} } : await readRuleCache(options.ruleCacheFile);
  const env = ruleEnvironment();
  let check: typeof import('./check-rule.js').checkedRule | undefined;
  const rules = await Promise.all(
    files.map(async (file): Promise<LoadedRule> => {
      const text = await readRuleText(file);
      const cached = dirname(file) === BUILTIN_RULES_DIR ? cachedSpec(cache, basename(file), text) : undefined;
      // Loaded only when some rule is not in the build's cache: a user's rule, or a built-in edited since.
      const spec = cached ?? (check ??= (await import('./check-rule.js')).checkedRule)(text, file, env);
      return { file, spec, when: compileCel(env, spec.when), problem: compileTemplate(spec.problem), params: {} };
    }),
  );

  const seen = new Map<string, string>();
  for (const r of rules) {
    const prior = seen.get(r.spec.id);
    if (prior) throw new UserError(`${r.file}: duplicate rule id "${r.spec.id}" (also defined in ${prior})`);
    seen.set(r.spec.id, r.file);
  }
  const at = options.configAt ?? (() => 'config');
  const unknownRule = (id: string, path: readonly PropertyKey[]) =>
    new UserError(`${at(path)}: unknown rule id "${id}"${suggestion(id, [...seen.keys()])} (see \`mlcost rules list\`)`);
  (options.disable ?? []).forEach((id, i) => {
    if (!seen.has(id)) throw unknownRule(id, ['rules', 'disable', i]);
  });
  for (const id of Object.keys(options.params ?? {})) {
    if (!seen.has(id)) throw unknownRule(id, ['rules', 'params', id]);
  }
  const disabled = new Set(options.disable ?? []);
  return rules
    .filter((r) => !disabled.has(r.spec.id))
    .map((r) => ({
      ...r,
      params: resolveParams(r, options.params?.[r.spec.id] ?? {}, (name) => at(['rules', 'params', r.spec.id, ...(name === undefined ? [] : [name])])),
    }))
    .sort((a, b) => a.spec.id.localeCompare(b.spec.id));
}

async function readRuleText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`${file}: cannot read (${errorMessage(err)})`);
  }
}

async function ruleFilesIn(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    throw new UserError(`${dir}: cannot read rule directory (${errorMessage(err)})`);
  }
  return entries
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function suggestion(name: string, candidates: readonly string[]): string {
  const guess = nearest(name, candidates);
  return guess === undefined ? '' : ` (did you mean ${guess}?)`;
}

function resolveParams(rule: LoadedRule, overrides: Readonly<Record<string, unknown>>, at: (param?: string) => string): Record<string, ParamValue> {
  const out = defaultsOf(rule.spec);
  for (const [name, value] of Object.entries(overrides)) {
    const p = rule.spec.params[name];
    if (!p) {
      const known = Object.keys(rule.spec.params).join(', ') || 'none';
      throw new UserError(`${at(name)}: rule ${rule.spec.id} has no param "${name}"${suggestion(name, Object.keys(rule.spec.params))} (params: ${known})`);
    }
    const problem = checkParam(p, value);
    if (problem) throw new UserError(`${at(name)}: rule ${rule.spec.id} param ${name}: ${problem}`);
    out[name] = value as ParamValue;
  }
  const actionProblem = validateActionParams(rule.spec.action.kind, rule.spec.resource, out);
  if (actionProblem) throw new UserError(`${at(actionProblem.param)}: rule ${rule.spec.id}: ${actionProblem.message}`);
  return out;
}
