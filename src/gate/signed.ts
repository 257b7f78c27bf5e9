import { formatPct, formatUsd } from '../render/money.js';

/** A change with its sign, `+$1,200` / `-$80.00`, for deltas against the baseline. */
export function signedUsd(amount: number): string {
  return amount < 0 ? `-${formatUsd(-amount)}` : `+${formatUsd(amount)}`;
}

export function signedPct(pct: number): string {
  return `${pct < 0 ? '' : '+'}${formatPct(pct, 1)}`;
}
