import { Environment } from '@marcbachmann/cel-js';

/**
 * The CEL environment rules are written against: `resource` (the Snapshot entry), `signals`
 * (facts derived once per resource) and `params` (the rule's thresholds after overrides).
 */
export function ruleEnvironment(): Environment {
  return new Environment({ homogeneousAggregateLiterals: false })
    .registerVariable('resource', 'map')
    .registerVariable('signals', 'map')
    .registerVariable('params', 'map');
}

export type CompiledExpression = (context: { resource: unknown; signals: unknown; params: unknown }) => unknown;

/** Compiles once; throws the library's error (with its caret diagram) when the text is not CEL. */
export function compileCel(env: Environment, expression: string): CompiledExpression {
  const checked = env.check(expression);
  if (!checked.valid) throw checked.error ?? new Error('invalid expression');
  if (checked.type !== 'bool' && checked.type !== 'dyn') throw new Error(`expression must be a bool, not ${checked.type}`);
  const program = env.parse(expression);
  return (context) => program(context);
}
