import { acceleratorsOf, GPU_MODELS, type InstanceSpec } from '../../catalog/index.js';
import type { Capacity } from '../result.js';
import { round } from '../signals/metrics.js';

export function instanceCapacity(spec: InstanceSpec, expectedUtilPct?: number): Capacity {
  const c: Capacity = { label: spec.type, vcpu: spec.vcpu, memoryGiB: round(spec.memoryGiB) };
  const acc = acceleratorsOf(spec);
  if (acc) {
    c.gpus = acc.count;
    c.gpuModel = acc.unit === 'NeuronCore' ? `${acc.model} NeuronCore` : acc.model;
    c.gpuMemoryGiB = acc.totalMemoryGiB;
  }
  if (expectedUtilPct !== undefined) c.expectedUtilPct = round(expectedUtilPct);
  return c;
}

/** "GPU V100 -> L4 (FP16 -> FP16/BF16/FP8 tensor cores), GPUs 4 -> 1, GPU mem 64 -> 24 GiB, vCPU 48 -> 4": only what changes, in the order people read it. */
export function describeChange(before: Capacity, after: Capacity, utilLabel: string, gpuModel = true, unit = 'GPU'): string {
  const parts: string[] = [];
  if (gpuModel && before.gpuModel !== undefined && after.gpuModel !== undefined && before.gpuModel !== after.gpuModel)
    parts.push(gpuModelChange(before.gpuModel, after.gpuModel));
  if (before.gpus !== after.gpus && before.gpus !== undefined) parts.push(`${unit}s ${before.gpus} -> ${after.gpus ?? 0}`);
  if (before.gpuMemoryGiB !== after.gpuMemoryGiB && before.gpuMemoryGiB !== undefined) {
    parts.push(`${unit} mem ${fmt(before.gpuMemoryGiB)} -> ${fmt(after.gpuMemoryGiB ?? 0)} GiB`);
  }
  if (before.vcpu !== after.vcpu) parts.push(`vCPU ${before.vcpu} -> ${after.vcpu}`);
  if (before.memoryGiB !== after.memoryGiB) parts.push(`mem ${fmt(before.memoryGiB ?? 0)} -> ${fmt(after.memoryGiB ?? 0)} GiB`);
  if (before.expectedUtilPct !== undefined && after.expectedUtilPct !== undefined) {
    parts.push(`${utilLabel} ${Math.round(before.expectedUtilPct)}% -> ~${Math.round(after.expectedUtilPct)}%`);
  }
  return parts.join(', ');
}

/** How much a move risks performance, from the utilisation it should leave. */
export function riskFromUtil(expectedPct: number): 'low' | 'medium' | 'high' {
  if (expectedPct > 85) return 'high';
  if (expectedPct > 70) return 'medium';
  return 'low';
}

function gpuModelChange(from: string, to: string): string {
  const a = GPU_MODELS[from]?.fp16Class;
  const b = GPU_MODELS[to]?.fp16Class;
  return `GPU ${from} -> ${to}${a !== undefined && b !== undefined && a !== b ? ` (${a} -> ${b})` : ''}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
