import { paginateDescribeInstanceTypes, type InstanceTypeInfo, type _InstanceType } from '@aws-sdk/client-ec2';
import { instanceSpec } from '../catalog/index.js';
import type { InstanceTypeSpec } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';
import { ec2InstancesCollector, typesInUse } from './ec2-instances.js';

export const instanceTypesCollector = defineCollector({
  id: 'instance-types',
  service: 'ec2',
  scope: 'region',
  iamActions: ['ec2:DescribeInstanceTypes'],
  step: 'types',
  what: 'instance type specs',
  after: [ec2InstancesCollector],
  collect: (ctx) => collectInstanceTypes(ctx, typesInUse(ctx.resultOf(ec2InstancesCollector))),
  toSnapshot: (instanceTypes) => ({ instanceTypes }),
  count: (specs) => Object.keys(specs).length,
});

/** DescribeInstanceTypes accepts at most 100 type names per request. */
const TYPES_PER_CALL = 100;

/** Specs for the types present that the embedded catalog lacks, so new families still get sized and priced. */
export async function collectInstanceTypes(ctx: RegionContext, types: Iterable<string>): Promise<Record<string, InstanceTypeSpec>> {
  const missing = [...new Set(types)].filter((t) => instanceSpec(t) === undefined).sort();
  const out: Record<string, InstanceTypeSpec> = {};
  const client = clientFor(ctx, 'ec2');
  for (let i = 0; i < missing.length; i += TYPES_PER_CALL) {
    const InstanceTypes = missing.slice(i, i + TYPES_PER_CALL) as _InstanceType[];
    for await (const page of paginateDescribeInstanceTypes({ client }, { InstanceTypes })) {
      for (const info of page.InstanceTypes ?? []) {
        const spec = toSpec(info);
        if (info.InstanceType && spec) out[info.InstanceType] = spec;
      }
    }
  }
  return out;
}

export function toSpec(info: InstanceTypeInfo): InstanceTypeSpec | undefined {
  const vcpu = info.VCpuInfo?.DefaultVCpus;
  const memoryMiB = info.MemoryInfo?.SizeInMiB;
  if (!vcpu || !memoryMiB) return undefined;
  const spec: InstanceTypeSpec = {
    vcpu,
    memoryMiB,
    currentGeneration: info.CurrentGeneration ?? true,
    arch: info.ProcessorInfo?.SupportedArchitectures ?? [],
  };
  const gpus = info.GpuInfo?.Gpus ?? [];
  const gpuCount = gpus.reduce((s, g) => s + (g.Count ?? 0), 0);
  if (gpuCount > 0) {
    const first = gpus[0]!;
    spec.gpu = { model: [first.Manufacturer, first.Name].filter(Boolean).join(' ') || 'GPU', count: gpuCount, memoryMiBEach: first.MemoryInfo?.SizeInMiB ?? 0 };
  }
  const neurons = info.NeuronInfo?.NeuronDevices ?? [];
  const neuronCount = neurons.reduce((s, n) => s + (n.Count ?? 0), 0);
  if (neuronCount > 0) {
    const first = neurons[0]!;
    spec.neuron = { model: first.Name ?? 'Neuron', count: neuronCount, memoryMiBEach: first.MemoryInfo?.SizeInMiB ?? 0 };
  }
  const storeGB = info.InstanceStorageInfo?.TotalSizeInGB;
  if (storeGB) spec.instanceStoreGB = storeGB;
  const cards = info.NetworkInfo?.NetworkCards ?? [];
  if (cards.length && cards.every((c) => c.BaselineBandwidthInGbps !== undefined && c.PeakBandwidthInGbps !== undefined))
    spec.network = {
      baselineGbps: cards.reduce((a, c) => a + (c.BaselineBandwidthInGbps ?? 0), 0),
      peakGbps: cards.reduce((a, c) => a + (c.PeakBandwidthInGbps ?? 0), 0),
    };
  if (info.NetworkInfo?.EfaSupported) spec.efa = true;
  return spec;
}
