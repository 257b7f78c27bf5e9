import type { InstanceSpec } from './instances.js';

/**
 * Which GPUs can take over work that ran on another, for rightsizing across families. A GPU fits
 * work from another when both run CUDA and its tier is at least as high: tiers group NVIDIA data-centre
 * GPUs by tensor-core capability (NVIDIA architecture whitepapers: Kepler/Maxwell none, Turing FP16/INT8,
 * Volta FP16, Ampere/Ada FP16/BF16/TF32(/FP8 on Ada), Hopper/Blackwell FP8 and up). So V100 work fits
 * A10G, L4, L40S, A100, H100; T4 work fits T4, A10G, L4 and up; nothing moves to a K80 or M60, nor to
 * AMD (Radeon Pro V520) or Gaudi, which do not run CUDA code.
 */
export interface GpuModelInfo {
  architecture: string;
  /** What its tensor cores compute fast: the "FP16 class" a trade-off line names. */
  fp16Class: string;
  tier: number;
}

export const GPU_MODELS: Readonly<Record<string, GpuModelInfo>> = {
  K80: { architecture: 'Kepler', fp16Class: 'no tensor cores (FP32)', tier: 0 },
  M60: { architecture: 'Maxwell', fp16Class: 'no tensor cores (FP32)', tier: 0 },
  T4: { architecture: 'Turing', fp16Class: 'FP16/INT8 tensor cores', tier: 1 },
  T4g: { architecture: 'Turing', fp16Class: 'FP16/INT8 tensor cores', tier: 1 },
  V100: { architecture: 'Volta', fp16Class: 'FP16 tensor cores', tier: 2 },
  A10G: { architecture: 'Ampere', fp16Class: 'FP16/BF16/TF32 tensor cores', tier: 2 },
  L4: { architecture: 'Ada', fp16Class: 'FP16/BF16/FP8 tensor cores', tier: 2 },
  L40S: { architecture: 'Ada', fp16Class: 'FP16/BF16/FP8 tensor cores', tier: 3 },
  A100: { architecture: 'Ampere', fp16Class: 'FP16/BF16/TF32 tensor cores', tier: 3 },
  'RTX PRO Server 6000': { architecture: 'Blackwell', fp16Class: 'FP16/BF16/FP8/FP4 tensor cores', tier: 3 },
  H100: { architecture: 'Hopper', fp16Class: 'FP16/BF16/FP8 tensor cores', tier: 4 },
  H200: { architecture: 'Hopper', fp16Class: 'FP16/BF16/FP8 tensor cores', tier: 4 },
  B200: { architecture: 'Blackwell', fp16Class: 'FP16/BF16/FP8/FP4 tensor cores', tier: 5 },
  B300: { architecture: 'Blackwell', fp16Class: 'FP16/BF16/FP8/FP4 tensor cores', tier: 5 },
};

/** Whether work that ran on `from` can run on `to` at least as well. The same model always fits itself. */
export function gpuFitsWork(to: string, from: string): boolean {
  if (to === from) return true;
  const a = GPU_MODELS[to];
  const b = GPU_MODELS[from];
  return a !== undefined && b !== undefined && a.tier >= b.tier;
}

/**
 * Multi-GPU p-family sizes (p3.8xlarge and up, p4d, p5…) link their GPUs with NVLink/NVSwitch; g-family
 * GPUs talk over PCIe. Training that used several GPUs of such a box stays on one (AWS accelerated
 * computing instance pages).
 */
export function hasNvlink(spec: InstanceSpec): boolean {
  return spec.family.startsWith('p') && (spec.gpu?.count ?? 0) > 1;
}
