import type { SnapshotInput } from '../../src/snapshot/schema.js';

type Resources = NonNullable<SnapshotInput['resources']>;

const DAY_MS = 86_400_000;

/**
 * Commitments the demo accounts already hold, so `audit --demo` shows the plan's "already bought"
 * side: an RI for a p3 box the audit moves to g5 (it would sit empty after the move), a p4de RI that
 * expires within 60 days, and a SageMaker Savings Plan.
 */
export function demoCommitments(end: Date, accounts: { research: string; prod: string }): Pick<Resources, 'reservedInstances' | 'savingsPlans'> {
  const at = (days: number) => new Date(end.getTime() + days * DAY_MS).toISOString();
  return {
    reservedInstances: [
      {
        id: 'ri-0p3research0000001',
        accountId: accounts.research,
        region: 'us-east-1',
        instanceType: 'p3.8xlarge',
        instanceCount: 1,
        scope: 'Region',
        start: at(-165),
        end: at(200),
        state: 'active',
        offeringClass: 'standard',
        offeringType: 'No Upfront',
        productDescription: 'Linux/UNIX',
      },
      {
        id: 'ri-0p4deprod00000001',
        accountId: accounts.prod,
        region: 'us-west-2',
        instanceType: 'p4de.24xlarge',
        instanceCount: 1,
        scope: 'Region',
        start: at(-320),
        end: at(45),
        state: 'active',
        offeringClass: 'standard',
        offeringType: 'Partial Upfront',
        productDescription: 'Linux/UNIX',
      },
    ],
    savingsPlans: [
      { id: 'sp-0sagemakerresearch1', accountId: accounts.research, type: 'SageMaker', commitmentPerHour: 1, start: at(-65), end: at(300), state: 'active' },
    ],
  };
}
