import { z } from 'zod';

/**
 * A UTC calendar day as `YYYY-MM-DD`, for dates people write (a budget's expiry) and files carry
 * (a spend report's window). Date.parse alone would take 2026-02-30 as March 2nd.
 */
export const CalendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: 'not a calendar date' });
