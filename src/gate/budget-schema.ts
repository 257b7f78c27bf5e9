import { z } from 'zod';
import { CATEGORIES, SEVERITIES } from '../engine/result.js';

/**
 * mlcost.budget.yaml: what `mlcost gate` holds an audit result to. Every object is strict so a
 * misspelt key is an error with its line, not a budget that silently never breaks.
 */
export const BUDGET_SCHEMA_VERSION = 1;

/** A breakdown key that stands for every key the budget does not name. */
export const ANY_OTHER = '*';

const usd = z.number().nonnegative();

const maxIncrease = z
  .strictObject({
    /** Percent of the baseline amount. */
    percent: z.number().nonnegative().optional(),
    /** USD per month. */
    amount: usd.optional(),
  })
  .refine((v) => v.percent !== undefined || v.amount !== undefined, { message: 'set percent, amount or both' });

const perKey = z.record(z.string().min(1), usd);

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: 'not a calendar date' });

export const AcceptanceSchema = z.strictObject({
  /** Rule id of the accepted finding, e.g. `gpu-underused`. */
  rule: z.string().min(1),
  /** Resource id (or ARN) the finding is about. */
  resource: z.string().min(1),
  /** Last day (UTC) the acceptance holds; from the next day the finding counts again and the gate breaks. */
  expires: isoDay,
  /** Why the waste is accepted, for the next reviewer. */
  reason: z.string().min(1),
});

export const BudgetSchema = z.strictObject({
  version: z.literal(BUDGET_SCHEMA_VERSION).default(BUDGET_SCHEMA_VERSION),
  /** Monthly cost of the priced resources in scope (USD per 730-hour month). */
  cost: z
    .strictObject({
      max: usd.optional(),
      maxIncrease: maxIncrease.optional(),
    })
    .optional(),
  /** Monthly waste: the savings still open in the findings that are not accepted. */
  waste: z
    .strictObject({
      max: usd.optional(),
      maxIncrease: maxIncrease.optional(),
      byTeam: perKey.optional(),
      byAccount: perKey.optional(),
      byRegion: perKey.optional(),
      byCategory: z.partialRecord(z.enum([...CATEGORIES, ANY_OTHER]), usd).optional(),
    })
    .optional(),
  /** Break when a finding at or above this severity is new (or newly this severe) against the baseline. */
  failOnNew: z.enum(SEVERITIES).optional(),
  accepted: z.array(AcceptanceSchema).default([]),
});

export type Budget = z.infer<typeof BudgetSchema>;
export type Acceptance = z.infer<typeof AcceptanceSchema>;
export type MaxIncrease = z.infer<typeof maxIncrease>;
export type WasteDimension = 'byTeam' | 'byAccount' | 'byRegion' | 'byCategory';
export const WASTE_DIMENSIONS: readonly WasteDimension[] = ['byTeam', 'byAccount', 'byRegion', 'byCategory'];
