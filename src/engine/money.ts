import { HOURS_PER_MONTH } from '../catalog/index.js';

/** Money is rounded to cents once, here in the engine, so every renderer shows the same figure. */
export function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

export function monthlyFromHourly(usdPerHour: number, units = 1): number {
  return roundCents(usdPerHour * HOURS_PER_MONTH * units);
}
