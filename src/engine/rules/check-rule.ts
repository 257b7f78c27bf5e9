import { locate, parseYaml, validateYaml } from '../../config/yaml-file.js';
import { UserError, errorMessage } from '../../errors.js';
import { ACTION_KINDS_PRICED, resourcesOfAction, validateActionParams } from '../actions/index.js';
import { compileCel, type ruleEnvironment } from '../cel.js';
import { checkParam, defaultsOf } from './params.js';
import { checkReferences, knownKeys } from './references.js';
import { RuleFileSchema, type RuleFile } from './schema.js';

/**
 * Every check a rule file passes before it loads: YAML, schema, action and resource, params, CEL,
 * the keys it names. Each failure is one line with the file, line and reason. The YAML parser (with
 * line positions), the schema and the reference walk load only when a rule is read this way: a
 * built-in rule unchanged since the build comes from the build's cache (builtin-cache.ts).
 */
export function checkedRule(text: string, file: string, env: ReturnType<typeof ruleEnvironment>): RuleFile {
  const src = parseYaml(text, file);
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
  try {
    compileCel(env, spec.when);
  } catch (err) {
    const [first, ...rest] = errorMessage(err).split('\n');
    const caret = rest.find((l) => l.includes('|'))?.trim();
    throw new UserError(`${locate(src, ['when'])}: invalid CEL in "when": ${first}${caret ? ` (at ${caret})` : ''}`);
  }
  checkReferences(src, env, spec.when, spec.problem, knownKeys(spec.resource, Object.keys(spec.params)));
  return spec;
}
