import { z } from 'zod';
import { tags } from '../metric-schema.js';

export const ElasticIpSchema = z.object({
  allocationId: z.string(),
  accountId: z.string(),
  region: z.string(),
  publicIp: z.string(),
  associationId: z.string().optional(),
  instanceId: z.string().optional(),
  networkInterfaceId: z.string().optional(),
  tags: tags.default({}),
});
