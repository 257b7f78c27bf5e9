import { z } from 'zod';
import { RESOURCE_TYPES } from '../snapshot/resources.js';
import { ScopeSchema, WarningSchema } from '../snapshot/schema.js';
import { CommitmentPlanSchema } from './plan/schema.js';

/**
 * The audit result: `mlcost audit --output json`. Public and versioned: renderers, the CI gate
 * and the weekly report read only this, so a saved result renders the same way a live one does.
 */
export const RESULT_SCHEMA_VERSION = 1;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORIES = ['idle', 'rightsize', 'purchase-option', 'modernize', 'storage', 'schedule', 'network'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ACTION_KINDS = [
  'stop',
  'terminate',
  'delete',
  'snapshot-and-delete',
  'downsize',
  'change-instance-type',
  'use-spot',
  'buy-commitment',
  'change-volume-type',
  'change-storage-class',
  'schedule',
  'add-lifecycle-rule',
  'release-capacity',
  'use-capacity-block',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const PERFORMANCE_RISKS = ['none', 'low', 'medium', 'high'] as const;

/** Capacity on one side of a move; the fields that apply to the resource type are set. */
export const CapacitySchema = z.object({
  label: z.string(),
  gpus: z.number().optional(),
  gpuModel: z.string().optional(),
  gpuMemoryGiB: z.number().optional(),
  vcpu: z.number().optional(),
  memoryGiB: z.number().optional(),
  /** Expected p95 GPU (or CPU, when no GPU) utilisation, percent. */
  expectedUtilPct: z.number().optional(),
  storageGiB: z.number().optional(),
  storageClass: z.string().optional(),
  interruptionBand: z.string().optional(),
  firstByteLatency: z.string().optional(),
});

export const FindingSchema = z.object({
  /** Stable across runs: `ruleId:accountId:region:resourceId`; used by the gate and the weekly diff. */
  id: z.string(),
  ruleId: z.string(),
  title: z.string(),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['low', 'medium', 'high']),
  resource: z.object({
    id: z.string(),
    arn: z.string().optional(),
    type: z.enum(RESOURCE_TYPES),
    region: z.string(),
    accountId: z.string(),
    name: z.string().optional(),
    team: z.string().optional(),
    tags: z.record(z.string(), z.string()),
  }),
  /** What is wrong, in one line. */
  problem: z.string(),
  action: z.object({
    kind: z.enum(ACTION_KINDS),
    from: z.string().optional(),
    to: z.string().optional(),
    /** The move in words a person can act on. */
    description: z.string(),
  }),
  /** USD per 730-hour month; null when no price is known (shown as `-`, never 0). */
  monthlyCost: z.number().nullable(),
  monthlySavings: z.number().nullable(),
  /** How the money was computed: the prices used, their source and date. */
  pricing: z.object({
    method: z.string(),
    prices: z.array(z.object({ item: z.string(), usd: z.number(), unit: z.string(), source: z.string(), asOf: z.string() })),
    unknown: z.array(z.string()).optional(),
  }),
  evidence: z.record(z.string(), z.unknown()),
  tradeoff: z.object({
    performanceRisk: z.enum(PERFORMANCE_RISKS),
    summary: z.string(),
    before: CapacitySchema.optional(),
    after: CapacitySchema.optional(),
  }),
});

const moneyBreakdown = z.record(z.string(), z.object({ monthlySavings: z.number(), findingCount: z.number().int() }));

export const AuditResultSchema = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  generatedAt: z.string(),
  tool: z.object({ name: z.literal('mlcost'), version: z.string() }),
  scope: ScopeSchema.extend({ snapshotCollectedAt: z.string() }),
  totals: z.object({
    /** Monthly cost of the priced resources in scope at the rates used. */
    monthlyCost: z.number(),
    monthlySavings: z.number(),
    findingCount: z.number().int(),
    unpricedResources: z
      .number()
      .int()
      .describe(
        'Resources that could not be fully priced: those whose own cost is unknown (not in monthlyCost) and those whose finding has an unknown saving (monthlySavings null, the reason in its pricing.unknown; not in monthlySavings).',
      ),
  }),
  breakdowns: z.object({
    byCategory: moneyBreakdown,
    byTeam: moneyBreakdown,
    byRegion: moneyBreakdown,
    byAccount: moneyBreakdown,
  }),
  findings: z.array(FindingSchema),
  /** What to commit to, sized on the usage left after the findings (absent from results saved before it existed). */
  commitmentPlan: CommitmentPlanSchema.optional(),
  warnings: z.array(WarningSchema),
});

export type Capacity = z.infer<typeof CapacitySchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type AuditResult = z.infer<typeof AuditResultSchema>;
export type PerformanceRisk = (typeof PERFORMANCE_RISKS)[number];
