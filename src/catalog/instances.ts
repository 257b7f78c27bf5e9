import type { InstanceTypeSpec } from '../snapshot/schema.js';
import specData from './data/ec2-instance-types.json' with { type: 'json' };

/** What an instance type offers; GPU and Neuron memory in GiB per device. */
export interface InstanceSpec {
  type: string;
  family: string;
  size: string;
  /** The digit(s) after the family letters: m5 → 5, g4dn → 4, p5en → 5. */
  generation: number;
  currentGeneration: boolean;
  vcpu: number;
  memoryGiB: number;
  arch: string[];
  gpu?: { model: string; count: number; memoryGiBEach: number; totalMemoryGiB: number };
  neuron?: { model: string; count: number; memoryGiBEach: number };
  /** Local instance store (NVMe scratch on current types), GB; undefined on EBS-only types. */
  instanceStoreGB?: number;
  /** Network bandwidth over all cards, Gbps; undefined where no baseline is published (p3.2xlarge, some collected types). */
  network?: { baselineGbps: number; peakGbps: number };
  efa: boolean;
}

type RawSpec = InstanceTypeSpec;

export const INSTANCE_SPEC_SOURCE: string = specData.source;
const raw = specData.types as Record<string, RawSpec>;
const specs = new Map<string, InstanceSpec>();
const ladders = new Map<string, InstanceSpec[]>();

for (const [type, s] of Object.entries(raw)) {
  const spec = toSpec(type, s);
  specs.set(type, spec);
  if (spec.size.startsWith('metal')) continue; // same capacity as the largest size, no hypervisor: never a move
  const ladder = ladders.get(spec.family) ?? [];
  ladder.push(spec);
  ladders.set(spec.family, ladder);
}
for (const ladder of ladders.values()) ladder.sort(bySize);

/** The embedded spec, or one the Snapshot carries from DescribeInstanceTypes for a type the catalog lacks. */
export function instanceSpec(type: string, collected?: Readonly<Record<string, InstanceTypeSpec>>): InstanceSpec | undefined {
  const known = specs.get(type);
  if (known) return known;
  const extra = collected?.[type];
  return extra ? toSpec(type, extra) : undefined;
}

/** The sizes of a family from smallest to largest; bare-metal sizes are left out (same capacity, no hypervisor). */
export function sizeLadder(family: string): readonly InstanceSpec[] {
  return ladders.get(family) ?? NO_SIZES;
}

const NO_SIZES: readonly InstanceSpec[] = [];

export function familyOf(type: string): string {
  return type.split('.')[0] ?? type;
}

export function allInstanceTypes(): string[] {
  return [...specs.keys()];
}

/** Every embedded spec, in catalog order. */
export function allInstanceSpecs(): readonly InstanceSpec[] {
  return ALL_SPECS;
}

const ALL_SPECS: readonly InstanceSpec[] = [...specs.values()];

function toSpec(type: string, s: RawSpec): InstanceSpec {
  const [family = type, size = ''] = type.split('.');
  const gen = /^[a-z]+-?(\d+)/.exec(family)?.[1];
  const spec: InstanceSpec = {
    type,
    family,
    size,
    generation: gen === undefined ? 0 : Number(gen),
    currentGeneration: s.currentGeneration,
    vcpu: s.vcpu,
    memoryGiB: s.memoryMiB / 1024,
    arch: s.arch,
    efa: s.efa === true,
  };
  if (s.instanceStoreGB) spec.instanceStoreGB = s.instanceStoreGB;
  if (s.network) spec.network = s.network;
  if (s.gpu) {
    const each = round1(s.gpu.memoryMiBEach / 1024);
    spec.gpu = { model: s.gpu.model, count: s.gpu.count, memoryGiBEach: each, totalMemoryGiB: round1(each * s.gpu.count) };
  }
  if (s.neuron) spec.neuron = { model: s.neuron.model, count: s.neuron.count, memoryGiBEach: s.neuron.memoryMiBEach / 1024 };
  return spec;
}

function bySize(a: InstanceSpec, b: InstanceSpec): number {
  return (a.gpu?.count ?? 0) - (b.gpu?.count ?? 0) || a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB || a.type.localeCompare(b.type);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
