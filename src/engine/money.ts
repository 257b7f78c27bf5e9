import { HOURS_PER_MONTH } from '../catalog/index.js';
import { roundCents } from '../money.js';

/** A month is 730 hours; the result is rounded to cents, once, so every renderer shows the same figure. */
export function monthlyFromHourly(usdPerHour: number, units = 1): number {
  return roundCents(usdPerHour * HOURS_PER_MONTH * units);
}
