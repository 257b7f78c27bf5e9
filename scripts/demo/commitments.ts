import type { SavingsPlansRecommendation, SnapshotInput } from '../../src/snapshot/schema.js';

type Resources = NonNullable<SnapshotInput['resources']>;

const DAY_MS = 86_400_000;

/**
 * Commitments the demo accounts already hold, so `audit --demo` shows the plan's "already bought"
 * side: an RI for a p3 box the audit moves to g5 (it would sit empty after the move), a p4de RI that
 * expires within 60 days, a SageMaker Savings Plan, and an EC2 Instance Savings Plan for g6 in
 * us-east-1 that covers that family's usage after the findings (and nothing else); plus what Cost
 * Explorer recommends for both accounts (demoCostExplorer).
 */
export function demoCommitments(
  end: Date,
  accounts: { research: string; prod: string },
): Pick<Resources, 'reservedInstances' | 'savingsPlans' | 'savingsPlansRecommendations'> {
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
      {
        id: 'sp-0g6research0000001',
        accountId: accounts.research,
        type: 'EC2Instance',
        commitmentPerHour: 4.1,
        region: 'us-east-1',
        instanceFamily: 'g6',
        start: at(-120),
        end: at(245),
        state: 'active',
      },
    ],
    savingsPlansRecommendations: demoCostExplorer(accounts),
  };
}

type Recommendation = SavingsPlansRecommendation;

/**
 * Cost Explorer's recommendations as GetSavingsPlansPurchaseRecommendation would give them for the demo
 * accounts (synthetic demo figures, no upfront, 7-day lookback): sized on the billed usage, so on
 * the idle and oversized boxes the findings remove too. Types and terms not listed recommend nothing.
 */
function demoCostExplorer(accounts: { research: string; prod: string }): Recommendation[] {
  const rec = (
    accountId: string,
    savingsPlansType: Recommendation['savingsPlansType'],
    termInYears: Recommendation['termInYears'],
    hourlyCommitment: number,
    estimatedMonthlySavings: number,
  ): Recommendation => ({
    accountId,
    savingsPlansType,
    termInYears,
    paymentOption: 'NO_UPFRONT',
    lookbackPeriodInDays: 'SEVEN_DAYS',
    generatedAt: '2026-11-19T06:00:00Z',
    hourlyCommitment,
    estimatedMonthlySavings,
    details: [],
  });
  return [
    rec(accounts.research, 'COMPUTE_SP', 'ONE_YEAR', 68.4, 18210.55),
    rec(accounts.research, 'COMPUTE_SP', 'THREE_YEARS', 52.1, 29377.4),
    rec(accounts.research, 'EC2_INSTANCE_SP', 'ONE_YEAR', 61.25, 19874.2),
    rec(accounts.research, 'EC2_INSTANCE_SP', 'THREE_YEARS', 45.8, 28100.1),
    rec(accounts.research, 'SAGEMAKER_SP', 'ONE_YEAR', 6.2, 1954.3),
    rec(accounts.research, 'SAGEMAKER_SP', 'THREE_YEARS', 0, 0),
    rec(accounts.prod, 'COMPUTE_SP', 'ONE_YEAR', 41.5, 10980.75),
    rec(accounts.prod, 'COMPUTE_SP', 'THREE_YEARS', 31.2, 18450.6),
    rec(accounts.prod, 'EC2_INSTANCE_SP', 'ONE_YEAR', 37.9, 11640.2),
    rec(accounts.prod, 'EC2_INSTANCE_SP', 'THREE_YEARS', 29.4, 19020.35),
    rec(accounts.prod, 'SAGEMAKER_SP', 'ONE_YEAR', 0, 0),
    rec(accounts.prod, 'SAGEMAKER_SP', 'THREE_YEARS', 0, 0),
  ];
}
