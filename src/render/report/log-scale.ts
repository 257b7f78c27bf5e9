/**
 * A log scale with a gutter for zero: a stopped instance has 0 GPUs and costs $0, which a log
 * axis cannot place, so zero is drawn in a band just before the axis starts.
 */
export interface LogScale {
  (value: number): number;
  ticks: number[];
  zeroAt: number;
}

export function logScale(values: number[], range: [number, number], gutter: number): LogScale {
  const positive = values.filter((v) => v > 0);
  const lo = positive.length ? Math.min(...positive) : 1;
  const hi = positive.length ? Math.max(...positive) : 10;
  // Widen to whole 1-2-5 steps so the extremes do not sit on the frame.
  const min = stepBelow(lo);
  const max = Math.max(stepAbove(hi), min * 10);
  const [r0, r1] = range;
  const start = r0 + (r1 > r0 ? gutter : -gutter);
  const span = Math.log10(max) - Math.log10(min);
  const scale = ((value: number) => {
    if (value <= 0) return r0;
    return round1(start + ((Math.log10(value) - Math.log10(min)) / span) * (r1 - start));
  }) as LogScale;
  scale.ticks = ticks(min, max);
  scale.zeroAt = r0;
  return scale;
}

const STEPS = [1, 2, 5];

function stepBelow(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return (
    [...STEPS]
      .reverse()
      .map((s) => s * p)
      .find((c) => c <= v) ?? p
  );
}

function stepAbove(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return [...STEPS, 10].map((s) => s * p).find((c) => c >= v) ?? 10 * p;
}

/** 1-2-5 ticks when the axis spans few decades, powers of ten when it spans many. */
function ticks(min: number, max: number): number[] {
  const decades = Math.log10(max / min);
  const steps = decades > 3 ? [1] : STEPS;
  const out: number[] = [];
  for (let p = 10 ** Math.floor(Math.log10(min)); p <= max; p *= 10) {
    for (const s of steps) {
      const t = Number((s * p).toPrecision(6));
      if (t >= min * 0.999 && t <= max * 1.001) out.push(t);
    }
  }
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
