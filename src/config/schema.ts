import { z } from 'zod';
import { NEURON_METRIC_DEFAULTS, NeuronMetricsSchema } from './neuron.js';

/**
 * mlcost.config.yaml. Secrets (SMTP password) never live here or in flags: they come from the
 * environment (MLCOST_SMTP_PASSWORD), so they stay out of shell history and repositories.
 */
export const ConfigSchema = z
  .object({
    /** Days of metrics an audit looks back over. */
    lookbackDays: z.number().int().min(1).max(455).default(14),
    regions: z.array(z.string()).optional(),
    prices: z.enum(['auto', 'live', 'embedded']).default('auto'),
    /** Tag keys that name a resource's team, first match wins. */
    teamTags: z.array(z.string()).default(['team', 'Team']),
    /** Hours of metrics below which a resource gets no waste finding ("no datapoints never means idle"). */
    minObservedHours: z.number().min(0).default(72),
    accounts: z
      .array(
        z.object({
          id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
          name: z.string().optional(),
          roleArn: z.string().startsWith('arn:'),
          externalId: z.string().optional(),
        }),
      )
      .default([]),
    cloudwatch: z
      .object({
        /** Namespace of the CloudWatch agent's mem_used_percent and nvidia_smi_* metrics. */
        agentNamespace: z.string().default('CWAgent'),
        /** Where neuron-monitor's CloudWatch publisher puts per-NeuronCore metrics (src/collect/cloudwatch/neuron.ts). */
        neuron: NeuronMetricsSchema.default(NEURON_METRIC_DEFAULTS),
        /** FilterId of each bucket's whole-bucket request-metrics configuration (the console's name for one without a filter). */
        s3RequestMetricsFilterId: z.string().min(1).default('EntireBucket'),
      })
      .default({ agentNamespace: 'CWAgent', neuron: NEURON_METRIC_DEFAULTS, s3RequestMetricsFilterId: 'EntireBucket' }),
    /** EKS: which team owns each Kubernetes namespace, for GPU pods' findings (else the node groups' team tag). */
    eks: z
      .object({ namespaceTeams: z.record(z.string(), z.string()).default({}) })
      .strict()
      .default({ namespaceTeams: {} }),
    rules: z
      .object({
        disable: z.array(z.string()).default([]),
        directories: z.array(z.string()).default([]),
        params: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
      })
      .default({ disable: [], directories: [], params: {} }),
    email: z
      .object({
        from: z.string().optional(),
        to: z.array(z.string()).default([]),
        cc: z.array(z.string()).default([]),
        subject: z.string().default('mlcost weekly: {{savings}}/month of savings found'),
        via: z.enum(['smtp', 'ses']).default('smtp'),
        smtp: z
          .object({
            host: z.string().optional(),
            port: z.number().int().positive().optional(),
            secure: z.boolean().optional(),
            user: z.string().optional(),
          })
          .default({}),
        ses: z.object({ region: z.string().optional() }).default({}),
      })
      .optional(),
    billing: z
      .object({
        athena: z
          .object({
            database: z.string().optional(),
            table: z.string().optional(),
            workgroup: z.string().optional(),
            outputLocation: z.string().optional(),
            region: z.string().optional(),
          })
          .default({}),
      })
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
