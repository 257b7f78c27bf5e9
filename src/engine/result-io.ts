import { UserError } from '../errors.js';
import { describeIssue, readJsonFile } from '../snapshot/io.js';
import { AuditResultSchema, RESULT_SCHEMA_VERSION, type AuditResult } from './result.js';

/** Reads a saved `mlcost audit --output json` result (for report, gate and the weekly diff). */
export async function readAuditResult(file: string): Promise<AuditResult> {
  const raw = await readJsonFile(file, 'audit result');
  const version = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['schemaVersion'] : undefined;
  if (version !== RESULT_SCHEMA_VERSION) {
    throw new UserError(
      `${file}: unsupported audit result schemaVersion ${JSON.stringify(version)} (this mlcost reads version ${RESULT_SCHEMA_VERSION}); produce it with \`mlcost audit --output json\``,
    );
  }
  const parsed = AuditResultSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: invalid audit result: ${describeIssue(parsed.error)}`);
  return parsed.data;
}
