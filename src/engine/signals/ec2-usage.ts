import { familyOf } from '../../catalog/index.js';
import type { Ec2Instance, HourOfWeekProfile } from '../../snapshot/schema.js';
import type { SignalContext } from './types.js';

/**
 * Whether a commitment already in force may cover this instance. Deliberately generous: an
 * active RI of the same type and region, or any active Compute Savings Plan, or an EC2 Instance
 * Savings Plan for the family and region. Recommending a second commitment on top of one that
 * already applies would lose money, so doubt means "covered".
 */
export function commitmentCovers(inst: Ec2Instance, ctx: SignalContext): boolean {
  const { reservedInstances, savingsPlans } = ctx.snapshot.resources;
  const asOf = ctx.asOf.getTime();
  const inForce = (start: string, end: string, state: string) => state === 'active' && new Date(start).getTime() <= asOf && new Date(end).getTime() > asOf;
  const ri = reservedInstances.some(
    (r) => r.accountId === inst.accountId && r.region === inst.region && r.instanceType === inst.type && inForce(r.start, r.end, r.state),
  );
  if (ri) return true;
  return savingsPlans.some(
    (sp) =>
      sp.accountId === inst.accountId &&
      inForce(sp.start, sp.end, sp.state) &&
      (sp.type === 'Compute' || (sp.type === 'EC2Instance' && sp.region === inst.region && sp.instanceFamily === familyOf(inst.type))),
  );
}

/** Whether busyProfile has anything to work with. */
export function hasBusyProfile(inst: Ec2Instance): boolean {
  return busyMetric(inst) !== undefined;
}

/**
 * Which profile busyProfile is: GPU utilisation (the mean across the GPUs that reported each
 * hour, folded by the collector) when collected, else CPU. Undefined when no hour-of-week series
 * was collected. A GPU profile of unobserved hours is still the GPU profile: unobserved is not idle.
 */
export function busyMetric(inst: Ec2Instance): 'GPU util' | 'CPU' | undefined {
  if (inst.metrics.gpuUtilHourOfWeek) return 'GPU util';
  return inst.metrics.cpu?.hourOfWeek ? 'CPU' : undefined;
}

/** The hour-of-week activity profile busyMetric names, as the Snapshot holds it (nothing is built per call). */
export function busyProfile(inst: Ec2Instance): HourOfWeekProfile | undefined {
  return inst.metrics.gpuUtilHourOfWeek ?? inst.metrics.cpu?.hourOfWeek;
}
