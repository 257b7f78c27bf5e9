import { instanceSpec, type InstanceSpec } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { SageMakerTrainingJob } from '../../snapshot/schema.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

/**
 * A training job is a one-off: its cost is what it billed in the window. Monthly figures project
 * the window's jobs onto 30 days (x 30 / window days), on the assumption that the team keeps
 * training at the same pace; findings say so.
 */
export interface SageMakerTrainingJobSignals {
  status: string;
  instanceType: string;
  instanceCount: number;
  gpuCount: number;
  onDemand: boolean;
  inTrainingPlan: boolean;
  hasCheckpoints: boolean;
  /** Wall-clock hours the job trained (TrainingTimeInSeconds). */
  trainingHours: number;
  /** Instance-hours billed for the job itself: BillableTimeInSeconds x instances. */
  billableInstanceHours: number;
  /** Instance-hours billed for the warm pool kept after the job: ResourceRetainedBillableTimeInSeconds x instances. */
  warmPoolInstanceHours: number;
  warmPoolReused: boolean;
  keepAliveMinutes: number;
  /** The Train rate for the type, USD per instance-hour (0 when unpriced: see priced). */
  hourlyRate: number;
  priced: boolean;
  windowDays: number;
  /** 30 / window days: what turns the window's spend into a monthly projection. */
  monthlyFactor: number;
  hasGpuMetrics: boolean;
  gpuUtilP95Pct: number;
  gpuUtilMaxPct: number;
  gpuMemMaxPct: number;
  /** Per-core CPU p95 and host memory peak of the busiest host, percent. */
  cpuP95Pct: number;
  memMaxPct: number;
  /** Job plus warm pool, projected to a month, USD (0 when unpriced). */
  monthlyCost: number;
}

export const SAGEMAKER_TRAINING_JOB_SIGNAL_KEYS = {
  status: { type: 'string', doc: 'TrainingJobStatus: InProgress, Completed, Failed, Stopping, Stopped.' },
  instanceType: { type: 'string', doc: 'ResourceConfig.InstanceType, e.g. ml.g5.2xlarge.' },
  instanceCount: { type: 'number', doc: 'ResourceConfig.InstanceCount.' },
  gpuCount: { type: 'number', doc: 'GPUs per instance.' },
  onDemand: { type: 'bool', doc: 'EnableManagedSpotTraining is off and it ran outside any training plan (on-demand capacity).' },
  inTrainingPlan: { type: 'bool', doc: 'ResourceConfig.TrainingPlanArn is set: it ran in a training plan’s prepaid capacity.' },
  hasCheckpoints: { type: 'bool', doc: 'CheckpointConfig names an S3 URI, so an interrupted job resumes.' },
  trainingHours: { type: 'number', doc: 'TrainingTimeInSeconds in hours.' },
  billableInstanceHours: { type: 'number', doc: 'BillableTimeInSeconds x InstanceCount, in hours.' },
  warmPoolInstanceHours: { type: 'number', doc: 'WarmPoolStatus.ResourceRetainedBillableTimeInSeconds x InstanceCount, in hours.' },
  warmPoolReused: { type: 'bool', doc: 'WarmPoolStatus.ReusedByJob names a job that reused the pool.' },
  keepAliveMinutes: { type: 'number', doc: 'ResourceConfig.KeepAlivePeriodInSeconds in minutes (0 without a warm pool).' },
  hourlyRate: { type: 'number', doc: 'SageMaker training price of the type, USD per instance-hour (0 when unpriced).' },
  priced: { type: 'bool', doc: 'hourlyRate comes from a known price.' },
  windowDays: { type: 'number', doc: 'Days in the lookback window the job was listed from.' },
  monthlyFactor: { type: 'number', doc: '30 / windowDays: projects the window onto a month.' },
  hasGpuMetrics: { type: 'bool', doc: 'GPU utilisation from /aws/sagemaker/TrainingJobs has datapoints.' },
  gpuUtilP95Pct: { type: 'number', doc: 'p95 per-GPU utilisation of the busiest host, percent.' },
  gpuUtilMaxPct: { type: 'number', doc: 'Peak per-GPU utilisation of the busiest host, percent.' },
  gpuMemMaxPct: { type: 'number', doc: 'Peak per-GPU memory used on the busiest host, percent.' },
  cpuP95Pct: { type: 'number', doc: 'p95 CPU utilisation per core of the busiest host, percent.' },
  memMaxPct: { type: 'number', doc: 'Peak host memory used, percent.' },
  monthlyCost: { type: 'number', doc: 'Job and warm-pool spend in the window x monthlyFactor, USD (0 when unpriced).' },
} as const satisfies SignalKeys<SageMakerTrainingJobSignals>;

export function sagemakerTrainingJobSignals(
  job: SageMakerTrainingJob,
  ctx: SignalContext,
): { signals: SageMakerTrainingJobSignals; cost: ResourceCost; spec?: InstanceSpec } {
  const spec = instanceSpec(job.instanceType.replace(/^ml\./, ''), ctx.snapshot.instanceTypes);
  const lookup = ctx.prices.sagemakerTrainingHourly(job.instanceType, job.region);
  const windowDays = ctx.snapshot.scope.lookback.days;
  const monthlyFactor = 30 / windowDays;
  const billable = ((job.billableTimeSeconds ?? 0) * job.instanceCount) / 3600;
  const warmPool = ((job.warmPool?.retainedBillableSeconds ?? 0) * job.instanceCount) / 3600;
  const cost: ResourceCost = lookup.known
    ? {
        monthly: roundCents((billable + warmPool) * lookup.price.usd * monthlyFactor),
        prices: [{ item: `${job.instanceType} training`, price: lookup.price }],
        unknown: [],
      }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
  const gpu = job.metrics.gpu && job.metrics.gpu.datapoints > 0 ? job.metrics.gpu : undefined;
  const signals: SageMakerTrainingJobSignals = {
    status: job.status,
    instanceType: job.instanceType,
    instanceCount: job.instanceCount,
    gpuCount: spec?.gpu?.count ?? 0,
    // A job in a training plan runs on capacity already paid for: neither on-demand nor a spot candidate.
    onDemand: !job.managedSpot && job.trainingPlanArn === undefined,
    inTrainingPlan: job.trainingPlanArn !== undefined,
    hasCheckpoints: job.checkpointS3Uri !== undefined && job.checkpointS3Uri !== '',
    trainingHours: round((job.trainingTimeSeconds ?? 0) / 3600, 2),
    billableInstanceHours: round(billable, 2),
    warmPoolInstanceHours: round(warmPool, 2),
    warmPoolReused: job.warmPool?.reusedByJob !== undefined,
    keepAliveMinutes: round((job.keepAlivePeriodSeconds ?? 0) / 60),
    hourlyRate: lookup.known ? lookup.price.usd : 0,
    priced: lookup.known,
    windowDays,
    monthlyFactor: round(monthlyFactor, 4),
    hasGpuMetrics: gpu !== undefined,
    gpuUtilP95Pct: round(gpu?.p95 ?? 0),
    gpuUtilMaxPct: round(gpu?.max ?? 0),
    gpuMemMaxPct: round(job.metrics.gpuMemory?.max ?? 0),
    cpuP95Pct: round(job.metrics.cpu?.p95 ?? 0),
    memMaxPct: round(job.metrics.memory?.max ?? 0),
    monthlyCost: cost.monthly ?? 0,
  };
  return spec ? { signals, cost, spec } : { signals, cost };
}
