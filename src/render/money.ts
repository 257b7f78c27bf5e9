/** The one place money becomes text. Unknown amounts are `-`, never `$0`. */
export function formatUsd(amount: number | null | undefined, opts: { cents?: boolean } = {}): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '-';
  const cents = opts.cents ?? Math.abs(amount) < 100;
  return amount.toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  });
}

export function formatPct(pct: number | null | undefined, digits = 0): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '-';
  return `${pct.toFixed(digits)}%`;
}
