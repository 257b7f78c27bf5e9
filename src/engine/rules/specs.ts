import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, errorMessage } from '../../errors.js';
import type { ruleEnvironment } from '../cel.js';
import { cachedSpec, readRuleCache, type RuleCache } from './builtin-cache.js';
import { nearest } from './nearest.js';
import { checkParam, defaultsOf } from './params.js';
import type { ParamValue, RuleFile } from './schema.js';

/**
 * Rule files read, checked and their params resolved, without compiling CEL: what `mlcost rules list`
 * prints and what load.ts compiles for an audit. Nothing heavy is imported up front: a built-in rule
 * unchanged since the build comes from the build's cache, so the YAML parser, the rule checks,
 * cel-js and the action definitions (with the price catalog they import) load only for a rule that
 * needs them — a user's rule, a built-in edited since the build, or a param override to check.
 */

/** A rule's file, its checked spec and its params after overrides. */
export interface RuleEntry {
  file: string;
  spec: RuleFile;
  params: Record<string, ParamValue>;
}

export const BUILTIN_RULES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'rules');

export type RuleEnvironment = ReturnType<typeof ruleEnvironment>;

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

/** A spec as read, and whether the build checked it (then its default params passed the action's own check too). */
interface ReadSpec {
  file: string;
  spec: RuleFile;
  fromCache: boolean;
}

/** Reads every rule; any invalid rule stops the run with the file, line and reason. `environment` is the CEL environment checks compile in. */
export async function loadRuleSpecs(options: LoadRulesOptions = {}, environment?: () => RuleEnvironment): Promise<RuleEntry[]> {
  const dirs = [...(options.includeBuiltin === false ? [] : [BUILTIN_RULES_DIR]), ...(options.directories ?? [])];
  const files = (await Promise.all(dirs.map(ruleFilesIn))).flat();
  const cache: RuleCache = options.includeBuiltin === false ? { rules: {} } : await readRuleCache(options.ruleCacheFile);
  let checker: Promise<(text: string, file: string) => RuleFile> | undefined;
  const check = () => (checker ??= ruleChecker(environment));
  const read = await Promise.all(
    files.map(async (file): Promise<ReadSpec> => {
      const text = await readRuleText(file);
      const cached = dirname(file) === BUILTIN_RULES_DIR ? cachedSpec(cache, basename(file), text) : undefined;
      return cached ? { file, spec: cached, fromCache: true } : { file, spec: (await check())(text, file), fromCache: false };
    }),
  );

  const seen = new Map<string, string>();
  for (const r of read) {
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
  const kept = read.filter((r) => !disabled.has(r.spec.id));
  // The action's own check of the params; a cached rule without overrides passed it at build time.
  const actionCheckNeeded = kept.some((r) => !r.fromCache || Object.hasOwn(options.params ?? {}, r.spec.id));
  const actions = actionCheckNeeded ? await import('../actions/index.js') : undefined;
  return kept
    .map((r): RuleEntry => {
      const overrides = options.params?.[r.spec.id];
      const paramAt = (name?: string) => at(['rules', 'params', r.spec.id, ...(name === undefined ? [] : [name])]);
      const params = resolveParams(r.spec, overrides ?? {}, paramAt);
      const actionProblem = r.fromCache && overrides === undefined ? undefined : actions?.validateActionParams(r.spec.action.kind, r.spec.resource, params);
      if (actionProblem) throw new UserError(`${paramAt(actionProblem.param)}: rule ${r.spec.id}: ${actionProblem.message}`);
      return { file: r.file, spec: r.spec, params };
    })
    .sort((a, b) => a.spec.id.localeCompare(b.spec.id));
}

/** The full check of a rule file (check-rule.ts), loaded with cel-js only when a rule is not in the build's cache. */
async function ruleChecker(environment?: () => RuleEnvironment): Promise<(text: string, file: string) => RuleFile> {
  const [{ checkedRule }, env] = await Promise.all([
    import('./check-rule.js'),
    environment ? Promise.resolve(environment()) : import('../cel.js').then((cel) => cel.ruleEnvironment()),
  ]);
  return (text, file) => checkedRule(text, file, env);
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

function resolveParams(spec: RuleFile, overrides: Readonly<Record<string, unknown>>, at: (param?: string) => string): Record<string, ParamValue> {
  const out = defaultsOf(spec);
  for (const [name, value] of Object.entries(overrides)) {
    const p = spec.params[name];
    if (!p) {
      const known = Object.keys(spec.params).join(', ') || 'none';
      throw new UserError(`${at(name)}: rule ${spec.id} has no param "${name}"${suggestion(name, Object.keys(spec.params))} (params: ${known})`);
    }
    const problem = checkParam(p, value);
    if (problem) throw new UserError(`${at(name)}: rule ${spec.id} param ${name}: ${problem}`);
    out[name] = value as ParamValue;
  }
  return out;
}
