/**
 * Previous-generation families and the newer families that replace them, with what changes.
 * Hand-curated from the EC2 instance-type pages (family, processor, accelerator); prices and
 * sizes are never stated here: the action compares the catalog's specs and on-demand prices,
 * so a successor is proposed only when it is really cheaper for the same or more capacity.
 */
export interface Successor {
  family: string;
  /** What a person must know before moving: processor/accelerator change and its consequences. */
  change: string;
}

export const SUCCESSORS: Readonly<Record<string, readonly Successor[]>> = {
  p2: [
    { family: 'g5', change: 'K80 -> A10G (Ampere): far faster FP32/FP16, 24 GB per GPU, no FP64 throughput' },
    { family: 'g6', change: 'K80 -> L4 (Ada): far faster FP16/INT8 inference, 24 GB per GPU' },
  ],
  p3: [
    {
      family: 'g6e',
      change: 'V100 -> L40S (Ada): 48 GB per GPU, faster FP16/FP8; no NVLink between GPUs and weak FP64, so multi-GPU training and HPC may slow down',
    },
    { family: 'g5', change: 'V100 -> A10G (Ampere): 24 GB per GPU, similar FP16 for inference-sized jobs; no NVLink and weak FP64' },
  ],
  g3: [
    { family: 'g4dn', change: 'M60 -> T4 (Turing): tensor cores, 16 GB per GPU' },
    { family: 'g6', change: 'M60 -> L4 (Ada): 24 GB per GPU' },
  ],
  g4dn: [
    { family: 'g6', change: 'T4 -> L4 (Ada): about 2-4x inference throughput, 24 GB instead of 16 GB per GPU' },
    { family: 'g5', change: 'T4 -> A10G (Ampere): about 3x training throughput, 24 GB per GPU' },
  ],
  t2: [{ family: 't3', change: 'Nitro-based burstable, unlimited mode by default: check CPU credit behaviour' }],
  m4: [
    { family: 'm7i', change: 'Broadwell -> Sapphire Rapids Xeon, same x86_64 software' },
    { family: 'm6a', change: 'Intel -> AMD EPYC (x86_64, same binaries)' },
  ],
  m5: [
    { family: 'm7i', change: 'Skylake/Cascade Lake -> Sapphire Rapids Xeon (about 15% more performance per vCPU)' },
    { family: 'm6a', change: 'Intel -> AMD EPYC Milan (x86_64, same binaries; no Intel-only instructions such as AMX)' },
    { family: 'm7a', change: 'Intel -> AMD EPYC Genoa (x86_64; one vCPU is a full core, not a hyperthread)' },
  ],
  c4: [
    { family: 'c7i', change: 'Haswell -> Sapphire Rapids Xeon' },
    { family: 'c6a', change: 'Intel -> AMD EPYC (x86_64, same binaries)' },
  ],
  c5: [
    { family: 'c7i', change: 'Skylake/Cascade Lake -> Sapphire Rapids Xeon' },
    { family: 'c6a', change: 'Intel -> AMD EPYC Milan (x86_64, same binaries)' },
  ],
  r4: [
    { family: 'r7i', change: 'Broadwell -> Sapphire Rapids Xeon' },
    { family: 'r6a', change: 'Intel -> AMD EPYC (x86_64, same binaries)' },
  ],
  r5: [
    { family: 'r7i', change: 'Skylake/Cascade Lake -> Sapphire Rapids Xeon' },
    { family: 'r6a', change: 'Intel -> AMD EPYC Milan (x86_64, same binaries)' },
  ],
};

export function successorsOf(family: string): readonly Successor[] {
  return SUCCESSORS[family] ?? [];
}
