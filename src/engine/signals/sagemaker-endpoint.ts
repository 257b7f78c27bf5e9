import { instanceSpec, type InstanceSpec } from '../../catalog/index.js';
import type { MetricSummary, SageMakerEndpoint } from '../../snapshot/schema.js';
import { roundCents } from '../../money.js';
import { monthlyFromHourly } from '../money.js';
import { HOURS_PER_WEEK } from '../../snapshot/hour-of-week.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface SageMakerEndpointSignals {
  inService: boolean;
  /** Instance-backed variants only; serverless variants bill per request and are not judged here. */
  instanceCount: number;
  instanceType: string;
  gpuCount: number;
  gpuMemoryGiBEach: number;
  /** Hours the endpoint reported any metric: proof it was observed, whatever its traffic. */
  observedHours: number;
  dataSufficient: boolean;
  /** Sum of Invocations over the window (0 when the metric never appeared while instance metrics did). */
  invocations: number;
  invocationsPerDay: number;
  /** An hourly Invocations profile by hour of week was collected (lookbacks up to 14 days). */
  hasInvocationProfile: boolean;
  /** Hours of the week with any invocation on average, / 7: how many hours a day the endpoint is needed. */
  activeHoursPerDay: number;
  hasGpuMetrics: boolean;
  /** Per-GPU utilisation, p95 and max (the collector divides SageMaker's 0-100 x GPUs scale by GPU count). */
  gpuUtilP95Pct: number;
  gpuUtilMaxPct: number;
  gpuMemP95Pct: number;
  gpuMemMaxPct: number;
  cpuP95Pct: number;
  monthlyCost: number;
  priced: boolean;
}

