import type { EbsSnapshot, Snapshot } from '../../snapshot/schema.js';
import { memoPerObject } from '../memo.js';
import { roundCents } from '../../money.js';
import { hoursBetween, round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface EbsSnapshotSignals {
  ageDays: number;
  sizeGiB: number;
  tier: EbsSnapshot['storageTier'];
  /** A registered AMI references it: deleting it would break launches from that AMI. */
  backsAmi: boolean;
  /** The source volume still exists in the Snapshot (a recent backup of a live volume, not an orphan). */
  volumeExists: boolean;
  monthlyCost: number;
  priced: boolean;
}

export const EBS_SNAPSHOT_SIGNAL_KEYS = {
  ageDays: { type: 'number', doc: 'Days since the snapshot was started.' },
  sizeGiB: { type: 'number', doc: 'Size of the source volume, GiB (an upper bound on what the snapshot holds).' },
  tier: { type: 'string', doc: 'Storage tier: standard or archive.' },
  backsAmi: { type: 'bool', doc: 'A registered AMI references it: deleting it would break launches from that AMI.' },
  volumeExists: { type: 'bool', doc: 'The source volume still exists in the Snapshot.' },
  monthlyCost: { type: 'number', doc: 'Storage cost per month at full size, USD (0 when unpriced).' },
  priced: { type: 'bool', doc: 'monthlyCost comes from a known price.' },
} as const satisfies SignalKeys<EbsSnapshotSignals>;

/** Volume ids indexed once per Snapshot, not once per EBS snapshot. */
const liveVolumes = memoPerObject((snapshot: Snapshot): ReadonlySet<string> => new Set(snapshot.resources.ebsVolumes.map((v) => v.id)));

/**
 * Priced at the full size as an upper bound: snapshots are incremental and DescribeSnapshots does not
 * say how many blocks one holds alone, so the evidence says the saving is at most this.
 */
export function ebsSnapshotSignals(snap: EbsSnapshot, ctx: SignalContext): { signals: EbsSnapshotSignals; cost: ResourceCost } {
  const lookup = ctx.prices.ebsSnapshotGbMonth(snap.storageTier, snap.region);
  const cost: ResourceCost = lookup.known
    ? {
        monthly: roundCents(lookup.price.usd * snap.sizeGiB),
        prices: [{ item: `EBS snapshot ${snap.storageTier} GB-month`, price: lookup.price }],
        unknown: [],
      }
    : { monthly: null, prices: [], unknown: [lookup.reason] };
  return {
    signals: {
      ageDays: round(hoursBetween(snap.startTime, ctx.asOf) / 24),
      sizeGiB: snap.sizeGiB,
      tier: snap.storageTier,
      backsAmi: snap.amiIds.length > 0,
      volumeExists: snap.volumeId !== undefined && liveVolumes(ctx.snapshot).has(snap.volumeId),
      monthlyCost: cost.monthly ?? 0,
      priced: cost.monthly !== null,
    },
    cost,
  };
}
