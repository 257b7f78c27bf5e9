import type { SageMakerNotebook } from '../../snapshot/schema.js';
import { monthlyFromHourly } from '../money.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext } from './types.js';

export interface SageMakerNotebookSignals {
  inService: boolean;
  hasLifecycleConfig: boolean;
  /** True/false when the collector read the lifecycle script; unknown (false here, see autoStopKnown) otherwise. */
  autoStop: boolean;
  autoStopKnown: boolean;
  observedHours: number;
  dataSufficient: boolean;
  cpuAvgPct: number;
  cpuP95Pct: number;
  cpuMaxPct: number;
  monthlyCost: number;
  priced: boolean;
}

export function sagemakerNotebookSignals(nb: SageMakerNotebook, ctx: SignalContext): { signals: SageMakerNotebookSignals; cost: ResourceCost } {
  const inService = nb.status === 'InService';
  const lookup = ctx.prices.sagemakerNotebookHourly(nb.instanceType, nb.region);
  const cost: ResourceCost = !inService
    ? { monthly: 0, prices: [], unknown: [] }
    : lookup.known
      ? { monthly: monthlyFromHourly(lookup.price.usd), prices: [{ item: `${nb.instanceType} notebook`, price: lookup.price }], unknown: [] }
      : { monthly: null, prices: [], unknown: [lookup.reason] };
  const cpu = nb.metrics.cpu && nb.metrics.cpu.datapoints > 0 ? nb.metrics.cpu : undefined;
  return {
    signals: {
      inService,
      hasLifecycleConfig: nb.lifecycleConfigName !== undefined,
      autoStop: nb.autoStop === true,
      autoStopKnown: nb.autoStop !== undefined,
      observedHours: round(cpu?.observedHours ?? 0),
      dataSufficient: (cpu?.observedHours ?? 0) >= ctx.minObservedHours,
      cpuAvgPct: round(cpu?.avg ?? 0),
      cpuP95Pct: round(cpu?.p95 ?? 0),
      cpuMaxPct: round(cpu?.max ?? 0),
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}
