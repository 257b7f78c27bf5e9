import { z } from 'zod';
import { isoDate, tags } from '../metric-schema.js';

export const EbsSnapshotSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  volumeId: z.string().optional(),
  sizeGiB: z.number().nonnegative(),
  startTime: isoDate,
  storageTier: z.enum(['standard', 'archive']).default('standard'),
  description: z.string().optional(),
  /** Registered AMIs whose block devices reference this snapshot. */
  amiIds: z.array(z.string()).default([]),
  tags: tags.default({}),
});
