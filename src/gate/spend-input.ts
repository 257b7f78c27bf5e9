import { z } from 'zod';
import { DIMENSIONS } from '../billing/model.js';
import { SPEND_REPORT_SCHEMA_VERSION } from '../billing/report.js';
import { UserError } from '../errors.js';
import { describeIssue, readJsonFile } from '../snapshot/io.js';

const usd = z.number().finite();
const period = z.strictObject({ start: z.string(), end: z.string(), days: z.number().int().nonnegative() });

/**
 * The parts of a spend report (`mlcost spend --output json`) the gate holds to a budget: the
 * window, its effective total, the groups and the week-over-week delta. Other fields may be there.
 */
const SpendForGateSchema = z.looseObject({
  schemaVersion: z.literal(SPEND_REPORT_SCHEMA_VERSION),
  window: period,
  by: z.array(z.enum(DIMENSIONS)),
  totals: z.looseObject({ effective: usd }),
  groups: z.array(z.looseObject({ key: z.partialRecord(z.enum(DIMENSIONS), z.string().nullable()), effective: usd })),
  deltas: z.looseObject({
    weekOverWeek: z.looseObject({ current: period.extend({ effective: usd }), previous: period.extend({ effective: usd }), change: usd, changePct: usd.nullable() }).nullable(),
  }),
});

export type SpendForGate = z.infer<typeof SpendForGateSchema>;

/** Reads a spend report for the gate; every failure is one line naming the file (exit 2). */
export async function readSpendReport(file: string): Promise<SpendForGate> {
  const raw = await readJsonFile(file, 'spend report');
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const version = obj['schemaVersion'];
  // An audit result has a schemaVersion 1 too: a spend report is told by its window and source.
  if (version !== SPEND_REPORT_SCHEMA_VERSION || !('window' in obj) || !('source' in obj)) {
    throw new UserError(
      `${file}: not a spend report of schemaVersion ${SPEND_REPORT_SCHEMA_VERSION} (found ${JSON.stringify(version)}); write one with \`mlcost spend --output json\``,
    );
  }
  const parsed = SpendForGateSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: invalid spend report: ${describeIssue(parsed.error)}`);
  return parsed.data;
}
