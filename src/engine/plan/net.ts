import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import type { ActionKind, Finding } from '../result.js';
import type { UsageLine } from './usage.js';

/** What a finding leaves of a steady box: nothing to commit to, the same box, or the box at its new size. */
export type Netted = { kept: false; effect: string } | { kept: true; instanceType: string; count: number; unit: PriceLookup; effect?: string };

type Effect = (line: UsageLine, finding: Finding, prices: PriceBook) => Netted;

const unchanged: Effect = (line) => ({ kept: true, instanceType: line.instanceType, count: line.count, unit: line.unit });

const gone =
  (why: string): Effect =>
  () => ({ kept: false, effect: why });

/**
 * One row per action kind a finding can carry. Stopped, deleted, scheduled and spot-bound boxes are not
 * committed to (a commitment is owed every hour, and spot is not covered); a resized box is committed
 * at its new size; a commitment finding leaves the usage as it is. Actions on storage and reservations never meet a box.
 */
const EFFECTS: Record<ActionKind, Effect> = {
  stop: gone('to be stopped'),
  terminate: gone('to be terminated'),
  delete: gone('to be deleted'),
  'snapshot-and-delete': gone('to be deleted'),
  schedule: gone('to run on a schedule, not every hour'),
  'use-spot': gone('to move to Spot, which commitments do not cover'),
  downsize: resized,
  'change-instance-type': resized,
  'buy-commitment': unchanged,
  'change-volume-type': unchanged,
  'change-storage-class': unchanged,
  'add-lifecycle-rule': unchanged,
  // Capacity findings sit on the reservation, never on a box: the boxes' own usage is unchanged.
  'release-capacity': unchanged,
  'use-capacity-block': unchanged,
};

export function netOf(line: UsageLine, finding: Finding | undefined, prices: PriceBook): Netted {
  if (!finding) return { kept: true, instanceType: line.instanceType, count: line.count, unit: line.unit };
  return EFFECTS[finding.action.kind](line, finding, prices);
}

/** `to` is an instance type (EC2) or "N x type" (an endpoint resized to fewer or smaller instances). */
function resized(line: UsageLine, finding: Finding, prices: PriceBook): Netted {
  const to = finding.action.to ?? '';
  const m = /^(\d+) x (\S+)$/.exec(to);
  const instanceType = m?.[2] ?? (to || line.instanceType);
  const count = m ? Number(m[1]) : line.count;
  if (count === 0) return { kept: false, effect: `resized to ${to}` };
  const unit =
    line.pool === 'ec2'
      ? prices.ec2OnDemand(instanceType, line.region)
      : line.type === 'sagemaker-notebook'
        ? prices.sagemakerNotebookHourly(instanceType, line.region)
        : prices.sagemakerHourly(instanceType, line.region);
  return { kept: true, instanceType, count, unit, effect: `committed at its new size, ${count} x ${instanceType}` };
}
