import type { InstanceSpec } from './instances.js';

/**
 * An instance type's accelerators in the unit their monitoring reports one series for: a GPU for
 * the CloudWatch agent's nvidia_smi metrics, a NeuronCore for neuron-monitor (Inferentia,
 * Trainium). The gpu* signals count these units, so an idle trn1 is judged like an idle p4d.
 */
export interface Accelerators {
  unit: 'GPU' | 'NeuronCore';
  model: string;
  count: number;
  /** Memory of one unit, GiB: a NeuronCore's share of its device's memory. */
  memoryGiBEach: number;
  totalMemoryGiB: number;
}

/**
 * NeuronCores neuron-monitor reports per device. Inferentia: 4 NeuronCore-v1; Inferentia2 and
 * Trainium: 2 NeuronCore-v2 (AWS Neuron docs, "Inf1/Inf2/Trn1 Architecture"); Trainium2: 8 physical
 * NeuronCore-v3 shown as 4 logical cores at the default Logical NeuronCore config 2 (Neuron Monitor
 * User Guide, neuron_hardware_info: trainium2, neuroncore_per_device_count 4, logical_neuroncore_config 2).
 * A device model not listed has no NeuronCore count: it gets no accelerator signals rather than a guess.
 */
export const NEURON_CORES_PER_DEVICE: Readonly<Record<string, number>> = {
  Inferentia: 4,
  Inferentia2: 2,
  Trainium: 2,
  Trainium2: 4,
};

// Specs are long-lived catalog objects, and signals ask for every instance of the fleet: computed once per spec.
const memo = new WeakMap<InstanceSpec, Accelerators | null>();

export function acceleratorsOf(spec: InstanceSpec | undefined): Accelerators | undefined {
  if (!spec) return undefined;
  let a = memo.get(spec);
  if (a === undefined) memo.set(spec, (a = compute(spec) ?? null));
  return a ?? undefined;
}

function compute(spec: InstanceSpec): Accelerators | undefined {
  if (spec.gpu)
    return { unit: 'GPU', model: spec.gpu.model, count: spec.gpu.count, memoryGiBEach: spec.gpu.memoryGiBEach, totalMemoryGiB: spec.gpu.totalMemoryGiB };
  const n = spec.neuron;
  const perDevice = n ? NEURON_CORES_PER_DEVICE[n.model] : undefined;
  if (!n || perDevice === undefined) return undefined;
  return {
    unit: 'NeuronCore',
    model: n.model,
    count: n.count * perDevice,
    memoryGiBEach: n.memoryGiBEach / perDevice,
    totalMemoryGiB: n.memoryGiBEach * n.count,
  };
}
