import type { Capacity, Finding, PerformanceRisk } from '../../engine/result.js';
import { formatUsd } from '../../money.js';
import { logScale } from './log-scale.js';

/**
 * Geometry of the cost-vs-performance chart: each recommended move is an arrow from today's
 * (capacity, monthly cost) to the proposed one, so a reader sees what is given up for what is
 * saved. Moves are grouped by the capacity that matters for them: GPU memory, vCPU or storage.
 * The template only draws what this computes; strings here are escaped by Handlebars.
 */
export type ChartDimension = 'gpu' | 'cpu' | 'storage';

export interface ChartMark {
  id: string;
  rank: number;
  risk: PerformanceRisk;
  title: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Rank labels only on the largest moves, so the chart stays legible. */
  labelled: boolean;
}

export interface ChartTick {
  at: number;
  label: string;
}

export interface ChartPanel {
  dimension: ChartDimension;
  title: string;
  xLabel: string;
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  zero: { x: number; y: number };
  marks: ChartMark[];
}

export interface Chart {
  panels: ChartPanel[];
  charted: number;
  /** Moves left out: no capacity or no known price (and beyond the mark cap). */
  notCharted: number;
  capped: boolean;
}

/** More arrows than this is ink, not information; the findings table lists the rest. */
export const MAX_MARKS = 250;
const LABELLED = 10;
const SIZE = { width: 960, height: 330, left: 76, right: 20, top: 16, bottom: 48, gutter: 22 };

const DIMENSIONS: Record<ChartDimension, { title: string; xLabel: string; x: (c: Capacity) => number | undefined }> = {
  gpu: { title: 'GPU instances', xLabel: 'GPU memory (GiB, log scale)', x: (c) => c.gpuMemoryGiB },
  cpu: { title: 'CPU instances', xLabel: 'vCPU (log scale)', x: (c) => c.vcpu },
  storage: { title: 'Storage', xLabel: 'Stored GiB (log scale)', x: (c) => c.storageGiB },
};

interface Move {
  finding: Finding;
  rank: number;
  dimension: ChartDimension;
  xBefore: number;
  xAfter: number;
  costBefore: number;
  costAfter: number;
}

export function buildChart(findings: Finding[]): Chart {
  const movable = findings.map((f, i) => toMove(f, i + 1)).filter((m): m is Move => m !== undefined);
  const shown = movable.slice(0, MAX_MARKS);
  const panels = (Object.keys(DIMENSIONS) as ChartDimension[])
    .map((d) => shown.filter((m) => m.dimension === d))
    .filter((moves) => moves.length > 0)
    .map((moves) => panel(moves));
  return { panels, charted: shown.length, notCharted: findings.length - shown.length, capped: movable.length > MAX_MARKS };
}

function toMove(f: Finding, rank: number): Move | undefined {
  const { before, after } = f.tradeoff;
  if (before === undefined || f.monthlyCost === null || f.monthlySavings === null) return undefined;
  const dimension: ChartDimension | undefined =
    (before.gpus ?? 0) > 0 && before.gpuMemoryGiB ? 'gpu' : before.vcpu ? 'cpu' : before.storageGiB ? 'storage' : undefined;
  if (dimension === undefined) return undefined;
  const x = DIMENSIONS[dimension].x;
  const xBefore = x(before) ?? 0;
  // A move without an "after" capacity keeps its capacity (e.g. a purchase-option change).
  const xAfter = after === undefined ? xBefore : (x(after) ?? 0);
  // The proposed cost is what the engine's saving implies; it is drawn, not re-priced.
  const costAfter = Math.max(0, f.monthlyCost - f.monthlySavings);
  return { finding: f, rank, dimension, xBefore, xAfter, costBefore: f.monthlyCost, costAfter };
}

function panel(moves: Move[]): ChartPanel {
  const { width, height, left, right, top, bottom, gutter } = SIZE;
  const plot = { left, top, right: width - right, bottom: height - bottom };
  const dimension = moves[0]!.dimension;
  const xs = logScale(
    moves.flatMap((m) => [m.xBefore, m.xAfter]),
    [plot.left, plot.right],
    gutter,
  );
  const ys = logScale(
    moves.flatMap((m) => [m.costBefore, m.costAfter]),
    [plot.bottom, plot.top],
    gutter,
  );
  const marks = moves.map((m, i): ChartMark => {
    const f = m.finding;
    const from = f.tradeoff.before?.label ?? f.action.from ?? '';
    const to = f.tradeoff.after?.label ?? f.action.to ?? f.action.kind;
    return {
      id: f.id,
      rank: m.rank,
      risk: f.tradeoff.performanceRisk,
      title: `#${m.rank} ${f.resource.name ?? f.resource.id}: ${from} -> ${to}, ${formatUsd(m.costBefore)} -> ${formatUsd(m.costAfter)} a month (risk ${f.tradeoff.performanceRisk})`,
      x1: xs(m.xBefore),
      y1: ys(m.costBefore),
      x2: xs(m.xAfter),
      y2: ys(m.costAfter),
      labelled: i < LABELLED,
    };
  });
  return {
    dimension,
    title: DIMENSIONS[dimension].title,
    xLabel: DIMENSIONS[dimension].xLabel,
    width,
    height,
    plot,
    xTicks: [{ at: xs.zeroAt, label: '0' }, ...xs.ticks.map((t) => ({ at: xs(t), label: compact(t) }))],
    yTicks: [{ at: ys.zeroAt, label: formatUsd(0, { cents: false }) }, ...ys.ticks.map((t) => ({ at: ys(t), label: formatUsd(t, { cents: false }) }))],
    zero: { x: xs.zeroAt, y: ys.zeroAt },
    marks,
  };
}

function compact(n: number): string {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}
