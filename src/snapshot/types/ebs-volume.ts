import { z } from 'zod';
import { MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

export const EbsVolumeSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  type: z.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']),
  sizeGiB: z.number().positive(),
  iops: z.number().nonnegative().optional(),
  throughputMiBps: z.number().nonnegative().optional(),
  state: z.enum(['creating', 'available', 'in-use', 'deleting', 'deleted', 'error']),
  createTime: isoDate,
  attachments: z.array(z.object({ instanceId: z.string(), device: z.string().optional() })).default([]),
  tags: tags.default({}),
  metrics: z
    .object({
      readOps: MetricSummarySchema.optional(),
      writeOps: MetricSummarySchema.optional(),
    })
    .default({}),
});
