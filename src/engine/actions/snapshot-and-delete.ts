import { z } from 'zod';
import type { EbsSnapshot, Snapshot } from '../../snapshot/schema.js';
import { memoPerObject } from '../memo.js';
import { roundCents } from '../../money.js';
import { hoursBetween } from '../signals/metrics.js';
import { defineAction, priceEntry, type ActionKindDefinition } from './types.js';

/** EBS snapshots by source volume, newest first, indexed once per Snapshot. */
const snapshotsByVolume = memoPerObject((snapshot: Snapshot): ReadonlyMap<string, EbsSnapshot[]> => {
  const index = new Map<string, EbsSnapshot[]>();
  for (const s of snapshot.resources.ebsSnapshots) {
    if (!s.volumeId) continue;
    const list = index.get(s.volumeId);
    if (list) list.push(s);
    else index.set(s.volumeId, [s]);
  }
  for (const list of index.values()) list.sort((a, b) => b.startTime.localeCompare(a.startTime));
  return index;
});

/**
 * Keep the data, drop the volume: snapshot an unattached volume, then delete it. The saving is the
 * volume's cost less the new snapshot's storage, priced at the volume's full size: a snapshot bills
 * only the blocks that were written, so this is an upper bound on its cost and a floor on the saving.
 * When the volume already has a snapshot, a new one stores only blocks changed since (none, if nothing
 * wrote after it), so no new snapshot storage is counted. Deleting without a snapshot is in the evidence.
 */
const snapshotAndDeleteVolume = defineAction({
  resource: 'ebs-volume',
  params: z.object({}),
  price(ctx) {
    const { resource: v, signals: s, cost } = ctx;
    const latest = snapshotsByVolume(ctx.env.snapshot).get(v.id)?.[0];
    const snapPrice = ctx.env.prices.ebsSnapshotGbMonth('standard', v.region);
    const newSnapshotCost = latest ? 0 : snapPrice.known ? snapPrice.price.usd * v.sizeGiB : null;
    const savings = cost.monthly !== null && newSnapshotCost !== null ? roundCents(cost.monthly - newSnapshotCost) : null;
    const unknown = [...cost.unknown, ...(!latest && !snapPrice.known ? [snapPrice.reason] : [])];
    const latestAgeDays = latest ? Math.round(hoursBetween(latest.startTime, ctx.env.asOf) / 24) : undefined;
    const snapshotStep = latest
      ? `${latest.id} (${latestAgeDays} days old) already holds it; take a fresh snapshot first only if the volume was written after that`
      : `aws ec2 create-snapshot --volume-id ${v.id}`;
    return {
      description: `Snapshot unattached volume ${v.id} (${v.sizeGiB} GiB ${v.type}), then delete it: ${snapshotStep}`,
      monthlySavings: savings,
      pricing: {
        method: latest
          ? 'saving = size x EBS GB-month price (an existing snapshot keeps the data; a new incremental one stores only blocks changed since)'
          : 'saving >= size x EBS GB-month price - size x snapshot GB-month price (the snapshot bills only written blocks, so its cost at full size is an upper bound)',
        prices: [
          ...cost.prices.map((p) => priceEntry(p.item, p.price)),
          ...(!latest && snapPrice.known ? [priceEntry('EBS snapshot (standard) GB-month', snapPrice.price)] : []),
        ],
        ...(unknown.length ? { unknown } : {}),
      },
      confidence: latest ? 'medium' : 'high',
      evidence: {
        state: v.state,
        createdDaysAgo: s.ageDays,
        sizeGiB: v.sizeGiB,
        type: v.type,
        existingSnapshot: latest ? { id: latest.id, startTime: latest.startTime, ageDays: latestAgeDays } : null,
        snapshotMonthlyCostUpperBound: newSnapshotCost === null ? null : roundCents(newSnapshotCost),
        deleteWithoutSnapshot: {
          monthlySavings: cost.monthly,
          why: 'saves the snapshot storage too, but the data is gone: only when nobody needs it',
        },
      },
      tradeoff: {
        performanceRisk: 'low',
        summary: latest
          ? `the data stays in ${latest.id}; restoring means creating a volume from it (minutes, lazily loaded until read)`
          : `the data stays in a snapshot billed on the blocks written (at most ${v.sizeGiB} GiB); restoring means creating a volume from it (minutes, lazily loaded until read)`,
        before: { label: `${v.type} ${v.sizeGiB} GiB`, storageGiB: v.sizeGiB, storageClass: v.type },
        after: { label: 'snapshot only', storageGiB: 0, storageClass: 'snapshot (standard)' },
      },
    };
  },
});

export const snapshotAndDelete: ActionKindDefinition = { kind: 'snapshot-and-delete', definitions: [snapshotAndDeleteVolume] };
