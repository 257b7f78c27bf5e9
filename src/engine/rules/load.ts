import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, errorMessage } from '../../errors.js';
import { locate, readYaml, validateYaml, type YamlSource } from '../../config/yaml-file.js';
import { compileCel, ruleEnvironment, type CompiledExpression } from '../cel.js';
import { ACTION_KINDS_PRICED, resourcesOfAction, validateActionParams } from '../actions/index.js';
import { compileTemplate } from '../interpolate.js';
import { nearest } from './nearest.js';
import { checkReferences, knownKeys } from './references.js';
import { RuleFileSchema, type ParamSpec, type ParamValue, type RuleFile } from './schema.js';

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
}

/** Loads every rule; any invalid rule stops the run with the file, line and reason. */
export async function loadRules(options: LoadRulesOptions = {}): Promise<LoadedRule[]> {
  const dirs = [...(options.includeBuiltin === false ? [] : [BUILTIN_RULES_DIR]), ...(options.directories ?? [])];
  const files = (await Promise.all(dirs.map(ruleFilesIn))).flat();
  const env = ruleEnvironment();
  const rules = await Promise.all(files.map(async (file) => loadRule(await readYaml(file), env)));

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

function loadRule(src: YamlSource, env: ReturnType<typeof ruleEnvironment>): LoadedRule {
  const spec = validateYaml(src, RuleFileSchema, 'rule');
  const resources = resourcesOfAction(spec.action.kind);
  if (!resources) {
    const known = ACTION_KINDS_PRICED.join(', ');
    throw new UserError(`${locate(src, ['action', 'kind'])}: action "${spec.action.kind}" has no pricing implementation (available: ${known})`);
  }
  if (!resources.includes(spec.resource)) {
    throw new UserError(
      `${locate(src, ['action', 'kind'])}: action "${spec.action.kind}" does not apply to ${spec.resource} (it applies to ${resources.join(', ')})`,
    );
  }
  for (const [name, p] of Object.entries(spec.params)) {
    const problem = checkParam(p, p.default);
    if (problem) throw new UserError(`${locate(src, ['params', name, 'default'])}: param ${name}: ${problem}`);
  }
  const paramsProblem = validateActionParams(spec.action.kind, spec.resource, defaultsOf(spec));
  if (paramsProblem) {
    const at = paramsProblem.param !== undefined && paramsProblem.param in spec.params ? ['params', paramsProblem.param, 'default'] : ['params'];
    throw new UserError(`${locate(src, at)}: ${paramsProblem.message}`);
  }
  let when: CompiledExpression;
  try {
    when = compileCel(env, spec.when);
  } catch (err) {
    const [first, ...rest] = errorMessage(err).split('\n');
    const caret = rest.find((l) => l.includes('|'))?.trim();
    throw new UserError(`${locate(src, ['when'])}: invalid CEL in "when": ${first}${caret ? ` (at ${caret})` : ''}`);
  }
  checkReferences(src, env, spec.when, spec.problem, knownKeys(spec.resource, Object.keys(spec.params)));
  return { file: src.file, spec, when, problem: compileTemplate(spec.problem), params: {} };
}

function suggestion(name: string, candidates: readonly string[]): string {
  const guess = nearest(name, candidates);
  return guess === undefined ? '' : ` (did you mean ${guess}?)`;
}

function defaultsOf(spec: RuleFile): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, p] of Object.entries(spec.params)) out[name] = p.default;
  return out;
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

/** Returns what is wrong with a param value, or undefined when it fits its spec. */
export function checkParam(p: ParamSpec, value: unknown): string | undefined {
  switch (p.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a ${p.type}, got ${JSON.stringify(value)}`;
      if (p.type === 'integer' && !Number.isInteger(value)) return `expected an integer, got ${value}`;
      if (p.min !== undefined && value < p.min) return `${value} is below the minimum ${p.min}`;
      if (p.max !== undefined && value > p.max) return `${value} is above the maximum ${p.max}`;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `expected a string, got ${JSON.stringify(value)}`;
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : `expected a list of strings, got ${JSON.stringify(value)}`;
  }
}
