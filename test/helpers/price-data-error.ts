import { expect } from 'vitest';
import { parsePriceData, type PriceDataInput } from '../../src/catalog/price-data.js';
import { UserError } from '../../src/errors.js';

/** The message parsePriceData stops with for damaged files: a UserError, exit 2, on one line. */
export function priceDataError(override: PriceDataInput): string {
  let thrown: unknown;
  try {
    parsePriceData(override);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(UserError);
  const err = thrown as UserError;
  expect(err.exitCode).toBe(2);
  expect(err.message).not.toContain('\n');
  return err.message;
}
