import type { SageMakerTrainingPlan } from '../../snapshot/types/sagemaker-training-plan.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface SageMakerTrainingPlanSignals {
  active: boolean;
  /** Pending or Scheduled: bought, not started. */
  upcoming: boolean;
  instanceType: string;
  totalInstances: number;
  availableNow: number;
  inUseNow: number;
  hoursLeft: number;
  durationHours: number;
  forTrainingJobs: boolean;
  forHyperPod: boolean;
  upfrontFeeUsd: number;
  feeKnown: boolean;
  unusedPaidUsd: number;
}

export const SAGEMAKER_TRAINING_PLAN_SIGNAL_KEYS = {
  active: { type: 'bool', doc: 'Status is Active: its reserved hours are running.' },
  upcoming: { type: 'bool', doc: 'Status is Pending or Scheduled: bought, not started.' },
  instanceType: { type: 'string', doc: 'Instance type of its reserved capacity (the first, when it holds several), e.g. ml.p5.48xlarge.' },
  totalInstances: { type: 'number', doc: 'TotalInstanceCount: instances reserved.' },
  availableNow: { type: 'number', doc: 'AvailableInstanceCount when collected: reserved instances nothing runs on.' },
  inUseNow: { type: 'number', doc: 'InUseInstanceCount when collected.' },
  hoursLeft: { type: 'number', doc: 'Hours from the end of the window to its EndTime (0 when ended or unknown).' },
  durationHours: { type: 'number', doc: 'DurationHours: the whole plan, in hours (from Start/EndTime when absent).' },
  forTrainingJobs: { type: 'bool', doc: 'TargetResources includes training-job: training jobs can run in it.' },
  forHyperPod: { type: 'bool', doc: 'TargetResources includes hyperpod-cluster.' },
  upfrontFeeUsd: { type: 'number', doc: 'UpfrontFee in USD (0 when not given or not in USD; see feeKnown).' },
  feeKnown: { type: 'bool', doc: 'UpfrontFee is given in USD.' },
  unusedPaidUsd: {
    type: 'number',
    doc: 'Already paid for the empty instances over the hours left: upfront fee x available/total x hours left/duration, USD (0 when the fee is unknown).',
  },
} as const satisfies SignalKeys<SageMakerTrainingPlanSignals>;

const HOUR_MS = 3_600_000;

/** A training plan was paid upfront: nothing more bills while it runs, so its running cost is a known 0. */
const PREPAID: ResourceCost = { monthly: 0, prices: [], unknown: [] };

export function sagemakerTrainingPlanSignals(p: SageMakerTrainingPlan, ctx: SignalContext): { signals: SageMakerTrainingPlanSignals; cost: ResourceCost } {
  const asOf = ctx.asOf.getTime();
  const hoursLeft = p.endTime === undefined ? 0 : Math.max(0, (Date.parse(p.endTime) - asOf) / HOUR_MS);
  const duration = p.durationHours ?? (p.startTime && p.endTime ? Math.max(0, (Date.parse(p.endTime) - Date.parse(p.startTime)) / HOUR_MS) : 0);
  const feeKnown = p.upfrontFee !== undefined && (p.currencyCode ?? 'USD') === 'USD';
  const fee = feeKnown ? (p.upfrontFee ?? 0) : 0;
  const share = p.totalInstanceCount > 0 && duration > 0 ? (p.availableInstanceCount / p.totalInstanceCount) * Math.min(1, hoursLeft / duration) : 0;
  const signals: SageMakerTrainingPlanSignals = {
    active: p.status === 'Active',
    upcoming: p.status === 'Pending' || p.status === 'Scheduled',
    instanceType: p.reservedCapacities[0]?.instanceType ?? '',
    totalInstances: p.totalInstanceCount,
    availableNow: p.availableInstanceCount,
    inUseNow: p.inUseInstanceCount,
    hoursLeft: round(hoursLeft),
    durationHours: round(duration),
    forTrainingJobs: p.targetResources.includes('training-job'),
    forHyperPod: p.targetResources.includes('hyperpod-cluster'),
    upfrontFeeUsd: fee,
    feeKnown,
    unusedPaidUsd: Math.round(fee * share * 100) / 100,
  };
  return { signals, cost: PREPAID };
}
