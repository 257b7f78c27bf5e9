import { z } from 'zod';
import type { ResourceType } from '../../snapshot/resources.js';
import type { Finding } from '../result.js';
import { fsxLustreDeletion } from './delete-fsx-lustre.js';
import { deleteProvisionedThroughput } from './delete-provisioned-throughput.js';
import { pricingOfCost } from './resource-cost.js';
import { defineAction, type ActionContext, type ActionKindDefinition, type AnyActionDefinition, type PricedMove } from './types.js';

type Described = Pick<PricedMove, 'description' | 'confidence' | 'evidence' | 'tradeoff'> & { method: string };

/** Delete something that bills while doing nothing: the saving is what it costs now. */
function deleting<R extends ResourceType>(resource: R, describe: (ctx: ActionContext<R, unknown>) => Described): AnyActionDefinition {
  return defineAction<R, unknown>({
    resource,
    params: z.object({}),
    price(ctx) {
      const what = describe(ctx);
      return {
        description: what.description,
        monthlySavings: ctx.cost.monthly,
        pricing: pricingOfCost(ctx.cost, what.method),
        confidence: what.confidence,
        evidence: what.evidence,
        tradeoff: what.tradeoff,
      };
    },
  });
}

export const del: ActionKindDefinition = {
  kind: 'delete',
  definitions: [
    deleting('ebs-volume', ({ resource: v, signals: s }) => ({
      description: `Delete unattached volume ${v.id} (${v.sizeGiB} GiB ${v.type}); snapshot it first if the data may be needed`,
      method: 'saving = size x EBS GB-month price',
      confidence: 'high',
      evidence: { state: v.state, createdDaysAgo: s.ageDays, sizeGiB: v.sizeGiB, type: v.type },
      tradeoff: storageTradeoff('medium', `data on ${v.id} is lost unless snapshotted (a snapshot bills per GB-month of changed blocks)`, v.sizeGiB, v.type),
    })),
    deleting('ebs-snapshot', ({ resource: snap, signals: s }) => ({
      description: `Delete snapshot ${snap.id} (${snap.sizeGiB} GiB, ${Math.round(s.ageDays)} days old)`,
      method: 'saving <= size x snapshot GB-month price (snapshots are incremental: blocks shared with newer snapshots keep billing)',
      confidence: 'medium',
      evidence: {
        ageDays: s.ageDays,
        sizeGiB: snap.sizeGiB,
        volumeId: snap.volumeId ?? null,
        sourceVolumeExists: s.volumeExists,
        description: snap.description ?? null,
      },
      tradeoff: storageTradeoff(
        'medium',
        'restore points older than this are gone; copy to the archive tier instead if compliance needs it',
        snap.sizeGiB,
        `snapshot (${snap.storageTier})`,
      ),
    })),
    deleting('elastic-ip', ({ resource: eip }) => ({
      description: `Release Elastic IP ${eip.publicIp} (${eip.allocationId})`,
      method: 'saving = public IPv4 hourly rate x 730 h',
      confidence: 'high',
      evidence: { publicIp: eip.publicIp, associated: false },
      tradeoff: {
        performanceRisk: 'low',
        summary: `the address ${eip.publicIp} cannot be recovered once released: check DNS records and allow-lists that name it`,
      },
    })),
    deleting('sagemaker-endpoint', ({ resource: ep, signals: s }) => ({
      description: `Delete endpoint ${ep.name} (${s.instanceCount} x ${s.instanceType}); keep its model and endpoint config to recreate it`,
      method: 'saving = instances x SageMaker hosting hourly price x 730 h',
      confidence: s.observedHours >= 7 * 24 ? 'high' : 'medium',
      evidence: { invocations: s.invocations, observedHours: s.observedHours, instances: s.instanceCount, instanceType: s.instanceType },
      tradeoff: {
        performanceRisk: 'low',
        summary: `no invocations in ${Math.round(s.observedHours / 24)} days; recreating from the saved endpoint config takes minutes (or use serverless / scale-to-zero inference for rare traffic)`,
        before: { label: `${s.instanceCount} x ${s.instanceType}`, ...(s.gpuCount ? { gpus: s.gpuCount * s.instanceCount } : {}) },
        after: { label: 'deleted', gpus: 0 },
      },
    })),
    deleting('fsx-lustre-file-system', ({ resource: fs, signals: s }) => fsxLustreDeletion(fs, s)),
    deleteProvisionedThroughput,
  ],
};

function storageTradeoff(risk: Finding['tradeoff']['performanceRisk'], summary: string, sizeGiB: number, label: string): Finding['tradeoff'] {
  return { performanceRisk: risk, summary, before: { label, storageGiB: sizeGiB }, after: { label: 'deleted', storageGiB: 0 } };
}
