import { Environment } from '@marcbachmann/cel-js';
import { compileFast, withReference, type FastProgram, type NativeFunction } from './cel-fast.js';

const VARIABLES = new Set(['resource', 'signals', 'params']);

/**
 * The CEL environment rules are written against: `resource` (the Snapshot entry), `signals`
 * (facts derived once per resource) and `params` (the rule's thresholds after overrides).
 */
export function ruleEnvironment(): Environment {
  let env = new Environment({ homogeneousAggregateLiterals: false });
  for (const name of VARIABLES) env = env.registerVariable(name, 'map');
  for (const [name, fn] of FUNCTIONS) env = env.registerFunction(`${name}(${fn.params.join(', ')}): ${fn.returns}`, fn.impl);
  return env;
}

/*
 * Counting helpers for the questions rules ask of every instance. The same can be written with
 * CEL's filter() macro; these run natively, which keeps 100,000 resources within the benchmark.
 */

/** idleDays(signals.days, maxCpuPct, maxNetworkMB): days with average CPU and network at or below both. */
function idleDays(days: unknown, maxCpuPct: unknown, maxNetworkMB: unknown): bigint {
  let n = 0n;
  for (const d of days as { cpuAvgPct: number; networkMB: number }[]) {
    if (d.cpuAvgPct <= Number(maxCpuPct) && d.networkMB <= Number(maxNetworkMB)) n++;
  }
  return n;
}

/** activeGpus(signals.gpus, minUtilPct, minMemoryPct): GPUs whose p95 util or peak memory reaches either level. */
function activeGpus(gpus: unknown, minUtilPct: unknown, minMemoryPct: unknown): bigint {
  let n = 0n;
  for (const g of gpus as { utilP95Pct: number; memUsedMaxPct: number }[]) {
    if (g.utilP95Pct >= Number(minUtilPct) || g.memUsedMaxPct >= Number(minMemoryPct)) n++;
  }
  return n;
}

const FUNCTIONS = new Map<string, NativeFunction>([
  ['idleDays', { params: ['list', 'dyn', 'dyn'], returns: 'int', impl: idleDays }],
  ['activeGpus', { params: ['list', 'dyn', 'dyn'], returns: 'int', impl: activeGpus }],
]);

export interface CompiledExpression {
  (context: { resource: unknown; signals: unknown; params: unknown }): unknown;
  /** cel-js's own evaluation of the expression: the reference. */
  readonly reference: FastProgram;
  /** The generated code alone (it throws where it defers to cel-js); undefined when not compiled. */
  readonly fast: FastProgram | undefined;
}

/** Compiles once; throws the library's error (with its caret diagram) when the text is not CEL. */
export function compileCel(env: Environment, expression: string): CompiledExpression {
  const checked = env.check(expression);
  if (!checked.valid) throw checked.error ?? new Error('invalid expression');
  if (checked.type !== 'bool' && checked.type !== 'dyn') throw new Error(`expression must be a bool, not ${checked.type}`);
  const program = env.parse(expression);
  const reference: FastProgram = (context) => program(context);
  const fast = compileFast(program.ast, { mapVariables: VARIABLES, functions: FUNCTIONS });
  return Object.assign(fast ? withReference(fast, reference) : reference, { reference, fast });
}
