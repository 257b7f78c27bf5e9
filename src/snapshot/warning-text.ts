import type { SnapshotWarning } from './schema.js';

/** "account/region", "account" or "region": where a warning applies, when it says. */
export function warningScope(w: Pick<SnapshotWarning, 'accountId' | 'region'>): string {
  return [w.accountId, w.region].filter(Boolean).join('/');
}

/**
 * The warning's message without the "account/region: " the collectors already start it with, for
 * views that show the scope in a column of its own (or add it back once, with warningLine).
 */
export function warningBody(w: SnapshotWarning): string {
  const scope = warningScope(w);
  for (const prefix of [scope, w.accountId].filter((p): p is string => p !== undefined && p !== '')) {
    if (w.message.startsWith(`${prefix}: `)) return w.message.slice(prefix.length + 2);
  }
  return w.message;
}

/** The warning as one line that names its scope exactly once. */
export function warningLine(w: SnapshotWarning): string {
  const scope = warningScope(w);
  const body = warningBody(w);
  return scope ? `${scope}: ${body}` : body;
}
