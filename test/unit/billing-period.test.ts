import { describe, expect, it } from 'vitest';
import { monthOverMonth, parseLast, period, reportWindow, weekOverWeek } from '../../src/billing/period.js';

describe('billing periods', () => {
  it('parses --last in days and weeks and refuses anything else', () => {
    expect(parseLast('30d')).toBe(30);
    expect(parseLast('8w')).toBe(56);
    for (const bad of ['30', '0d', 'd', '3m', '-1d']) expect(() => parseLast(bad)).toThrow(/expected a number of days or weeks/);
  });

  it('ends the window where the data ends and never before the data starts', () => {
    const held = period('2026-09-01', '2026-11-01');
    expect(reportWindow(held, 30)).toEqual({ start: '2026-10-02', end: '2026-11-01', days: 30 });
    expect(reportWindow(held, 365)).toEqual(held);
    expect(reportWindow(held)).toEqual(held);
  });

  it('compares the trailing week with the one before, when the data holds both', () => {
    expect(weekOverWeek(period('2026-09-01', '2026-11-01'))).toEqual({
      current: { start: '2026-10-25', end: '2026-11-01', days: 7 },
      previous: { start: '2026-10-18', end: '2026-10-25', days: 7 },
    });
    expect(weekOverWeek(period('2026-10-20', '2026-11-01'))).toBeUndefined();
  });

  it('compares month to date with the same days of the month before, clipped to its length', () => {
    expect(monthOverMonth(period('2026-09-01', '2026-11-01'))).toEqual({
      current: { start: '2026-10-01', end: '2026-11-01', days: 31 },
      previous: { start: '2026-09-01', end: '2026-10-01', days: 30 },
    });
    expect(monthOverMonth(period('2026-01-01', '2026-03-11'))?.previous).toEqual({ start: '2026-02-01', end: '2026-02-11', days: 10 });
    expect(monthOverMonth(period('2026-10-05', '2026-11-01'))).toBeUndefined();
  });
});
