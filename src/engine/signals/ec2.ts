// Over 250 lines on purpose: the EC2 signals share one hidden class of lazy getters (bench/README.md), which one file keeps together.
import { acceleratorsOf, instanceSpec, successorsOf, type InstanceSpec, type PriceLookup } from '../../catalog/index.js';
import { commitmentCovers, hasBusyProfile } from './ec2-usage.js';
import { dateAt, dayNumber } from '../../snapshot/daily.js';
import type { DailySeries, Ec2Instance } from '../../snapshot/schema.js';
import { monthlyFromHourly } from '../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

/** Defaults for when a GPU counts as in use: p95 utilisation or peak memory at these levels (rules may override). */
export const ACTIVE_GPU_UTIL_PCT = 5;
export const ACTIVE_GPU_MEMORY_PCT = 10;

export interface GpuSignal {
  index: number;
  utilAvgPct: number;
  utilP95Pct: number;
  utilMaxPct: number;
  memUsedMaxGiB: number;
  memUsedMaxPct: number;
  observedHours: number;
  active: boolean;
}

export interface DaySignal {
  date: string;
  cpuAvgPct: number;
  cpuMaxPct: number;
  /** Network in + out over the day, MB (10^6 bytes, as Trusted Advisor counts). */
  networkMB: number;
}

/** Facts about one EC2 instance, computed once and shared by every rule (CEL sees these). */
export interface Ec2Signals {
  running: boolean;
  ageHours: number;
  observedHours: number;
  dataSufficient: boolean;
  known: boolean;
  family: string;
  vcpu: number;
  memoryGiB: number;
  hasGpu: boolean;
  /** What the gpu* signals count: 'GPU', 'NeuronCore' (Inferentia, Trainium), or '' without accelerators. */
  acceleratorUnit: string;
  gpuCount: number;
  gpuModel: string;
  gpuMemoryGiBEach: number;
  /** GPUs with utilisation data; fewer than gpuCount means the agent is missing some. */
  gpusReporting: number;
  gpuDataSufficient: boolean;
  gpus: GpuSignal[];
  activeGpuCount: number;
  gpuUtilMaxPct: number;
  /** The busiest GPU's p95 utilisation. */
  gpuUtilP95MaxPct: number;
  /** Mean of the per-GPU p95 utilisations over all of the instance's GPUs. */
  gpuUtilP95MeanPct: number;
  gpuMemUsedMaxGiB: number;
  gpuMemUsedMaxPct: number;
  hasCpuMetrics: boolean;
  cpuAvgPct: number;
  cpuP95Pct: number;
  cpuMaxPct: number;
  hasMemoryMetrics: boolean;
  memP95Pct: number;
  memMaxPct: number;
  days: DaySignal[];
  observedDays: number;
  spot: boolean;
  fleetManaged: boolean;
  /** Tags as "key=value" strings, so rules can ask `"workload=batch" in signals.tagPairs`. */
  tagPairs: string[];
  /** Share of the lookback window the instance reported CPU metrics, percent: how steadily it ran. */
  runningPctOfWindow: number;
  /** An active Reserved Instance of this type and region, or an active Compute / EC2 Instance Savings Plan that may apply. */
  commitmentCovered: boolean;
  /** The family has a newer successor in the catalog's map. */
  previousGeneration: boolean;
  /** An hour-of-week profile (CPU, or GPU when reported) is available for schedule rules. */
  hasHourOfWeek: boolean;
  monthlyCost: number;
  priced: boolean;
}

