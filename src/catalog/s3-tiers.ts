import type { Price } from './prices.js';

/** One rung of a storage price ladder: the rate of every GB-month from `fromGb` up to the next rung's start. */
export interface Rung {
  fromGb: number;
  price: Price;
}

/**
 * A storage class's price ladder in a region (S3 Standard: first 50 TB, next 450 TB, over 500 TB a
 * month). `unknownFromGb` marks where the known ladder stops: GB above it cannot be priced.
 */
export type LadderLookup = { known: true; rungs: readonly Rung[]; unknownFromGb?: { fromGb: number; reason: string } } | { known: false; reason: string };

/** What some GB-months cost on a ladder, with the GB that fell on each rung used. */
export type LadderCost = { known: true; usd: number; rungs: { label: string; price: Price; gb: number }[] } | { known: false; reason: string };

const GB_PER_TB = 1024;

/** Each rung bills only the GB between its start and the next rung's (AWS's tiered storage pricing). */
export function ladderCost(ladder: LadderLookup, gb: number): LadderCost {
  if (!ladder.known) return ladder;
  if (ladder.unknownFromGb && gb > ladder.unknownFromGb.fromGb) return { known: false, reason: ladder.unknownFromGb.reason };
  const { rungs } = ladder;
  let usd = 0;
  const used: { label: string; price: Price; gb: number }[] = [];
  rungs.forEach((rung, i) => {
    const end = rungs[i + 1]?.fromGb ?? Number.POSITIVE_INFINITY;
    const inRung = Math.max(0, Math.min(gb, end) - rung.fromGb);
    if (inRung === 0 && i > 0) return;
    usd += inRung * rung.price.usd;
    used.push({ label: rungLabel(rung.fromGb, rungs[i + 1]?.fromGb, ladder.unknownFromGb !== undefined || rungs.length > 1), price: rung.price, gb: inRung });
  });
  return { known: true, usd, rungs: used };
}

/**
 * What removing `removedGb` from `totalGb` saves: the removed GB come off the top of the ladder,
 * so they save the rates of the highest rungs the bucket reached, not the first rung's.
 */
export function ladderSaving(ladder: LadderLookup, totalGb: number, removedGb: number): LadderCost {
  const before = ladderCost(ladder, totalGb);
  const after = ladderCost(ladder, Math.max(0, totalGb - removedGb));
  if (!before.known) return before;
  if (!after.known) return after;
  return { known: true, usd: before.usd - after.usd, rungs: before.rungs };
}

/** "first 50 TB", "next 450 TB", "over 500 TB"; empty for a flat rate. */
function rungLabel(fromGb: number, nextFromGb: number | undefined, tiered: boolean): string {
  if (!tiered) return '';
  const tb = (gb: number) => Math.round((gb / GB_PER_TB) * 100) / 100;
  if (nextFromGb === undefined) return `over ${tb(fromGb)} TB`;
  return fromGb === 0 ? `first ${tb(nextFromGb)} TB` : `next ${tb(nextFromGb - fromGb)} TB`;
}
