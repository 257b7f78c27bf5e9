import { compileCel, ruleEnvironment, type CompiledExpression } from '../cel.js';
import { compileTemplate } from '../interpolate.js';
import { loadRuleSpecs, type LoadRulesOptions, type RuleEntry } from './specs.js';

export { BUILTIN_RULES_DIR, type LoadRulesOptions, type RuleEntry } from './specs.js';

/** A rule ready to evaluate: validated, CEL compiled, params resolved against overrides. */
export interface LoadedRule extends RuleEntry {
  when: CompiledExpression;
  problem: (scope: Record<string, unknown>) => string;
}

/**
 * Loads every rule and compiles its CEL; any invalid rule stops the run with the file, line and reason.
 * What only lists rules (`mlcost rules list`) calls loadRuleSpecs and never loads cel-js.
 */
export async function loadRules(options: LoadRulesOptions = {}): Promise<LoadedRule[]> {
  const env = ruleEnvironment();
  const entries = await loadRuleSpecs(options, () => env);
  return entries.map((r) => ({ ...r, when: compileCel(env, r.spec.when), problem: compileTemplate(r.spec.problem) }));
}
