import { instanceSpec, type InstanceSpec, type Price } from '../../catalog/index.js';
import type { Ec2Instance, Snapshot } from '../../snapshot/schema.js';
import { memoPerObject } from '../memo.js';
import { instanceHourly } from './ec2.js';
import type { SignalContext } from './types.js';

/**
 * What EKS resources know of the EC2 instances under them. A node's cost is its instance's, read
 * from the EC2 inventory (spot price for spot nodes, on-demand otherwise), never a second lookup.
 */
export interface NodeInstance {
  instance: Ec2Instance;
  spec: InstanceSpec | undefined;
  running: boolean;
  /** Hourly rate as the instance runs now; undefined with `unknown` when it has none. */
  hourly?: Price;
  unknown?: string;
}

const instancesById = memoPerObject((snapshot: Snapshot) => new Map(snapshot.resources.ec2Instances.map((i) => [`${i.accountId}|${i.region}|${i.id}`, i])));

/** The EC2 instance behind a node, with its spec and price; undefined when the inventory lacks it. */
export function nodeInstance(ref: { accountId: string; region: string; instanceId: string }, ctx: SignalContext): NodeInstance | undefined {
  const instance = instancesById(ctx.snapshot).get(`${ref.accountId}|${ref.region}|${ref.instanceId}`);
  if (!instance) return undefined;
  const spec = instanceSpec(instance.type, ctx.snapshot.instanceTypes);
  const running = instance.state === 'running' || instance.state === 'pending';
  if (!running) return { instance, spec, running };
  const lookup = instanceHourly(instance, ctx);
  return lookup.known ? { instance, spec, running, hourly: lookup.price } : { instance, spec, running, unknown: lookup.reason };
}
