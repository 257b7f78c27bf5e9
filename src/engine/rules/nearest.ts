import { editDistance } from '../../text/edit-distance.js';

/** The candidate closest to a misspelt name, when one is close enough to be what was meant. */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // Two edits, or a third of the name: `gpuCuont` -> gpuCount, but not `foo` -> vcpu.
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
