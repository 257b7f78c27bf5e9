import { UserError } from '../errors.js';
import { describeIssue, readJsonFile } from '../snapshot/io.js';
import { AuditResultSchema, RESULT_SCHEMA_VERSION, type AuditResult } from './result.js';
import { sumSavings } from './summarize.js';

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
  const mismatch = totalsMismatch(parsed.data);
  if (mismatch !== undefined) {
    throw new UserError(`${file}: invalid audit result: ${mismatch}; the file was edited or cut short: produce it again with \`mlcost audit --output json\``);
  }
  return parsed.data;
}

/**
 * report and gate print and compare the saved totals: they must be what the findings add up to
 * (a cent of rounding allowed), each finding listed once. Resource cost counts resources without
 * findings too, so it cannot be checked from the file.
 */
export function totalsMismatch(result: AuditResult): string | undefined {
  const { findingCount, monthlySavings } = result.totals;
  if (findingCount !== result.findings.length)
    return `totals.findingCount is ${String(findingCount)} but the file lists ${String(result.findings.length)} findings`;
  const sum = sumSavings(result.findings);
  if (Math.abs(sum - monthlySavings) > 0.011) return `totals.monthlySavings is ${String(monthlySavings)} but the findings add up to ${sum.toFixed(2)}`;
  const ids = new Set<string>();
  for (const f of result.findings) {
    if (ids.has(f.id)) return `finding ${JSON.stringify(f.id)} is listed twice`;
    ids.add(f.id);
  }
  return undefined;
}
