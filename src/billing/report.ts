import type { Dimension, DailySpend, SourceKind } from './model.js';
import { monthOverMonth, period, reportWindow, weekOverWeek, type Period } from './period.js';
import type { GpuLine } from './gpu.js';
import { roundCents } from '../money.js';

/** `mlcost spend --output json`: public and versioned like the audit result. */
export const SPEND_REPORT_SCHEMA_VERSION = 1;

export interface SpendGroup {
  key: Partial<Record<Dimension, string | null>>;
  billed: number;
  effective: number;
  list: number | null;
  /** Share of the window's effective cost, 0–1. */
  share: number;
}

export interface Delta {
  current: Period & { effective: number };
  previous: Period & { effective: number };
  change: number;
  /** Null when the previous period cost nothing. */
  changePct: number | null;
}

export interface Mover {
  key: Partial<Record<Dimension, string | null>>;
  previous: number;
  current: number;
  change: number;
}

export interface SpendReport {
  schemaVersion: typeof SPEND_REPORT_SCHEMA_VERSION;
  source: { kind: SourceKind; engine: 'duckdb' | 'athena' | 'cost-explorer'; where: string };
  /** What the source holds, and the window this report covers (the same without --last). */
  held: Period;
  window: Period;
  by: Dimension[];
  totals: { billed: number; effective: number; list: number | null };
  groups: SpendGroup[];
  deltas: { weekOverWeek: Delta | null; monthOverMonth: Delta | null };
  /** Groups whose effective cost changed most week over week, largest change first. */
  topMovers: Mover[];
  gpu: GpuLine | null;
  warnings: string[];
}

const TOP_MOVERS = 5;

export interface BuildOptions {
  source: SpendReport['source'];
  by: Dimension[];
  lastDays?: number;
  /** Overrides the held period when the source knows it better than its rows (Cost Explorer's request). */
  held?: Period;
  gpu?: GpuLine | null;
  warnings?: string[];
}

/** Everything in a spend report except the GPU line comes from daily rows: one aggregation, any source. */
export function buildSpendReport(rows: readonly DailySpend[], o: BuildOptions): SpendReport {
  const held = o.held ?? heldPeriod(rows);
  const window = reportWindow(held, o.lastDays);
  const inWindow = rows.filter((r) => r.day >= window.start && r.day < window.end);
  const groups = aggregate(inWindow, o.by);
  const totals = sumOf(inWindow);
  const wow = weekOverWeek(held);
  const mom = monthOverMonth(held);
  return {
    schemaVersion: SPEND_REPORT_SCHEMA_VERSION,
    source: o.source,
    held,
    window,
    by: o.by,
    totals: { billed: roundCents(totals.billed), effective: roundCents(totals.effective), list: totals.list === null ? null : roundCents(totals.list) },
    groups: groups.map((g) => ({ ...g, share: totals.effective === 0 ? 0 : round(g.effective / totals.effective, 4) })),
    deltas: { weekOverWeek: wow ? delta(rows, wow) : null, monthOverMonth: mom ? delta(rows, mom) : null },
    topMovers: wow ? movers(rows, o.by, wow) : [],
    gpu: o.gpu ?? null,
    warnings: o.warnings ?? [],
  };
}

function heldPeriod(rows: readonly DailySpend[]): Period {
  if (rows.length === 0) return period('1970-01-01', '1970-01-01');
  let min = rows[0]?.day ?? '';
  let max = min;
  for (const r of rows) {
    if (r.day < min) min = r.day;
    if (r.day > max) max = r.day;
  }
  const end = new Date(Date.parse(`${max}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return period(min, end);
}

function keyOf(r: DailySpend): string {
  return JSON.stringify(r.keys);
}

function named(keys: (string | null)[], by: readonly Dimension[]): Partial<Record<Dimension, string | null>> {
  return Object.fromEntries(by.map((d, i) => [d, keys[i] ?? null]));
}

function aggregate(rows: readonly DailySpend[], by: readonly Dimension[]): Omit<SpendGroup, 'share'>[] {
  const acc = new Map<string, { keys: (string | null)[]; billed: number; effective: number; list: number | null }>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = acc.get(k) ?? { keys: r.keys, billed: 0, effective: 0, list: 0 };
    g.billed += r.billed;
    g.effective += r.effective;
    g.list = g.list === null || r.list === null ? null : g.list + r.list;
    acc.set(k, g);
  }
  return [...acc.values()]
    .map((g) => ({
      key: named(g.keys, by),
      billed: roundCents(g.billed),
      effective: roundCents(g.effective),
      list: g.list === null ? null : roundCents(g.list),
    }))
    .sort((a, b) => b.effective - a.effective || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
}

function sumOf(rows: readonly DailySpend[]): { billed: number; effective: number; list: number | null } {
  let billed = 0;
  let effective = 0;
  let list: number | null = 0;
  for (const r of rows) {
    billed += r.billed;
    effective += r.effective;
    list = list === null || r.list === null ? null : list + r.list;
  }
  return { billed, effective, list };
}

function effectiveIn(rows: readonly DailySpend[], p: Period): number {
  let sum = 0;
  for (const r of rows) if (r.day >= p.start && r.day < p.end) sum += r.effective;
  return sum;
}

function delta(rows: readonly DailySpend[], d: { current: Period; previous: Period }): Delta {
  const current = effectiveIn(rows, d.current);
  const previous = effectiveIn(rows, d.previous);
  return {
    current: { ...d.current, effective: roundCents(current) },
    previous: { ...d.previous, effective: roundCents(previous) },
    change: roundCents(current - previous),
    changePct: previous === 0 ? null : round(((current - previous) / Math.abs(previous)) * 100, 1),
  };
}

function movers(rows: readonly DailySpend[], by: readonly Dimension[], d: { current: Period; previous: Period }): Mover[] {
  const acc = new Map<string, { keys: (string | null)[]; previous: number; current: number }>();
  for (const r of rows) {
    const slot = r.day >= d.current.start && r.day < d.current.end ? 'current' : r.day >= d.previous.start && r.day < d.previous.end ? 'previous' : undefined;
    if (!slot) continue;
    const k = keyOf(r);
    const m = acc.get(k) ?? { keys: r.keys, previous: 0, current: 0 };
    m[slot] += r.effective;
    acc.set(k, m);
  }
  return [...acc.values()]
    .map((m) => ({ key: named(m.keys, by), previous: roundCents(m.previous), current: roundCents(m.current), change: roundCents(m.current - m.previous) }))
    .filter((m) => m.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)))
    .slice(0, TOP_MOVERS);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
