import { z } from 'zod';
import { CalendarDaySchema } from '../calendar-day.js';
import { DIMENSIONS } from './model.js';
import { daysBetween } from './period.js';
import { SPEND_REPORT_SCHEMA_VERSION } from './report.js';
import { UserError } from '../errors.js';
import { describeIssue, readJsonFile } from '../snapshot/io.js';

const usd = z.number();
/** A period as spend reports write it: `end` exclusive, `days` the days between. */
const period = z
  .strictObject({ start: CalendarDaySchema, end: CalendarDaySchema, days: z.number().int().nonnegative() })
  .refine((p) => daysBetween(p.start, p.end) === p.days, { error: 'days does not match start and end' });

const key = z.partialRecord(z.enum(DIMENSIONS), z.string().nullable());

/**
 * The parts of a saved spend report (`mlcost spend --output json`) that the gate holds to a
 * budget and the weekly report shows: the window, its effective total, the groups, the
 * week-over-week delta, the top movers and the GPU line. Other fields may be there.
 */
const SavedSpendReportSchema = z.looseObject({
  schemaVersion: z.literal(SPEND_REPORT_SCHEMA_VERSION),
  source: z.looseObject({ where: z.string() }),
  window: period,
  by: z.array(z.enum(DIMENSIONS)),
  totals: z.looseObject({ effective: usd }),
  groups: z.array(z.looseObject({ key, effective: usd })),
  deltas: z.looseObject({
    weekOverWeek: z
      .looseObject({ current: period.extend({ effective: usd }), previous: period.extend({ effective: usd }), change: usd, changePct: usd.nullable() })
      .nullable(),
  }),
  topMovers: z.array(z.looseObject({ key, previous: usd, current: usd, change: usd })).default([]),
  gpu: z.looseObject({ effective: usd, instanceHours: usd, idleShare: usd.nullable() }).nullable().default(null),
});

export type SavedSpendReport = z.infer<typeof SavedSpendReportSchema>;

/** Reads a saved spend report; every failure is one line naming the file (exit 2). */
export async function readSpendReport(file: string): Promise<SavedSpendReport> {
  const raw = await readJsonFile(file, 'spend report');
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const version = obj['schemaVersion'];
  // An audit result has a schemaVersion too: a spend report is told by its window and source.
  if (!('window' in obj) || !('source' in obj)) throw new UserError(`${file}: not a spend report; write one with \`mlcost spend --output json\``);
  if (version !== SPEND_REPORT_SCHEMA_VERSION) {
    throw new UserError(
      `${file}: unsupported spend report schemaVersion ${JSON.stringify(version)} (this mlcost reads version ${SPEND_REPORT_SCHEMA_VERSION}); write it again with \`mlcost spend --output json\``,
    );
  }
  const parsed = SavedSpendReportSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file}: invalid spend report: ${describeIssue(parsed.error)}`);
  return parsed.data;
}
