import { z } from 'zod';
import { CalendarDaySchema } from '../calendar-day.js';
import { CATEGORIES, SEVERITIES } from '../engine/result.js';

/**
 * mlcost.budget.yaml: what `mlcost gate` holds an audit result to. Every object is strict so a
 * misspelt key is an error with its line, not a budget that silently never breaks.
 */
export const BUDGET_SCHEMA_VERSION = 1;

/** A breakdown key that stands for every key the budget does not name. */
export const ANY_OTHER = '*';

const usd = z.number().nonnegative();

/** `maxIncrease`: a rise in percent of what it is measured against, an amount, or both (each its own check). */
const increaseLimits = (against: string, amountUnit: string) =>
  z
    .strictObject({
      percent: z.number().nonnegative().optional().describe(`Largest allowed rise, percent of ${against}.`),
      amount: usd.optional().describe(`Largest allowed rise, ${amountUnit}.`),
    })
    .refine((v) => v.percent !== undefined || v.amount !== undefined, { error: 'set percent, amount or both' });

/** Cost and waste against the baseline, per month. */
const maxIncrease = increaseLimits('the baseline amount', 'USD per month');
/** Billed spend's weekly rise: the latest 7 days of billing data against the 7 before. */
const weeklyIncrease = increaseLimits('the 7 days before', 'USD over 7 days');

const perKey = z.record(z.string().min(1), usd);

export const AcceptanceSchema = z.strictObject({
  /** Rule id of the accepted finding, e.g. `gpu-underused`. */
  rule: z.string().min(1).describe('Rule id of the accepted finding, e.g. gpu-underused.'),
  /** Resource id (or ARN) the finding is about. */
  resource: z.string().min(1).describe('Resource id (or ARN) the finding is about.'),
  /** Last day (UTC) the acceptance holds; from the next day the finding counts again and the gate breaks. */
  expires: CalendarDaySchema.describe('Last day (UTC, YYYY-MM-DD) the acceptance holds; after it the gate breaks.'),
  /** Why the waste is accepted, for the next reviewer. */
  reason: z.string().min(1).describe('Why the waste is accepted, for the next reviewer.'),
});

export const BudgetSchema = z.strictObject({
  version: z.literal(BUDGET_SCHEMA_VERSION).default(BUDGET_SCHEMA_VERSION),
  /** Monthly cost of the priced resources in scope (USD per 730-hour month). */
  cost: z
    .strictObject({
      max: usd.optional().describe('Largest monthly cost in scope, USD.'),
      maxIncrease: maxIncrease.optional().describe('Largest rise of monthly cost against the baseline.'),
    })
    .optional(),
  /** Monthly waste: the savings still open in the findings that are not accepted. */
  waste: z
    .strictObject({
      max: usd.optional().describe('Largest open monthly waste (savings of findings not accepted), USD.'),
      maxIncrease: maxIncrease.optional().describe('Largest rise of monthly waste against the baseline.'),
      byTeam: perKey.optional().describe('Largest monthly waste per team tag; "*" for every team not named.'),
      byAccount: perKey.optional().describe('Largest monthly waste per account id; "*" for every account not named.'),
      byRegion: perKey.optional().describe('Largest monthly waste per region; "*" for every region not named.'),
      byCategory: z
        .partialRecord(z.enum([...CATEGORIES, ANY_OTHER]), usd)
        .optional()
        .describe('Largest monthly waste per finding category; "*" for every category not named.'),
    })
    .optional(),
  /** Actual spend from billing data: a spend report (`mlcost spend --output json`) given with --spend. */
  spend: z
    .strictObject({
      max: usd.optional().describe("Largest effective spend over the spend report's window, USD."),
      maxIncrease: weeklyIncrease.optional().describe('Largest rise of effective spend in the latest 7 days of billing data against the 7 before.'),
      byTeam: perKey.optional().describe('Largest effective spend per team tag over the window (report made with --by team); "*" for every team not named.'),
      byAccount: perKey.optional().describe('Largest effective spend per account over the window (--by account); "*" for every account not named.'),
      byRegion: perKey.optional().describe('Largest effective spend per region over the window (--by region); "*" for every region not named.'),
      byService: perKey.optional().describe('Largest effective spend per service over the window (--by service); "*" for every service not named.'),
    })
    .optional(),
  /** Break when a finding at or above this severity is new (or newly this severe) against the baseline. */
  failOnNew: z.enum(SEVERITIES).optional().describe('Break on a new finding at or above this severity.'),
  accepted: z.array(AcceptanceSchema).default([]).describe('Findings a team has acknowledged, each until a date.'),
});

export type Budget = z.infer<typeof BudgetSchema>;
export type Acceptance = z.infer<typeof AcceptanceSchema>;
export type MaxIncrease = z.infer<typeof maxIncrease>;
export type WasteDimension = 'byTeam' | 'byAccount' | 'byRegion' | 'byCategory';
export const WASTE_DIMENSIONS: readonly WasteDimension[] = ['byTeam', 'byAccount', 'byRegion', 'byCategory'];
export type SpendDimension = 'byTeam' | 'byAccount' | 'byRegion' | 'byService';
