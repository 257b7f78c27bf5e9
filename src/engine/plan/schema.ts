import { z } from 'zod';
import { USAGE_USES } from '../../snapshot/types/savings-plan-rate.js';

/**
 * The commitment plan of an audit result: what to commit to per account, sized on the usage that is
 * left once every other finding is applied. Optional in the result (results saved before it lack it).
 */
export const COMMITMENT_KINDS = ['reserved-instance', 'ec2-instance-savings-plan', 'compute-savings-plan', 'sagemaker-savings-plan'] as const;
export const PAYMENTS = ['no-upfront', 'partial-upfront'] as const;
export const USAGE_POOLS = ['ec2', 'sagemaker'] as const;
/** What the hours are billed as (hosting, notebooks, training… apart): one list, shared with the Snapshot's Savings Plans rates. */
export { USAGE_USES };

export const CommitmentOptionSchema = z.object({
  kind: z.enum(COMMITMENT_KINDS),
  termMonths: z.union([z.literal(12), z.literal(36)]),
  payment: z.enum(PAYMENTS),
  /** USD per hour committed (for RIs: the effective hourly of the instances bought); null when a rate is unknown. */
  commitmentHourly: z.number().nullable(),
  /** Reserved Instances to buy, by instance type (RI options only). */
  reservedInstances: z.array(z.object({ instanceType: z.string(), count: z.number().int().positive() })).optional(),
  monthlySavings: z.number().nullable(),
  /** The month of the term after which the commitment has paid for itself if the usage then stopped. */
  breakEvenMonth: z.number().nullable(),
  /** Why the option could not be priced, when it could not. */
  unknown: z.string().optional(),
});

export const PlanLineSchema = z.object({
  pool: z.enum(USAGE_POOLS),
  region: z.string(),
  /** EC2 instance family (m7i, g5) or SageMaker family (ml.g5). */
  family: z.string(),
  /** The usage counted, after the other findings, by instance type and use; training counts are averages over the window. */
  usage: z.array(z.object({ instanceType: z.string(), use: z.enum(USAGE_USES), count: z.number().positive(), onDemandHourly: z.number().nullable() })),
  /** On-demand USD/hour of the steady boxes as they run today. */
  grossHourly: z.number().nullable(),
  /** The same after stop/delete/resize/schedule/spot findings are applied. */
  netHourly: z.number().nullable(),
  /** Of netHourly, what Reserved Instances in force already cover (on-demand USD/hour). */
  coveredHourly: z.number().nullable(),
  /** Of netHourly, what Savings Plans in force cover after the RIs (on-demand USD/hour); null when a plan's rate for it is unknown. */
  savingsPlanCoveredHourly: z.number().nullable(),
  options: z.array(CommitmentOptionSchema),
  /** Index into options of the move recommended, when one is priced. */
  recommended: z.number().int().nonnegative().optional(),
  /** Why nothing is recommended, when nothing is (covered already, no rate, no option pays back). */
  noneBecause: z.string().optional(),
  /** What the other findings took out of this line and why, one line per resource. */
  netted: z.array(z.object({ resourceId: z.string(), ruleId: z.string(), effect: z.string() })),
});

export const ExistingCommitmentSchema = z.object({
  id: z.string(),
  kind: z.enum(['reserved-instance', 'savings-plan']),
  /** Instance type for an RI; plan type (and family) for a Savings Plan. */
  what: z.string(),
  region: z.string().optional(),
  /** RIs: instance count; Savings Plans: USD per hour committed. */
  quantity: z.number(),
  end: z.string(),
  daysLeft: z.number().int(),
  expiringSoon: z.boolean(),
  /**
   * Share of the commitment the usage left after the findings still fills, percent: RIs by instance count;
   * Savings Plans by committed dollars spent (null when a rate of the usage it covers is unknown).
   */
  utilizationAfterFindingsPct: z.number().nullable(),
});

/** Cost Explorer's recommendation for one plan type and term, beside ours for the same pool. */
export const CostExplorerComparisonSchema = z.object({
  savingsPlansType: z.enum(['COMPUTE_SP', 'EC2_INSTANCE_SP', 'SAGEMAKER_SP']),
  termInYears: z.enum(['ONE_YEAR', 'THREE_YEARS']),
  paymentOption: z.string(),
  lookbackPeriodInDays: z.string(),
  /** Theirs: USD/hour to commit and the monthly saving Cost Explorer estimates (0 when it recommends nothing). */
  hourlyCommitment: z.number(),
  estimatedMonthlySavings: z.number(),
  /** Ours for the same pool and term, recommended options only (a Reserved Instance counts at its effective hourly). */
  oursHourlyCommitment: z.number(),
  oursMonthlySavings: z.number(),
  /** On-demand USD/hour of the pool's usage the findings stop, shrink or move to Spot: usage theirs still commits to. */
  removedByFindingsHourly: z.number(),
  /** One sentence on why the two differ. */
  why: z.string(),
});

export const AccountPlanSchema = z.object({
  accountId: z.string(),
  lines: z.array(PlanLineSchema),
  existing: z.array(ExistingCommitmentSchema),
  /** Savings Plans in force apply to a pool before anything new is bought (USD/hour committed). */
  savingsPlansHourly: z.object({ ec2: z.number(), sagemaker: z.number() }),
  /** Cost Explorer's own recommendations for the account, collected beside it when reachable. */
  costExplorer: z.array(CostExplorerComparisonSchema).optional(),
});

export const CommitmentPlanSchema = z.object({
  /** How the plan was sized, in words (netting, steadiness, recommendation rule). */
  method: z.string(),
  accounts: z.array(AccountPlanSchema),
  totals: z.object({
    grossHourly: z.number(),
    netHourly: z.number(),
    /** Monthly saving of the recommended options, priced ones only. */
    monthlySavings: z.number(),
    /** Lines with usage but no priced option: counted, never $0. */
    unpricedLines: z.number().int(),
    expiringSoon: z.number().int(),
  }),
});

export type CommitmentOption = z.infer<typeof CommitmentOptionSchema>;
export type PlanLine = z.infer<typeof PlanLineSchema>;
export type ExistingCommitment = z.infer<typeof ExistingCommitmentSchema>;
export type AccountPlan = z.infer<typeof AccountPlanSchema>;
export type CommitmentPlan = z.infer<typeof CommitmentPlanSchema>;
export type CostExplorerComparison = z.infer<typeof CostExplorerComparisonSchema>;
export type UsageUse = (typeof USAGE_USES)[number];
export type UsagePool = (typeof USAGE_POOLS)[number];
