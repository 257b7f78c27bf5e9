import { Environment } from '@marcbachmann/cel-js';

/**
 * The CEL environment rules are written against: `resource` (the Snapshot entry), `signals`
 * (facts derived once per resource) and `params` (the rule's thresholds after overrides).
 */
export function ruleEnvironment(): Environment {
  return new Environment({ homogeneousAggregateLiterals: false })
    .registerVariable('resource', 'map')
    .registerVariable('signals', 'map')
    .registerVariable('params', 'map')
    .registerFunction('idleDays(list, dyn, dyn): int', idleDays)
    .registerFunction('activeGpus(list, dyn, dyn): int', activeGpus);
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

export type CompiledExpression = (context: { resource: unknown; signals: unknown; params: unknown }) => unknown;

/** Compiles once; throws the library's error (with its caret diagram) when the text is not CEL. */
export function compileCel(env: Environment, expression: string): CompiledExpression {
  const checked = env.check(expression);
  if (!checked.valid) throw checked.error ?? new Error('invalid expression');
  if (checked.type !== 'bool' && checked.type !== 'dyn') throw new Error(`expression must be a bool, not ${checked.type}`);
  const program = env.parse(expression);
  return (context) => program(context);
}
