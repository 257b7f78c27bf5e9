import type { PriceBook, PriceLookup } from '../../catalog/index.js';
import type { ResourceType } from '../../snapshot/resources.js';
import type { ActionKind, Finding } from '../result.js';
import { usageSourceOf, type UsageLine } from './usage.js';

/** What a finding leaves of a box's usage: nothing to commit to, the same usage, or the usage at its new size or share. */
export type Netted = { kept: false; effect: string } | { kept: true; instanceType: string; count: number; unit: PriceLookup; effect?: string };

type Effect = (line: UsageLine, finding: Finding, prices: PriceBook) => Netted;

const unchanged: Effect = (line) => ({ kept: true, instanceType: line.instanceType, count: line.count, unit: line.unit });

const gone =
  (why: string): Effect =>
  () => ({ kept: false, effect: why });

/** An action kind whose effect on usage depends on the resource type it acts on; `other` for the rest. */
const byType =
  (effects: Partial<Record<ResourceType, Effect>>, other: Effect): Effect =>
  (line, finding, prices) =>
    (effects[line.type] ?? other)(line, finding, prices);

/**
 * One row per action kind a finding can carry. Stopped, deleted, scheduled and spot-bound boxes are not
 * committed to (a commitment is owed every hour, and spot is not covered); a resized box is committed
 * at its new size; a commitment finding leaves the usage as it is. On a training job, stop is the
 * warm pool (only the retained time goes) and use-spot is managed spot training (the job's hours go).
 * Actions on storage and reservations never meet a box.
 */
const EFFECTS: Record<ActionKind, Effect> = {
  stop: byType({ 'sagemaker-training-job': warmPoolDropped }, gone('to be stopped')),
  terminate: gone('to be terminated'),
  delete: gone('to be deleted'),
  'snapshot-and-delete': gone('to be deleted'),
  schedule: gone('to run on a schedule, not every hour'),
  'use-spot': byType(
    { 'sagemaker-training-job': gone('to train on managed spot, which commitments do not cover') },
    gone('to move to Spot, which commitments do not cover'),
  ),
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

/**
 * `to` is an instance type, or "N x type" (an endpoint, training job or node group on fewer or smaller
 * instances): count scales by N / the instances the resource runs now. Priced as the line's source prices its use.
 */
function resized(line: UsageLine, finding: Finding, prices: PriceBook): Netted {
  const to = finding.action.to ?? '';
  const m = /^(\d+) x (\S+)$/.exec(to);
  const instanceType = m?.[2] ?? (to || line.instanceType);
  const count = m ? (line.count * Number(m[1])) / line.instances : line.count;
  if (count === 0) return { kept: false, effect: `resized to ${to}` };
  const source = usageSourceOf(line.type);
  const unit: PriceLookup = source ? source.price(prices, instanceType, line.region) : { known: false, reason: `no usage source for ${line.type}` };
  return { kept: true, instanceType, count, unit, effect: `committed at its new size, ${m?.[1] ?? line.instances} x ${instanceType}` };
}

/** A warm pool nobody reuses is dropped: the job's own hours stay, the retained hours go. */
function warmPoolDropped(line: UsageLine): Netted {
  const count = line.count - (line.warmPoolCount ?? 0);
  if (count <= 0) return { kept: false, effect: 'its warm pool to be dropped' };
  return { kept: true, instanceType: line.instanceType, count, unit: line.unit, effect: 'its warm pool to be dropped: the job’s own hours stay' };
}
