import { z } from 'zod';
import { RESOURCE_TYPES } from '../../snapshot/resources.js';
import { ACTION_KINDS, CATEGORIES, SEVERITIES } from '../result.js';

/** A rule parameter: a named threshold with its type, default and bounds. */
export const ParamSpecSchema = z
  .object({
    type: z.enum(['number', 'integer', 'boolean', 'string', 'string-list']),
    default: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]),
    min: z.number().optional(),
    max: z.number().optional(),
    description: z.string().min(1),
  })
  .strict();

export const RuleFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'rule ids are kebab-case'),
    title: z.string().min(1),
    resource: z.enum(RESOURCE_TYPES),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'param names are camelCase'), ParamSpecSchema).default({}),
    /** CEL over `resource`, `signals` and `params`; true means the rule matches. */
    when: z.string().min(1),
    /** What is wrong, with `{path}` placeholders over resource/signals/params. */
    problem: z.string().min(1),
    action: z
      .object({
        kind: z.enum(ACTION_KINDS),
      })
      .strict(),
    docs: z
      .object({
        summary: z.string().min(1),
        evidence: z.string().min(1),
        risk: z.string().min(1),
        fix: z.string().min(1),
        references: z.array(z.string()).default([]),
      })
      .strict(),
  })
  .strict();

export type ParamSpec = z.infer<typeof ParamSpecSchema>;
export type ParamValue = ParamSpec['default'];
export type RuleFile = z.infer<typeof RuleFileSchema>;
