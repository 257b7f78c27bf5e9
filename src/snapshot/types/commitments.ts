import { z } from 'zod';
import { isoDate } from '../metric-schema.js';

export const ReservedInstanceSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  region: z.string(),
  instanceType: z.string(),
  instanceCount: z.number().int().positive(),
  availabilityZone: z.string().optional(),
  scope: z.enum(['Region', 'Availability Zone']),
  start: isoDate,
  end: isoDate,
  state: z.string(),
  offeringClass: z.string().optional(),
  offeringType: z.string().optional(),
  productDescription: z.string().optional(),
});

export const SavingsPlanSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  type: z.enum(['Compute', 'EC2Instance', 'SageMaker', 'Database']),
  commitmentPerHour: z.number().nonnegative(),
  region: z.string().optional(),
  instanceFamily: z.string().optional(),
  start: isoDate,
  end: isoDate,
  state: z.string(),
});
