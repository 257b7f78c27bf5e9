import { formatPct, formatUsd } from '../../money.js';
import { keyLabel, type Dimension } from '../model.js';
import type { Delta, SpendReport } from '../report.js';

/**
 * The spend report as titled tables of text cells, shared by the table and Markdown renderers.
 * Money becomes text only through formatUsd; unknown amounts print as `-`.
 */
export interface Section {
  title: string;
  head: string[];
  rows: string[][];
}

const DIM_LABEL: Record<Dimension, string> = {
  service: 'Service',
  team: 'Team',
  account: 'Account',
  region: 'Region',
  'instance-type': 'Instance type',
  resource: 'Resource',
};

export function keyCells(key: Partial<Record<Dimension, string | null>>, by: readonly Dimension[]): string[] {
  return by.map((d) => keyLabel(d, key[d]));
}

function usd(n: number | null): string {
  return formatUsd(n, { cents: true });
}

function signed(n: number): string {
  return n > 0 ? `+${usd(n)}` : usd(n);
}

function deltaRow(label: string, d: Delta | null, why: string): string[] {
  if (!d) return [label, '-', '-', '-', why];
  const pct = d.changePct === null ? '-' : `${d.changePct > 0 ? '+' : ''}${formatPct(d.changePct, 1)}`;
  return [
    label,
    `${usd(d.current.effective)} (${d.current.start}..${d.current.end})`,
    `${usd(d.previous.effective)} (${d.previous.start}..${d.previous.end})`,
    signed(d.change),
    pct,
  ];
}

export function headline(r: SpendReport): string {
  const last = r.window.days === r.held.days ? 'whole period held' : `last ${r.window.days} days`;
  return `Spend ${r.window.start} to ${r.window.end} (exclusive; ${last}) from ${r.source.where}: effective ${usd(r.totals.effective)}, billed ${usd(r.totals.billed)}, list ${usd(r.totals.list)}`;
}

export function sections(r: SpendReport): Section[] {
  const by = r.by;
  const out: Section[] = [
    {
      title: by.length ? `Spend by ${by.join(', ')}` : 'Spend',
      head: [...by.map((d) => DIM_LABEL[d]), 'Effective', 'Billed', 'List', 'Share'],
      rows: [
        ...r.groups.map((g) => [...keyCells(g.key, by), usd(g.effective), usd(g.billed), usd(g.list), formatPct(g.share * 100, 1)]),
        [...by.map((_, i) => (i === 0 ? 'Total' : '')), usd(r.totals.effective), usd(r.totals.billed), usd(r.totals.list), by.length ? '100.0%' : ''],
      ],
    },
    {
      title: 'Trend (effective cost)',
      head: ['Compared', 'Current', 'Previous', 'Change', 'Change %'],
      rows: [
        deltaRow('Week over week', r.deltas.weekOverWeek, 'needs 14 days of data'),
        deltaRow('Month over month', r.deltas.monthOverMonth, 'needs last month in the data'),
      ],
    },
  ];
  if (r.topMovers.length > 0) {
    out.push({
      title: 'Top movers, week over week',
      head: [...by.map((d) => DIM_LABEL[d]), 'Previous 7 days', 'Last 7 days', 'Change'],
      rows: r.topMovers.map((m) => [...keyCells(m.key, by), usd(m.previous), usd(m.current), signed(m.change)]),
    });
  }
  if (r.gpu && r.gpu.families.length > 0) {
    const g = r.gpu;
    const idle = (share: number | null, measured: number): string =>
      share === null ? '-' : `${formatPct(share * 100, 0)} of ${measured.toLocaleString('en-US')} h measured`;
    out.push({
      title: 'GPU and accelerator spend',
      head: ['Family', 'Instance-hours', 'Effective', 'Billed', 'Idle'],
      rows: [
        ...g.families.map((f) => [f.family, f.instanceHours.toLocaleString('en-US'), usd(f.effective), usd(f.billed), idle(f.idleShare, f.measuredHours)]),
        ['All GPU', g.instanceHours.toLocaleString('en-US'), usd(g.effective), usd(g.billed), idle(g.idleShare, g.measuredHours)],
      ],
    });
  }
  return out;
}