export const SAGEMAKER_ENDPOINT_SIGNAL_KEYS = {
  inService: { type: 'bool', doc: 'Endpoint status is InService.' },
  instanceCount: { type: 'number', doc: 'Instances over instance-backed variants (serverless ones are not judged).' },
  instanceType: { type: 'string', doc: 'Instance type of the first instance-backed variant, e.g. ml.g5.xlarge.' },
  gpuCount: { type: 'number', doc: 'GPUs per instance.' },
  gpuMemoryGiBEach: { type: 'number', doc: 'Memory of each GPU, GiB.' },
  observedHours: { type: 'number', doc: 'Hours the endpoint reported any metric.' },
  dataSufficient: { type: 'bool', doc: 'observedHours reaches minObservedHours (config).' },
  invocations: { type: 'number', doc: 'Invocations over the window.' },
  invocationsPerDay: { type: 'number', doc: 'Invocations per observed day.' },
  hasInvocationProfile: { type: 'bool', doc: 'An hourly Invocations profile by hour of week was collected (lookbacks up to 14 days).' },
  activeHoursPerDay: { type: 'number', doc: 'Hours of the week that saw any invocation, divided by 7.' },
  hasGpuMetrics: { type: 'bool', doc: 'GPU utilisation has datapoints.' },
  gpuUtilP95Pct: { type: 'number', doc: 'p95 per-GPU utilisation, percent.' },
  gpuUtilMaxPct: { type: 'number', doc: 'Peak per-GPU utilisation, percent.' },
  gpuMemP95Pct: { type: 'number', doc: 'p95 per-GPU memory used, percent.' },
  gpuMemMaxPct: { type: 'number', doc: 'Peak per-GPU memory used, percent.' },
  cpuP95Pct: { type: 'number', doc: 'p95 CPU utilisation per core, percent.' },
  monthlyCost: { type: 'number', doc: 'Hosting cost per month, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<SageMakerEndpointSignals>;

export function sagemakerEndpointSignals(
  ep: SageMakerEndpoint,
  ctx: SignalContext,
): { signals: SageMakerEndpointSignals; cost: ResourceCost; spec?: InstanceSpec } {
  const variants = ep.variants.filter((v) => !v.serverless && v.instanceType !== undefined);
  const instanceType = variants[0]?.instanceType ?? '';
  const spec = instanceSpec(instanceType.replace(/^ml\./, ''), ctx.snapshot.instanceTypes);
  const metrics = variants.map((v) => v.metrics);
  const observedHours = Math.max(0, ...metrics.flatMap((m) => [m.cpu, m.gpu, m.invocations].map((s) => (s && s.datapoints > 0 ? s.observedHours : 0))));
  const invocations = metrics.reduce((sum, m) => sum + (m.invocations?.sum ?? (m.invocations ? m.invocations.avg * m.invocations.datapoints : 0)), 0);
  const gpu = metrics.map((m) => m.gpu).filter((s) => s !== undefined && s.datapoints > 0);
  const gpuMem = metrics.map((m) => m.gpuMemory).filter((s) => s !== undefined && s.datapoints > 0);
  const cost = endpointCost(ep, variants, ctx);
  const signals: SageMakerEndpointSignals = {
    inService: ep.status === 'InService',
    instanceCount: variants.reduce((n, v) => n + v.instanceCount, 0),
    instanceType,
    gpuCount: spec?.gpu?.count ?? 0,
    gpuMemoryGiBEach: spec?.gpu?.memoryGiBEach ?? 0,
    observedHours: round(observedHours),
    dataSufficient: observedHours >= ctx.minObservedHours,
    invocations: Math.round(invocations),
    invocationsPerDay: observedHours > 0 ? round((invocations / observedHours) * 24) : 0,
    ...activeHours(metrics),
    hasGpuMetrics: gpu.length > 0,
    gpuUtilP95Pct: round(Math.max(0, ...gpu.map((s) => s!.p95))),
    gpuUtilMaxPct: round(Math.max(0, ...gpu.map((s) => s!.max))),
    gpuMemP95Pct: round(Math.max(0, ...gpuMem.map((s) => s!.p95))),
    gpuMemMaxPct: round(Math.max(0, ...gpuMem.map((s) => s!.max))),
    cpuP95Pct: round(Math.max(0, ...metrics.map((m) => (m.cpu && m.cpu.datapoints > 0 ? m.cpu.p95 : 0)))),
    monthlyCost: cost.monthly ?? 0,
    priced: cost.monthly !== null,
  };
  return spec ? { signals, cost, spec } : { signals, cost };
}

/**
 * An hour of week is active when any variant averaged more than zero invocations in it; unobserved
 * hours saw none. Only a series whose own cadence is hourly or finer says which hours were busy: one
 * published daily (observed hours far beyond its datapoints x period) would show one busy hour a day.
 */
function activeHours(metrics: readonly SageMakerEndpoint['variants'][number]['metrics'][]): { hasInvocationProfile: boolean; activeHoursPerDay: number } {
  const hourly = (s: MetricSummary) => (s.datapoints * s.periodSeconds) / 3600 >= 0.9 * s.observedHours;
  const profiles = metrics.flatMap((m) => (m.invocations?.hourOfWeek && hourly(m.invocations) ? [m.invocations.hourOfWeek] : []));
  if (!profiles.length) return { hasInvocationProfile: false, activeHoursPerDay: 0 };
  let active = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) if (profiles.some((p) => (p.mean[h] ?? 0) > 0)) active++;
  return { hasInvocationProfile: true, activeHoursPerDay: round(active / 7) };
}

function endpointCost(ep: SageMakerEndpoint, variants: SageMakerEndpoint['variants'], ctx: SignalContext): ResourceCost {
  if (ep.status !== 'InService') return { monthly: 0, prices: [], unknown: [] };
  const cost: ResourceCost = { monthly: 0, prices: [], unknown: [] };
  for (const v of variants) {
    const lookup = ctx.prices.sagemakerHourly(v.instanceType!, ep.region);
    if (!lookup.known) {
      cost.unknown.push(lookup.reason);
      continue;
    }
    cost.prices.push({ item: `${v.instanceType} hosting`, price: lookup.price });
    cost.monthly = roundCents((cost.monthly ?? 0) + monthlyFromHourly(lookup.price.usd, v.instanceCount));
  }
  if (cost.unknown.length) cost.monthly = null;
  return cost;
}
