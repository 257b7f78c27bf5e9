import type { AuditResult } from '../engine/result.js';
import { formatPct, formatUsd } from '../money.js';
import { Raster, type Rgb } from './png.js';

/**
 * The email's one picture: monthly spend in scope as a bar, with the part the report says can
 * be saved coloured by category. The legend is an HTML table beside it (text in a PNG would
 * need a font), using the same colours.
 */
const PALETTE: readonly Rgb[] = [
  [11, 110, 79],
  [63, 127, 191],
  [201, 138, 18],
  [194, 59, 48],
  [122, 86, 168],
  [47, 143, 107],
  [110, 120, 136],
];
const REST: Rgb = [221, 227, 234];
const WIDTH = 560;
const HEIGHT = 28;

export interface SpendBar {
  png: Buffer;
  legend: { key: string; savings: string; share: string; colour: string }[];
  alt: string;
}

export function spendBar(result: AuditResult): SpendBar {
  const total = Math.max(result.totals.monthlyCost, result.totals.monthlySavings);
  const raster = new Raster(WIDTH, HEIGHT, REST);
  const entries = Object.entries(result.breakdowns.byCategory).sort((a, b) => b[1].monthlySavings - a[1].monthlySavings);
  let x = 0;
  const legend = entries.map(([key, v], i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const w = total > 0 ? (v.monthlySavings / total) * WIDTH : 0;
    raster.fill(x, 0, w, HEIGHT, colour);
    x += w;
    return { key, savings: formatUsd(v.monthlySavings), share: total > 0 ? formatPct((v.monthlySavings / total) * 100) : '-', colour: hex(colour) };
  });
  const alt = `Of ${formatUsd(result.totals.monthlyCost)} a month in scope, ${formatUsd(result.totals.monthlySavings)} can be saved: ${legend.map((l) => `${l.key} ${l.savings}`).join(', ') || 'nothing found'}`;
  return { png: raster.toPng(), legend, alt };
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
