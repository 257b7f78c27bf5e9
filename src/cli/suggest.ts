import { editDistance } from '../text/edit-distance.js';

/**
 * The candidate closest to what was typed, or undefined when none is close enough to be a slip:
 * within a third of the word's length in edits (at least 2), or a candidate the word begins.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const room = Math.max(2, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 2 ? 1 : editDistance(word, candidate);
    if (distance <= room && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
