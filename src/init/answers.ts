import { z } from 'zod';
import { isRegionName } from '../aws/regions.js';

/** What `mlcost init` asks for; every answer, typed or from a flag, passes this schema. */
export const InitAnswersSchema = z.object({
  /** The account the credentials must belong to; empty: whichever account they are for. */
  account: z
    .string()
    .regex(/^(\d{12})?$/, 'expected a 12-digit AWS account id')
    .optional(),
  regions: z
    .array(z.string().refine(isRegionName, { error: (issue) => `"${String(issue.input)}" is not a region name (e.g. us-east-1)` }))
    .min(1, 'name at least one region'),
  // A tag key as AWS allows it: printable, no control characters, at most 128 characters.
  teamTag: z
    .string()
    .min(1, 'name the tag key that says which team owns a resource')
    .max(128)
    .regex(/^[\p{L}\p{N}\s_.:/=+\-@]+$/u, 'a tag key has only letters, digits, spaces and _ . : / = + - @'),
  workflow: z.boolean(),
});
export type InitAnswers = z.infer<typeof InitAnswersSchema>;

/** "us-east-1, us-west-2" or "us-east-1 us-west-2" as a list. */
export function splitRegions(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
}

/** y/yes/n/no (any case); empty takes the default; anything else is undefined (ask again). */
export function yesNo(text: string, fallback: boolean): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return fallback;
  if (t === 'y' || t === 'yes') return true;
  if (t === 'n' || t === 'no') return false;
  return undefined;
}
