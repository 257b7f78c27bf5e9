/**
 * Money as numbers and as text, for every layer (engine, render, billing, gate): rounded to cents
 * once, here, and turned into text in one place. Unknown amounts are `-`, never `$0`.
 */
export function roundCents(amount: number): number {
  const r = Math.round(amount * 100) / 100;
  // -0 would print as "-$0.00" in a delta column.
  return Object.is(r, -0) ? 0 : r;
}

const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
// Formatters are built once: toLocaleString with options builds one per call, which dominated rendering.
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 });

export function formatUsd(amount: number | null | undefined, opts: { cents?: boolean } = {}): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '-';
  const cents = opts.cents ?? Math.abs(amount) < 100;
  return (cents ? usdCents : usdWhole).format(amount);
}

const usdRate = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });

/**
 * An hourly rate: under $1 to the 1/100 cent the price lists use (`$0.6036`), from $1 up to the cent
 * (`$19.94`, not `$19.9378`: sums of rates read as money); unknown is `-`.
 */
export function formatUsdRate(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '-';
  return (Math.abs(amount) < 1 ? usdRate : usdCents).format(amount);
}

export function formatPct(pct: number | null | undefined, digits = 0): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '-';
  return `${pct.toFixed(digits)}%`;
}

/** A change with its sign, `+$1,200` / `-$80.00`, for deltas against a baseline or an earlier week. */
export function signedUsd(amount: number): string {
  return amount < 0 ? `-${formatUsd(-amount)}` : `+${formatUsd(amount)}`;
}

export function signedPct(pct: number): string {
  return `${pct < 0 ? '' : '+'}${formatPct(pct, 1)}`;
}
