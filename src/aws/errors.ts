/**
 * Sorts AWS SDK failures into the few kinds a user acts on differently. The SDK puts the
 * service's error code in `name`; network failures carry a Node `code`.
 */
export type AwsFailureKind = 'no-credentials' | 'access-denied' | 'opt-in-required' | 'throttled' | 'unreachable' | 'not-implemented' | 'error';

export interface AwsFailure {
  kind: AwsFailureKind;
  code: string;
  message: string;
}

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthFailure',
  'AuthorizationError',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'AWSOrganizationsNotInUseException',
]);
const OPT_IN = new Set(['OptInRequired', 'SubscriptionRequiredException']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException', 'SlowDown', 'RequestThrottled']);
/** Codes AWS and emulators use for an operation the endpoint does not offer (all 4xx/501 today, listed so the kind is explicit). */
const NOT_IMPLEMENTED = new Set([
  'NotImplemented',
  'NotImplementedException',
  'InvalidAction',
  'UnknownOperationException',
  'UnsupportedOperation',
  'UnsupportedOperationException',
]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError']);

export function classifyAwsError(err: unknown): AwsFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.code === 'string' ? e.code : name;
  const message = oneLine(typeof e.message === 'string' && e.message !== '' ? e.message : String(err));
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) return { kind: 'no-credentials', code: name, message };
  if (ACCESS_DENIED.has(name)) return { kind: 'access-denied', code: name, message };
  if (OPT_IN.has(name)) return { kind: 'opt-in-required', code: name, message };
  if (THROTTLED.has(name)) return { kind: 'throttled', code: name, message };
  if (UNREACHABLE.has(code) || UNREACHABLE.has(name)) return { kind: 'unreachable', code, message };
  if (isNotImplemented(err)) {
    const html = htmlErrorStatus(err);
    return html !== undefined
      ? {
          kind: 'not-implemented',
          code: `HTTP ${html}`,
          message: 'the endpoint answered with an HTML error page instead of an AWS error: it does not implement this API',
        }
      : { kind: 'not-implemented', code: name, message };
  }
  return { kind: 'error', code: name, message };
}

/**
 * True when retrying cannot help because the endpoint lacks the operation: HTTP 501, a
 * not-implemented error code, or a 500 whose body is an HTML page (what moto_server sends for an
 * unimplemented call). AWS itself always answers 500 with a coded XML/JSON error
 * (InternalError…), and 502/503/504 from a proxy stay retryable: those are transient by nature.
 */
export function isNotImplemented(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  if (typeof e.name === 'string' && NOT_IMPLEMENTED.has(e.name)) return true;
  return e.$metadata?.httpStatusCode === 501 || htmlErrorStatus(err) !== undefined;
}

function htmlErrorStatus(err: unknown): number | undefined {
  const r = (err as { $response?: { statusCode?: unknown; headers?: Record<string, unknown> } }).$response;
  const status = typeof r?.statusCode === 'number' ? r.statusCode : undefined;
  const type = r?.headers?.['content-type'];
  return (status === 500 || status === 501) && typeof type === 'string' && type.toLowerCase().startsWith('text/html') ? status : undefined;
}

function oneLine(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .slice(0, 300);
}
