import type { z } from 'zod';

/** An answer that fails its schema: named InvalidResponse, so `guarded` reports it as one warning naming the API and the field. */
export function shapeError(api: string, error: z.ZodError): Error {
  const issue = error.issues[0];
  return Object.assign(new Error(`${api} answered in an unexpected shape (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`), {
    name: 'InvalidResponse',
  });
}
