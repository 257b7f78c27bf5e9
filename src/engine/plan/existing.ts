import type { SavingsPlan, Snapshot } from '../../snapshot/schema.js';
import type { AccountPlan, ExistingCommitment } from './schema.js';

/** A commitment ending within this many days is flagged: renew it, or let it lapse on purpose. */
export const EXPIRING_SOON_DAYS = 60;

const DAY_MS = 86_400_000;

export type ReservedCounts = Map<string, { reserved: number; used: number }>;

/** Active Reserved Instances of an account by `region|instanceType`; `used` is filled as the plan lines take them. */
export function reservedCounts(ris: Snapshot['resources']['reservedInstances'], accountId: string, asOf: Date): ReservedCounts {
  const counts = new Map<string, { reserved: number; used: number }>();
  for (const ri of ris) {
    if (ri.accountId !== accountId || ri.state !== 'active' || new Date(ri.end) <= asOf) continue;
    const k = `${ri.region}|${ri.instanceType}`;
    const c = counts.get(k) ?? { reserved: 0, used: 0 };
    c.reserved += ri.instanceCount;
    counts.set(k, c);
  }
  return counts;
}

/** The account's Savings Plans in force at the end of the window. */
export function activeSavingsPlans(snapshot: Snapshot, accountId: string, asOf: Date): SavingsPlan[] {
  return snapshot.resources.savingsPlans.filter((sp) => sp.accountId === accountId && sp.state === 'active' && new Date(sp.end) > asOf);
}

/**
 * What the account has already bought: each RI and Savings Plan in force, its days left, whether it
 * expires soon, and for RIs how much of it the usage left after the findings still fills.
 */
export function existingCommitments(
  snapshot: Snapshot,
  accountId: string,
  asOf: Date,
  ri: ReadonlyMap<string, { reserved: number; used: number }>,
  /** Each Savings Plan's USD/hour spent on the usage left after the findings (null: a rate it needed is unknown). */
  spent: ReadonlyMap<string, number | null>,
): { commitments: ExistingCommitment[]; savingsPlansHourly: AccountPlan['savingsPlansHourly'] } {
  const commitments: ExistingCommitment[] = [];
  const daysLeft = (end: string) => Math.floor((new Date(end).getTime() - asOf.getTime()) / DAY_MS);
  for (const r of snapshot.resources.reservedInstances) {
    if (r.accountId !== accountId || r.state !== 'active') continue;
    const d = daysLeft(r.end);
    if (d < 0) continue;
    const c = ri.get(`${r.region}|${r.instanceType}`);
    commitments.push({
      id: r.id,
      kind: 'reserved-instance',
      what: r.instanceType,
      region: r.region,
      quantity: r.instanceCount,
      end: r.end,
      daysLeft: d,
      expiringSoon: d <= EXPIRING_SOON_DAYS,
      // Shared across the RIs of one type and region: the share of all of them that is filled.
      utilizationAfterFindingsPct: c && c.reserved > 0 ? Math.round((c.used / c.reserved) * 1000) / 10 : null,
    });
  }
  const savingsPlansHourly = { ec2: 0, sagemaker: 0 };
  for (const sp of activeSavingsPlans(snapshot, accountId, asOf)) {
    const d = daysLeft(sp.end);
    const used = spent.get(sp.id);
    if (sp.type === 'SageMaker') savingsPlansHourly.sagemaker += sp.commitmentPerHour;
    else if (sp.type === 'Compute' || sp.type === 'EC2Instance') savingsPlansHourly.ec2 += sp.commitmentPerHour;
    const existing: ExistingCommitment = {
      id: sp.id,
      kind: 'savings-plan',
      what: `${sp.type}${sp.instanceFamily ? ` ${sp.instanceFamily}` : ''}`,
      quantity: sp.commitmentPerHour,
      end: sp.end,
      daysLeft: d,
      expiringSoon: d <= EXPIRING_SOON_DAYS,
      utilizationAfterFindingsPct: used == null || sp.commitmentPerHour <= 0 ? null : Math.round((used / sp.commitmentPerHour) * 1000) / 10,
    };
    if (sp.region !== undefined) existing.region = sp.region;
    commitments.push(existing);
  }
  return { commitments: commitments.sort((a, b) => a.daysLeft - b.daysLeft || a.id.localeCompare(b.id)), savingsPlansHourly };
}
