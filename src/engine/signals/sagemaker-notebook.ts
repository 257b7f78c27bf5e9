import type { SageMakerNotebook } from '../../snapshot/schema.js';
import { monthlyFromHourly } from '../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface SageMakerNotebookSignals {
  inService: boolean;
  hasLifecycleConfig: boolean;
  /** True/false when the collector read the lifecycle script; unknown (false here, see autoStopKnown) otherwise. */
  autoStop: boolean;
  autoStopKnown: boolean;
  /** No lifecycle configuration at all, or one that was read and has no auto-stop script. */
  noAutoStop: boolean;
  /**
   * Hours since the notebook last changed state (LastModifiedTime, else CreationTime): while it is
   * InService, a lower bound on how long it has run. The only usage evidence AWS itself gives,
   * since SageMaker publishes no CloudWatch metrics for notebook instances.
   */
  inServiceHours: number;
  /** CPU from the CloudWatch agent on the notebook (NotebookInstanceName dimension), when the team runs it. */
  hasCpuMetrics: boolean;
  observedHours: number;
  /** With agent CPU: that many hours of it; without: in service at least that long. Either way minObservedHours. */
  dataSufficient: boolean;
  /** One line for the problem text: the CPU evidence, or that there is none and why. */
  usage: string;
  cpuAvgPct: number;
  cpuP95Pct: number;
  cpuMaxPct: number;
  monthlyCost: number;
  priced: boolean;
}

export const SAGEMAKER_NOTEBOOK_SIGNAL_KEYS = {
  inService: { type: 'bool', doc: 'Notebook status is InService.' },
  hasLifecycleConfig: { type: 'bool', doc: 'A lifecycle configuration is attached.' },
  autoStop: { type: 'bool', doc: 'The lifecycle script stops the notebook when idle (false when unknown: see autoStopKnown).' },
  autoStopKnown: { type: 'bool', doc: 'The collector read the lifecycle script.' },
  noAutoStop: { type: 'bool', doc: 'No lifecycle configuration, or one read and without an auto-stop script.' },
  inServiceHours: { type: 'number', doc: 'Hours since the notebook last changed state: while InService, a lower bound on how long it has run.' },
  hasCpuMetrics: { type: 'bool', doc: 'CPU from the CloudWatch agent on the notebook has datapoints.' },
  observedHours: { type: 'number', doc: 'Hours of agent CPU data.' },
  dataSufficient: { type: 'bool', doc: 'Agent CPU, or time in service, reaches minObservedHours.' },
  usage: { type: 'string', doc: 'The CPU evidence in words, or that there is none and why.' },
  cpuAvgPct: { type: 'number', doc: 'Average agent CPU, percent.' },
  cpuP95Pct: { type: 'number', doc: 'p95 agent CPU, percent.' },
  cpuMaxPct: { type: 'number', doc: 'Peak agent CPU, percent.' },
  monthlyCost: { type: 'number', doc: 'Cost per month while InService, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<SageMakerNotebookSignals>;

export function sagemakerNotebookSignals(nb: SageMakerNotebook, ctx: SignalContext): { signals: SageMakerNotebookSignals; cost: ResourceCost } {
  const inService = nb.status === 'InService';
  const lookup = ctx.prices.sagemakerNotebookHourly(nb.instanceType, nb.region);
  const cost: ResourceCost = !inService
    ? { monthly: 0, prices: [], unknown: [] }
    : lookup.known
      ? { monthly: monthlyFromHourly(lookup.price.usd), prices: [{ item: `${nb.instanceType} notebook`, price: lookup.price }], unknown: [] }
      : { monthly: null, prices: [], unknown: [lookup.reason] };
  const cpu = nb.metrics.cpu && nb.metrics.cpu.datapoints > 0 ? nb.metrics.cpu : undefined;
  const inServiceHours = inService ? round(hoursBetween(nb.lastModifiedTime ?? nb.creationTime, ctx.asOf)) : 0;
  return {
    signals: {
      inService,
      hasLifecycleConfig: nb.lifecycleConfigName !== undefined,
      autoStop: nb.autoStop === true,
      autoStopKnown: nb.autoStop !== undefined,
      noAutoStop: nb.lifecycleConfigName === undefined || nb.autoStop === false,
      inServiceHours,
      hasCpuMetrics: cpu !== undefined,
      observedHours: round(cpu?.observedHours ?? 0),
      dataSufficient: cpu ? cpu.observedHours >= ctx.minObservedHours : inServiceHours >= ctx.minObservedHours,
      usage: cpu
        ? `CPU p95 ${round(cpu.p95)}% over ${round(cpu.observedHours)} h`
        : `in service ${Math.round(inServiceHours)} h, no CPU metrics (SageMaker publishes none for notebook instances; run the CloudWatch agent to measure idleness)`,
      cpuAvgPct: round(cpu?.avg ?? 0),
      cpuP95Pct: round(cpu?.p95 ?? 0),
      cpuMaxPct: round(cpu?.max ?? 0),
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}
