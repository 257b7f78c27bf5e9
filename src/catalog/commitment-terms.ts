/**
 * The Standard Reserved Instance terms mlcost prices, one row each: the id used in prices and the
 * audit result, the length in months and the payment option. Partial-upfront rates are effective
 * hourly figures (the upfront fee spread over the term's hours plus the hourly fee).
 */
export const RESERVED_TERMS = [
  { id: 'reserved-1yr-no-upfront', months: 12, payment: 'no-upfront' },
  { id: 'reserved-1yr-partial-upfront', months: 12, payment: 'partial-upfront' },
  { id: 'reserved-3yr-no-upfront', months: 36, payment: 'no-upfront' },
  { id: 'reserved-3yr-partial-upfront', months: 36, payment: 'partial-upfront' },
] as const;

export type ReservedTermRow = (typeof RESERVED_TERMS)[number];
export type ReservedTerm = ReservedTermRow['id'];
