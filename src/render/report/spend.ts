import { addDays } from '../../billing/period.js';
import { keyCells } from '../../billing/render/lines.js';
import type { SavedSpendReport } from '../../billing/report-read.js';
import { formatPct, formatUsd, signedPct, signedUsd } from '../../money.js';

/** Billed spend beside the audit (report --spend): the trend the weekly report shows, as display strings. */
export interface SpendView {
  source: string;
  /** First and last day of the report's window. */
  window: string;
  effective: string;
  /** The latest 7 days of billing data against the 7 before (the source's, even beyond the window). */
  week?: { current: string; previous: string; change: string; changePct: string };
  movers: { key: string; previous: string; current: string; change: string }[];
  gpu?: { effective: string; instanceHours: string; idle: string };
}

export function spendView(report: SavedSpendReport): SpendView {
  const w = report.window;
  const wow = report.deltas.weekOverWeek;
  const gpu = report.gpu;
  return {
    source: report.source.where,
    // The window's end is exclusive; people read the last day.
    window: `${w.start} to ${addDays(w.end, -1)}, ${w.days} day${w.days === 1 ? '' : 's'}`,
    effective: formatUsd(report.totals.effective),
    ...(wow
      ? {
          week: {
            current: formatUsd(wow.current.effective),
            previous: formatUsd(wow.previous.effective),
            change: signedUsd(wow.change),
            changePct: wow.changePct === null ? '-' : signedPct(wow.changePct),
          },
        }
      : {}),
    movers: report.topMovers.map((m) => ({
      key: keyCells(m.key, report.by).join(' / ') || 'total',
      previous: formatUsd(m.previous),
      current: formatUsd(m.current),
      change: signedUsd(m.change),
    })),
    ...(gpu && gpu.instanceHours > 0
      ? {
          gpu: {
            effective: formatUsd(gpu.effective),
            instanceHours: Math.round(gpu.instanceHours).toLocaleString('en-US'),
            idle: gpu.idleShare === null ? 'not measured' : `${formatPct(gpu.idleShare * 100)} idle`,
          },
        }
      : {}),
  };
}
