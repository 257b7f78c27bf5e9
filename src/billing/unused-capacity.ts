import { numeric, str, type BillingEngine } from './engine.js';
import { bareResourceId } from './gpu.js';
import { unusedCapacityQueries } from './unused-capacity-sql.js';

/** What one capacity reservation's empty slots billed over the file's period. */
export interface UnusedCapacityCost {
  /** Invoice basis (FOCUS BilledCost; CUR unblended, 0 where a Savings Plan covered it). */
  billed: number;
  /** Amortised: commitment discounts applied (FOCUS EffectiveCost; CUR amortised cost). */
  effective: number;
  /** Empty instance-hours billed. */
  hours: number;
}

/** The cross-check's answer for a whole file: per reservation, or why the file cannot tell. */
export type BilledUnusedCapacity =
  | {
      known: true;
      /** The file's period, ISO timestamps, and its length in days. */
      start: string;
      end: string;
      days: number;
      /** Keyed by bare reservation id (`cr-…`); a reservation with only used lines is here at 0. */
      byReservation: ReadonlyMap<string, UnusedCapacityCost>;
    }
  | { known: false; reason: string };

const DAY_MS = 86_400_000;

export async function readUnusedCapacity(engine: BillingEngine): Promise<BilledUnusedCapacity> {
  const q = unusedCapacityQueries(engine.target);
  if (!q.known) return q;
  const [period] = await engine.run(q.period, 'the billing period');
  const start = str(period?.['period_start']);
  const end = str(period?.['period_end']);
  if (start === null || end === null) return { known: false, reason: `${engine.target.schema.where}: cannot tell the billing period: no dated line items` };
  // Both engines print a TIMESTAMP as `YYYY-MM-DD HH:MM:SS[.fff]`, in UTC (the queries cast to a zone-less TIMESTAMP).
  const startMs = Date.parse(`${start.replace(' ', 'T')}Z`);
  const endMs = Date.parse(`${end.replace(' ', 'T')}Z`);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs))
    return {
      known: false,
      reason: `${engine.target.schema.where}: cannot tell the billing period: unreadable dates ${JSON.stringify(start)} to ${JSON.stringify(end)}`,
    };
  const startIso = new Date(startMs).toISOString();
  const endIso = new Date(endMs).toISOString();
  const byReservation = new Map<string, UnusedCapacityCost>();
  for (const r of await engine.run(q.perReservation, 'unused capacity reservation cost')) {
    const id = str(r['reservation_id']);
    if (id === null) continue;
    const key = bareResourceId(id);
    const prev = byReservation.get(key) ?? { billed: 0, effective: 0, hours: 0 };
    byReservation.set(key, {
      billed: prev.billed + numeric(r['billed'], 'billed cost'),
      effective: prev.effective + numeric(r['effective'], 'effective cost'),
      hours: prev.hours + numeric(r['hours'], 'unused hours'),
    });
  }
  const days = Math.round(((endMs - startMs) / DAY_MS) * 100) / 100;
  return { known: true, start: startIso, end: endIso, days, byReservation };
}