/** Ec2Signals as rules see them: type and one line each (the README's signal reference and `rules explain` print these). */
export const EC2_SIGNAL_KEYS = {
  running: { type: 'bool', doc: 'The instance is in state running.' },
  ageHours: { type: 'number', doc: 'Hours since launch, at the end of the lookback window.' },
  observedHours: { type: 'number', doc: 'Hours of the window with CPU datapoints.' },
  dataSufficient: { type: 'bool', doc: 'observedHours reaches minObservedHours (config).' },
  known: { type: 'bool', doc: 'The instance type is in the catalog or was described by the collector.' },
  family: { type: 'string', doc: 'Instance family, e.g. p4d.' },
  vcpu: { type: 'number', doc: 'vCPUs of the instance type (0 when unknown).' },
  memoryGiB: { type: 'number', doc: 'Memory of the instance type, GiB.' },
  hasGpu: { type: 'bool', doc: 'The instance type has GPUs or Neuron accelerators (the gpu* signals then count NeuronCores).' },
  acceleratorUnit: { type: 'string', doc: "What the gpu* signals count: 'GPU', 'NeuronCore' (Inferentia, Trainium), or '' without accelerators." },
  gpuCount: { type: 'number', doc: 'GPUs of the instance type (NeuronCores on Inferentia/Trainium).' },
  gpuModel: { type: 'string', doc: 'GPU model, e.g. NVIDIA A100 (or the Neuron device, e.g. Trainium).' },
  gpuMemoryGiBEach: { type: 'number', doc: "Memory of each GPU, GiB (a NeuronCore's share of its device's memory)." },
  gpusReporting: { type: 'number', doc: 'GPUs with utilisation data; fewer than gpuCount means the agent is missing some.' },
  gpuDataSufficient: { type: 'bool', doc: 'Every GPU reported for at least minObservedHours.' },
  gpus: { type: 'list', doc: 'Per GPU: index, utilAvgPct, utilP95Pct, utilMaxPct, memUsedMaxGiB, memUsedMaxPct, observedHours, active.' },
  activeGpuCount: { type: 'number', doc: 'GPUs whose p95 utilisation or peak memory reaches the default activity levels (5% / 10%).' },
  gpuUtilMaxPct: { type: 'number', doc: 'Highest GPU utilisation of any GPU, percent.' },
  gpuUtilP95MaxPct: { type: 'number', doc: "The busiest GPU's p95 utilisation, percent." },
  gpuUtilP95MeanPct: { type: 'number', doc: "Mean of the per-GPU p95 utilisations over all of the instance's GPUs, percent." },
  gpuMemUsedMaxGiB: { type: 'number', doc: 'Highest GPU memory used on any GPU, GiB.' },
  gpuMemUsedMaxPct: { type: 'number', doc: 'Highest GPU memory used on any GPU, percent of its memory.' },
  hasCpuMetrics: { type: 'bool', doc: 'CloudWatch CPUUtilization has datapoints.' },
  cpuAvgPct: { type: 'number', doc: 'Average CPU utilisation over the window, percent.' },
  cpuP95Pct: { type: 'number', doc: 'p95 CPU utilisation, percent.' },
  cpuMaxPct: { type: 'number', doc: 'Peak CPU utilisation, percent.' },
  hasMemoryMetrics: { type: 'bool', doc: 'The CloudWatch agent reported mem_used_percent.' },
  memP95Pct: { type: 'number', doc: 'p95 memory used, percent.' },
  memMaxPct: { type: 'number', doc: 'Peak memory used, percent.' },
  days: { type: 'list', doc: 'Per day with CPU data: date, cpuAvgPct, cpuMaxPct, networkMB (in + out).' },
  observedDays: { type: 'number', doc: 'Days with at least one CPU datapoint.' },
  spot: { type: 'bool', doc: 'The instance runs as spot.' },
  fleetManaged: { type: 'bool', doc: 'An Auto Scaling group, EKS node group, Karpenter or AWS Batch launches it (from its tags).' },
  tagPairs: { type: 'string list', doc: 'Tags as "key=value", e.g. `"workload=batch" in signals.tagPairs`.' },
  runningPctOfWindow: { type: 'number', doc: 'Share of the lookback window the instance reported CPU metrics, percent.' },
  commitmentCovered: { type: 'bool', doc: 'An active Reserved Instance or a Compute / EC2 Instance Savings Plan may cover it.' },
  previousGeneration: { type: 'bool', doc: "The family has a newer successor in the catalog's map." },
  hasHourOfWeek: { type: 'bool', doc: 'An hour-of-week profile (CPU, or GPU when reported) is available for schedule rules.' },
  monthlyCost: { type: 'number', doc: 'What the instance costs per 730-hour month as it runs now, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<Ec2Signals>;

/*
 * Per-day rows and tag pairs are built on first read: most instances meet no rule that asks. The
 * getters are shared, not closures per object: an object literal with its own getters is kept in
 * dictionary mode (~3 KB per instance, measured) and is slower for every rule to read.
 */
const SOURCE = Symbol('instance');
const DAYS = Symbol('days');
const TAG_PAIRS = Symbol('tagPairs');
interface LazySource {
  [SOURCE]: Ec2Instance;
  [DAYS]?: DaySignal[];
  [TAG_PAIRS]?: string[];
}
const LAZY_DAYS: PropertyDescriptor = {
  enumerable: true,
  get(this: LazySource): DaySignal[] {
    return (this[DAYS] ??= daySignals(this[SOURCE]));
  },
};
const LAZY_TAG_PAIRS: PropertyDescriptor = {
  enumerable: true,
  get(this: LazySource): string[] {
    return (this[TAG_PAIRS] ??= Object.entries(this[SOURCE].tags).map(([k, v]) => `${k}=${v}`));
  },
};

export function ec2Signals(inst: Ec2Instance, ctx: SignalContext): { signals: Ec2Signals; cost: ResourceCost; spec?: InstanceSpec } {
  const spec = instanceSpec(inst.type, ctx.snapshot.instanceTypes);
  const m = inst.metrics;
  const observedHours = m.cpu?.observedHours ?? 0;
  const acc = acceleratorsOf(spec);
  const gpus = gpuSignals(inst, acc?.memoryGiBEach);
  const gpuCount = acc?.count ?? 0;
  const cost = instanceCost(inst, ctx);
  const agg = gpuAggregates(gpus);
  const eager: Omit<Ec2Signals, 'days' | 'tagPairs'> & LazySource = {
    running: inst.state === 'running',
    ageHours: round(hoursBetween(inst.launchTime, ctx.asOf)),
    observedHours: round(observedHours),
    dataSufficient: observedHours >= ctx.minObservedHours,
    known: spec !== undefined,
    family: spec?.family ?? inst.type.split('.')[0] ?? '',
    vcpu: spec?.vcpu ?? 0,
    memoryGiB: spec?.memoryGiB ?? 0,
    hasGpu: gpuCount > 0,
    acceleratorUnit: acc?.unit ?? '',
    gpuCount,
    gpuModel: acc?.model ?? '',
    gpuMemoryGiBEach: acc?.memoryGiBEach ?? 0,
    gpusReporting: gpus.length,
    gpuDataSufficient: gpuCount > 0 && gpus.length >= gpuCount && agg.observedHoursMin >= ctx.minObservedHours,
    gpus,
    activeGpuCount: agg.active,
    gpuUtilMaxPct: agg.utilMaxPct,
    gpuUtilP95MaxPct: agg.utilP95MaxPct,
    gpuUtilP95MeanPct: gpus.length ? round(agg.utilP95Sum / Math.max(gpuCount, gpus.length)) : 0,
    gpuMemUsedMaxGiB: agg.memUsedMaxGiB,
    gpuMemUsedMaxPct: agg.memUsedMaxPct,
    hasCpuMetrics: m.cpu !== undefined && m.cpu.datapoints > 0,
    cpuAvgPct: round(m.cpu?.avg ?? 0),
    cpuP95Pct: round(m.cpu?.p95 ?? 0),
    cpuMaxPct: round(m.cpu?.max ?? 0),
    hasMemoryMetrics: m.memory !== undefined && m.memory.datapoints > 0,
    memP95Pct: round(m.memory?.p95 ?? 0),
    memMaxPct: round(m.memory?.max ?? 0),
    observedDays: observedDayCount(inst),
    spot: inst.lifecycle === 'spot',
    fleetManaged: Object.values<string | undefined>(inst.membership).some((v) => v !== undefined),
    runningPctOfWindow: round(Math.min(100, (observedHours / (ctx.snapshot.scope.lookback.days * 24)) * 100)),
    commitmentCovered: commitmentCovers(inst, ctx),
    previousGeneration: successorsOf(spec?.family ?? '').length > 0,
    hasHourOfWeek: hasBusyProfile(inst),
    monthlyCost: cost.monthly ?? 0,
    priced: cost.monthly !== null,
    // Last: a computed key ends the part of a literal V8 copies from a template in one step.
    [SOURCE]: inst,
  };
  // Two defineProperty calls: defineProperties re-reads its descriptor map per object (2.3x slower, measured).
  Object.defineProperty(eager, 'days', LAZY_DAYS);
  Object.defineProperty(eager, 'tagPairs', LAZY_TAG_PAIRS);
  const signals = eager as typeof eager & Pick<Ec2Signals, 'days' | 'tagPairs'>;
  return spec ? { signals, cost, spec } : { signals, cost };
}

function observedDayCount(inst: Ec2Instance): number {
  let n = 0;
  for (const points of inst.metrics.cpu?.daily?.datapoints ?? []) if (points > 0) n++;
  return n;
}

/** Per GPU, or per NeuronCore: the collector writes both into metrics.gpus, one entry per index. */
function gpuSignals(inst: Ec2Instance, eachGiB: number | undefined): GpuSignal[] {
  const gpus: GpuSignal[] = [];
  // One loop rather than filter/sort/map: this runs for every GPU instance of the fleet.
  for (const g of inst.metrics.gpus ?? []) {
    const util = g.utilization;
    if (util === undefined || !(util.datapoints > 0)) continue;
    const memUsedMaxGiB = round((g.memoryUsedMiB?.max ?? 0) / 1024, 2);
    const totalGiB = g.memoryTotalMiB !== undefined ? g.memoryTotalMiB / 1024 : eachGiB;
    const memUsedMaxPct = totalGiB ? round((memUsedMaxGiB / totalGiB) * 100) : 0;
    gpus.push({
      index: g.index,
      utilAvgPct: round(util.avg),
      utilP95Pct: round(util.p95),
      utilMaxPct: round(util.max),
      memUsedMaxGiB,
      memUsedMaxPct,
      observedHours: round(util.observedHours),
      active: util.p95 >= ACTIVE_GPU_UTIL_PCT || memUsedMaxPct >= ACTIVE_GPU_MEMORY_PCT,
    });
  }
  return gpus.sort((a, b) => a.index - b.index);
}

/** Daily CPU and network side by side, for the days CPU was reported; network read by date. */
function daySignals(inst: Ec2Instance): DaySignal[] {
  const cpu = inst.metrics.cpu?.daily;
  if (!cpu) return [];
  const first = dayNumber(cpu.start);
  const netIn = dayBytesReader(inst.metrics.networkInBytes?.daily, first);
  const netOut = dayBytesReader(inst.metrics.networkOutBytes?.daily, first);
  const days: DaySignal[] = [];
  for (let i = 0; i < cpu.datapoints.length; i++) {
    if (cpu.datapoints[i] === 0) continue;
    days.push({
      date: dateAt(cpu, i),
      cpuAvgPct: Math.round(cpu.avg[i]! * 100) / 100,
      cpuMaxPct: Math.round(cpu.max[i]! * 100) / 100,
      networkMB: Math.round((netIn(i) + netOut(i)) / 1e3) / 1e3,
    });
  }
  return days;
}

/** Bytes on the CPU series' day i from a counter series that may start on another day. */
function dayBytesReader(series: DailySeries | undefined, cpuStart: number): (i: number) => number {
  if (!series) return () => 0;
  const offset = cpuStart - dayNumber(series.start);
  return (i) => {
    const j = i + offset;
    if (j < 0 || j >= series.datapoints.length) return 0;
    return series.sum?.[j] ?? series.avg[j]! * series.datapoints[j]!;
  };
}

/** Hourly rate of the instance as it runs today: spot price for spot, on-demand otherwise. */
export function instanceHourly(inst: Pick<Ec2Instance, 'type' | 'region' | 'lifecycle'>, ctx: Pick<SignalContext, 'snapshot' | 'prices'>): PriceLookup {
  if (inst.lifecycle !== 'spot') return ctx.prices.ec2OnDemand(inst.type, inst.region);
  const quotes = ctx.snapshot.spotPrices.filter((p) => p.instanceType === inst.type && p.region === inst.region);
  if (!quotes.length) return { known: false, reason: `no spot price collected for ${inst.type} in ${inst.region}` };
  const usd = quotes.reduce((s, q) => s + q.usdPerHour, 0) / quotes.length;
  const latest =
    quotes
      .map((q) => q.timestamp)
      .sort()
      .at(-1) ?? '';
  return {
    known: true,
    price: {
      usd,
      unit: 'hour',
      source: 'EC2 DescribeSpotPriceHistory (collected)',
      asOf: latest.slice(0, 10),
      basis: `mean spot price over ${quotes.length} availability zone(s)`,
    },
  };
}

function instanceCost(inst: Ec2Instance, ctx: SignalContext): ResourceCost {
  if (inst.state !== 'running' && inst.state !== 'pending') return { monthly: 0, prices: [], unknown: [] };
  const lookup = instanceHourly(inst, ctx);
  if (!lookup.known) return { monthly: null, prices: [], unknown: [lookup.reason] };
  return { monthly: monthlyFromHourly(lookup.price.usd), prices: [{ item: `${inst.type} ${inst.lifecycle}`, price: lookup.price }], unknown: [] };
}

/** Instance-wide GPU figures in one pass (0 when no GPU reports). */
function gpuAggregates(gpus: readonly GpuSignal[]) {
  const a = {
    observedHoursMin: gpus.length ? Number.POSITIVE_INFINITY : 0,
    active: 0,
    utilMaxPct: 0,
    utilP95MaxPct: 0,
    utilP95Sum: 0,
    memUsedMaxGiB: 0,
    memUsedMaxPct: 0,
  };
  for (const g of gpus) {
    a.observedHoursMin = Math.min(a.observedHoursMin, g.observedHours);
    if (g.active) a.active++;
    a.utilMaxPct = Math.max(a.utilMaxPct, g.utilMaxPct);
    a.utilP95MaxPct = Math.max(a.utilP95MaxPct, g.utilP95Pct);
    a.utilP95Sum += g.utilP95Pct;
    a.memUsedMaxGiB = Math.max(a.memUsedMaxGiB, g.memUsedMaxGiB);
    a.memUsedMaxPct = Math.max(a.memUsedMaxPct, g.memUsedMaxPct);
  }
  return a;
}
