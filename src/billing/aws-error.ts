/**
 * One line for a failed AWS call: the service's error code (the SDK puts it in `name`) and its
 * message, or the network error code when the endpoint could not be reached.
 */
export function awsErrorLine(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : String(err);
  const line = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .slice(0, 300);
  return `${code}: ${line}`;
}

/** True when the credential chain found nothing: the fix is a profile or env credentials, not a retry. */
export function isNoCredentials(err: unknown): boolean {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return name === 'CredentialsProviderError';
}
