import { HOURS_PER_MONTH } from '../catalog/index.js';

/** Money is rounded to cents once, here in the engine, so every renderer shows the same figure. */
export function roundCents(amount: number): number {
  const r = Math.round(amount * 100) / 100;
  // -0 would print as "-$0.00" in a delta column.
  return Object.is(r, -0) ? 0 : r;
}

export function monthlyFromHourly(usdPerHour: number, units = 1): number {
  return roundCents(usdPerHour * HOURS_PER_MONTH * units);
}
