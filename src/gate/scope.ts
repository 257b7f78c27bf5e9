import { UserError } from '../errors.js';
import type { AuditResult } from '../engine/result.js';

/**
 * A baseline of other accounts or regions would turn every difference into a fake regression
 * or a fake saving, so it is bad input (exit 2), not a comparison. (A result of another schema
 * version never gets here: readAuditResult rejects it, also with exit 2.)
 */
export function assertSameScope(current: AuditResult, currentFile: string, baseline: AuditResult, baselineFile: string): void {
  for (const key of ['accounts', 'regions'] as const) {
    const a = [...new Set(current.scope[key])].sort();
    const b = [...new Set(baseline.scope[key])].sort();
    if (a.join(',') !== b.join(',')) {
      throw new UserError(`${baselineFile}: baseline covers ${key} ${list(b)} but ${currentFile} covers ${list(a)}; compare audits of the same scope`);
    }
  }
}

function list(values: readonly string[]): string {
  return values.length ? values.join(', ') : '(none)';
}
