/**
 * Sorts AWS SDK failures into the few kinds a user acts on differently. The SDK puts the
 * service's error code in `name`; network failures carry a Node `code`.
 */
export type AwsFailureKind = 'no-credentials' | 'access-denied' | 'opt-in-required' | 'throttled' | 'unreachable' | 'error';

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
  return { kind: 'error', code: name, message };
}

function oneLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).filter(Boolean).join(' ').slice(0, 300);
}
