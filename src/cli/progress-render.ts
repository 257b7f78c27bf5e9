import pc from 'picocolors';
import { cleanText } from '../text/sanitize.js';
import type { LineState, ProgressModel, StepState } from '../collect/progress.js';

export interface FrameOptions {
  color: boolean;
  /** Terminal columns: a line that wraps would break the cursor arithmetic of the redraw. */
  width: number;
  /** Lines the frame may use, summary included. */
  maxLines: number;
  /** Animation step for the spinner. */
  tick: number;
  /** Milliseconds since the epoch, for the elapsed time. */
  now: number;
  /** The closing frame: no spinner, lines with warnings first, a summary of what was read. */
  final: boolean;
}

type Paint = (s: string) => string;
interface Segment {
  text: string;
  paint?: Paint;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * One frame of the live display as lines of text (ANSI colours only when `color`): a header with
 * the plan and elapsed time, one line per account×region with each step's state and count, and
 * when the terminal is too short for every line, the busiest lines and a count of the rest.
 */
export function renderFrame(model: ProgressModel, o: FrameOptions): string[] {
  const c = pc.createColors(o.color);
  const lines = [...model.lines.values()];
  const header = headerLine(model, o, c);
  const body = pick(lines, Math.max(2, o.maxLines - 1), o.final);
  const out = [header, ...body.shown.map((l) => lineSegments(l, o, c))];
  if (body.hidden.length) out.push([{ text: `… ${hiddenSummary(body.hidden)}`, paint: c.dim }]);
  return out.map((segs) => fit(segs, o.width));
}

function headerLine(model: ProgressModel, o: FrameOptions, c: ReturnType<typeof pc.createColors>): Segment[] {
  const secs = `${((o.now - model.startedAt) / 1000).toFixed(1)} s`;
  if (!model.plan) return [{ text: o.final ? '' : `${SPINNER[o.tick % SPINNER.length]} `, paint: c.cyan }, { text: `resolving accounts and regions… ${secs}` }];
  const { accounts, regions, lookbackDays } = model.plan;
  const scope = `${accounts} account${accounts === 1 ? '' : 's'} × ${regions} region${regions === 1 ? '' : 's'}, ${lookbackDays}-day lookback`;
  if (!o.final)
    return [
      { text: `${SPINNER[o.tick % SPINNER.length]} `, paint: c.cyan },
      { text: `collecting ${scope}`, paint: c.bold },
      { text: `  ${secs}`, paint: c.dim },
    ];
  const totals = [...model.totals()].filter(([, n]) => n > 0).map(([k, n]) => `${n.toLocaleString('en-US')} ${k}`);
  const warnings = [...model.lines.values()].reduce((n, l) => n + l.warnings, 0);
  return [
    { text: `collected ${scope} in ${secs}`, paint: c.bold },
    { text: totals.length ? `: ${totals.join(', ')}` : '' },
    { text: warnings ? `; ${warnings} warning${warnings === 1 ? '' : 's'} (below)` : '', paint: c.yellow },
  ];
}

function lineSegments(l: LineState, o: FrameOptions, c: ReturnType<typeof pc.createColors>): Segment[] {
  const who = l.place === 'prices' ? 'Pricing API' : cleanText(`${l.account} ${l.place}`, 28);
  const segs: Segment[] = [{ text: `${who.padEnd(28)} ` }];
  if (l.status === 'waiting') return [...segs, { text: 'waiting', paint: c.dim }];
  for (const [name, s] of l.steps) segs.push(...stepSegments(name, s, l, o, c));
  if (l.warnings) segs.push({ text: ` ⚠ ${l.warnings}`, paint: c.yellow });
  return segs;
}

function stepSegments(name: string, s: StepState, l: LineState, o: FrameOptions, c: ReturnType<typeof pc.createColors>): Segment[] {
  const detail =
    s.status === 'failed'
      ? ` ${cleanText(s.failure ?? 'failed', 120)}`
      : s.count !== undefined
        ? ` ${s.count.toLocaleString('en-US')}`
        : s.calls > 1 && l.status !== 'done'
          ? ` (${s.calls} calls)`
          : '';
  const icon: Segment =
    s.status === 'failed'
      ? { text: '✗', paint: c.red }
      : s.status === 'done' || l.status === 'done'
        ? { text: '✓', paint: c.green }
        : s.status === 'running' && !o.final
          ? { text: SPINNER[o.tick % SPINNER.length]!, paint: c.cyan }
          : { text: '·', paint: c.dim };
  return [{ text: ' ' }, icon, { text: ` ${name}` }, { text: detail, paint: s.status === 'failed' ? c.red : c.dim }];
}

/** Running lines first (live) or lines with trouble first (final), then the most recently active. */
function pick(lines: LineState[], room: number, final: boolean): { shown: LineState[]; hidden: LineState[] } {
  if (lines.length <= room) return { shown: lines, hidden: [] };
  const trouble = (l: LineState) => l.warnings > 0 || [...l.steps.values()].some((s) => s.status === 'failed');
  const rank = (l: LineState) => (final ? (trouble(l) ? 0 : 1) : l.status === 'running' ? 0 : trouble(l) ? 1 : l.status === 'done' ? 2 : 3);
  const sorted = Array.from(lines).sort((a, b) => rank(a) - rank(b) || b.touched - a.touched);
  const shown = new Set(sorted.slice(0, room - 1));
  // Keep the plan's order on screen so lines do not jump around between frames.
  return { shown: lines.filter((l) => shown.has(l)), hidden: lines.filter((l) => !shown.has(l)) };
}

function hiddenSummary(hidden: LineState[]): string {
  const n = (s: LineState['status']) => hidden.filter((l) => l.status === s).length;
  const parts = [
    ['running', n('running')],
    ['done', n('done')],
    ['waiting', n('waiting')],
  ]
    .filter(([, k]) => k)
    .map(([s, k]) => `${k} ${s}`);
  return `${hidden.length} more (${parts.join(', ')})`;
}

/**
 * At most `width - 1` visible characters (the last column would wrap on some terminals), cut
 * with "…", measured before colouring so escape codes never count.
 */
function fit(segs: Segment[], width: number): string {
  const room = Math.max(1, width - 1);
  const total = segs.reduce((n, s) => n + Array.from(s.text).length, 0);
  let left = total > room ? room - 1 : room;
  let out = '';
  for (const s of segs) {
    const text = Array.from(s.text).slice(0, Math.max(0, left)).join('');
    left -= Array.from(text).length;
    out += s.paint && text ? s.paint(text) : text;
  }
  return total > room ? `${out}…` : out;
}
