import { UserError } from '../errors.js';

/** A range of UTC days, start inclusive, end exclusive, both YYYY-MM-DD. */
export interface Period {
  start: string;
  end: string;
  days: number;
}

const DAY_MS = 86_400_000;

/** `--last 30d` or `--last 8w`, as a number of days. */
export function parseLast(text: string): number {
  const m = /^(\d{1,4})([dw])$/.exec(text.trim());
  const n = m ? Number(m[1]) : 0;
  if (!m || n < 1) throw new UserError(`--last ${text}: expected a number of days or weeks, e.g. 30d or 8w`);
  const days = m[2] === 'w' ? n * 7 : n;
  if (days > 1000) throw new UserError(`--last ${text}: at most 1000 days`);
  return days;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

export function period(start: string, end: string): Period {
  return { start, end, days: daysBetween(start, end) };
}

export function dayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function startOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * The reported window. It ends where the data ends (the day after its last charge), not today:
 * exports arrive a day or more late, and a fixed file should give the same report tomorrow.
 */
export function reportWindow(held: Period, lastDays?: number): Period {
  if (lastDays === undefined) return held;
  const start = addDays(held.end, -lastDays);
  return period(start < held.start ? held.start : start, held.end);
}

/** Trailing 7 days and the 7 before them, ending where the data ends. */
export function weekOverWeek(held: Period): { current: Period; previous: Period } | undefined {
  const previous = period(addDays(held.end, -14), addDays(held.end, -7));
  return previous.start < held.start ? undefined : { current: period(previous.end, held.end), previous };
}

/**
 * Month to date against the same days of the month before (October 1–31 vs September 1–30):
 * the comparison a monthly bill reader makes, clipped when the earlier month is shorter.
 */
export function monthOverMonth(held: Period): { current: Period; previous: Period } | undefined {
  const lastDay = addDays(held.end, -1);
  const curStart = `${lastDay.slice(0, 7)}-01`;
  const prevStart = `${addDays(curStart, -1).slice(0, 7)}-01`;
  const span = daysBetween(curStart, held.end);
  const prevEnd = addDays(prevStart, span) > curStart ? curStart : addDays(prevStart, span);
  if (prevStart < held.start) return undefined;
  return { current: period(curStart, held.end), previous: period(prevStart, prevEnd) };
}
