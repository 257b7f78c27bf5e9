import type { Ec2Instance, ReservedInstance, SavingsPlan, SavingsPlansRecommendation, Snapshot } from '../../src/snapshot/schema.js';
import { END, instance, snapshotOf } from './builders.js';

/**
 * The commitment plan's shared scene: a busy g5 worth committing to, an idle p4d the findings stop, and a
 * Cost Explorer recommendation that still counts the p4d. The netting, renderer and Chromium tests all read it.
 */
export const PLAN_ACCOUNT = '111122223333';

/** g5.xlarge on-demand is $1.006/h in the catalog: the one line the plan recommends for. */
export const busyG5 = (id = 'i-busy'): Ec2Instance =>
  instance({ id, type: 'g5.xlarge', cpu: [40, 60, 80], mem: [40, 50, 60], netMBPerDay: 5000, gpu: [[90, 20]] });

/** p4d.24xlarge on-demand is $21.9576/h: usage Cost Explorer commits to and the findings remove. */
export const idleP4d = (): Ec2Instance =>
  instance({ id: 'i-idle', type: 'p4d.24xlarge', cpu: [0.5, 1, 2], netMBPerDay: 0.5, gpu: Array.from({ length: 8 }, (): [number, number] => [0, 0.1]) });

/** m7i.large on-demand is $0.1008/h in the catalog: a busy CPU box beside the g5. */
export const busyM7i = (id = 'i-m7i'): Ec2Instance => instance({ id, type: 'm7i.large', cpu: [50, 70, 90], mem: [60, 70, 80], netMBPerDay: 5000 });

/** A Savings Plan in force; by default a $0.50/h Compute plan 30 days into its year. */
export const savingsPlan = (over: Partial<SavingsPlan> = {}): SavingsPlan => ({
  id: 'sp-compute',
  accountId: PLAN_ACCOUNT,
  type: 'Compute',
  commitmentPerHour: 0.5,
  start: new Date(END.getTime() - 30 * 86_400_000).toISOString(),
  end: new Date(END.getTime() + 335 * 86_400_000).toISOString(),
  state: 'active',
  ...over,
});

export const ceRecommendation = (over: Partial<SavingsPlansRecommendation> = {}): SavingsPlansRecommendation => ({
  accountId: PLAN_ACCOUNT,
  savingsPlansType: 'COMPUTE_SP',
  termInYears: 'ONE_YEAR',
  paymentOption: 'NO_UPFRONT',
  lookbackPeriodInDays: 'SEVEN_DAYS',
  hourlyCommitment: 14.5,
  estimatedMonthlySavings: 4400,
  details: [],
  ...over,
});

/** A Reserved Instance in force; by default a p4d one that ends in 30 days, left empty once the idle p4d is stopped. */
export const reservedInstance = (over: Partial<ReservedInstance> = {}): ReservedInstance => ({
  id: 'ri-exp',
  accountId: PLAN_ACCOUNT,
  region: 'us-east-1',
  instanceType: 'p4d.24xlarge',
  instanceCount: 1,
  scope: 'Region',
  start: new Date(END.getTime() - 300 * 86_400_000).toISOString(),
  end: new Date(END.getTime() + 30 * 86_400_000).toISOString(),
  state: 'active',
  ...over,
});

/** The busy g5, the idle p4d and Cost Explorer's Compute Savings Plan recommendation; `withExpiringRi` adds the RI. */
export function planSnapshot(opts: { withExpiringRi?: boolean } = {}): Snapshot {
  const snapshot = snapshotOf({ ec2Instances: [busyG5(), idleP4d()] });
  snapshot.resources.savingsPlansRecommendations.push(ceRecommendation());
  if (opts.withExpiringRi) snapshot.resources.reservedInstances.push(reservedInstance());
  return snapshot;
}
