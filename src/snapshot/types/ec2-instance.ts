import { z } from 'zod';
import { GpuMetricsSchema, HourOfWeekProfileSchema, MetricSummarySchema, isoDate, tags } from '../metric-schema.js';

export const Ec2InstanceSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  name: z.string().optional(),
  type: z.string(),
  state: z.enum(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']),
  lifecycle: z.enum(['on-demand', 'spot', 'scheduled', 'capacity-block']),
  platform: z.string().default('Linux/UNIX'),
  launchTime: isoDate,
  availabilityZone: z.string().optional(),
  /** The capacity reservation (or Capacity Block) it runs in, when it runs in one. */
  capacityReservationId: z.string().optional(),
  /** An EFA network interface is attached (DescribeInstances NetworkInterfaces[].InterfaceType "efa"): multi-node training. */
  efaAttached: z.boolean().optional(),
  tags: tags.default({}),
  /** Fleet membership derived from tags: who launches and replaces this instance. */
  membership: z
    .object({
      autoScalingGroup: z.string().optional(),
      eksNodeGroup: z.string().optional(),
      eksCluster: z.string().optional(),
      karpenterNodePool: z.string().optional(),
      batchComputeEnvironment: z.string().optional(),
    })
    .default({}),
  metrics: z
    .object({
      cpu: MetricSummarySchema.optional(),
      networkInBytes: MetricSummarySchema.optional(),
      networkOutBytes: MetricSummarySchema.optional(),
      /** CloudWatch agent mem_used_percent. */
      memory: MetricSummarySchema.optional(),
      gpus: z.array(GpuMetricsSchema).optional(),
      /**
       * GPU utilisation by hour of week: the mean across the instance's GPUs of each GPU's hourly
       * average, over the GPUs that reported that hour; unobserved where none did. When collected
       * at hourly or finer period. Schedule rules prefer it to CPU.
       */
      gpuUtilHourOfWeek: HourOfWeekProfileSchema.optional(),
    })
    .default({}),
});
