import type { FitNeed, InstanceSpec } from '../../catalog/index.js';
import type { Ec2Instance } from '../../snapshot/schema.js';
import { round } from '../signals/metrics.js';
import { networkPeakGbps } from '../signals/network.js';

/**
 * What a box's platform asks of a move besides GPUs, vCPU and memory: its local instance store
 * (NVMe scratch a training data pipeline stages shards on), the network bandwidth it used, and EFA
 * for multi-node training. The same need goes to the one fitting function (catalog/instance-fit.ts)
 * from every rule that moves instances, and the same words go to their trade-off lines.
 */
export interface PlatformUse {
  /** Peak NetworkIn + NetworkOut, Gbps averaged over one collection period; undefined when not collected. */
  networkPeakGbps: number | undefined;
  /** An EFA network interface is attached: the box trains across nodes over EFA. */
  efaAttached: boolean;
}

export interface PlatformOptions {
  /** Share of the candidate's capacity the observed peak may use, 0-1 (1 - headroomPct/100). */
  target: number;
  /** A rule param: the move may leave a box with an instance store for one without (named as the risk). */
  allowDropInstanceStore?: boolean | undefined;
}

export function ec2PlatformUse(inst: Ec2Instance): PlatformUse {
  return { networkPeakGbps: networkPeakGbps(inst.metrics), efaAttached: inst.efaAttached === true };
}

export function platformNeed(spec: InstanceSpec, use: PlatformUse, o: PlatformOptions): Pick<FitNeed, 'instanceStore' | 'networkGbps' | 'efa'> {
  return {
    instanceStore: spec.instanceStoreGB !== undefined && o.allowDropInstanceStore !== true,
    ...(use.networkPeakGbps ? { networkGbps: round(use.networkPeakGbps / o.target, 3) } : {}),
    efa: spec.efa && use.efaAttached,
  };
}

/** What the move changes in storage and network, for the trade-off line, and whether that is a risk. */
export function platformChange(from: InstanceSpec, to: InstanceSpec, use: PlatformUse): { parts: string[]; risky: boolean } {
  const parts: string[] = [];
  let risky = false;
  const store = from.instanceStoreGB;
  if (store !== undefined && to.instanceStoreGB === undefined) {
    parts.push(`no instance store (was ${store} GB local NVMe): move scratch data to EBS or FSx first`);
    risky = true;
  } else if (store !== undefined && to.instanceStoreGB !== undefined && to.instanceStoreGB !== store) {
    parts.push(`instance store ${store} -> ${to.instanceStoreGB} GB${to.instanceStoreGB < store ? ': check the scratch data fits' : ''}`);
    risky ||= to.instanceStoreGB < store;
  }
  const a = from.network?.baselineGbps;
  const b = to.network?.baselineGbps;
  if (a !== undefined && b !== undefined && a !== b) {
    const used = use.networkPeakGbps === undefined ? 'network use not measured' : `peak used ${fmtGbps(use.networkPeakGbps)} Gbps`;
    parts.push(`network baseline ${fmtGbps(a)} -> ${fmtGbps(b)} Gbps (${used})`);
    risky ||= b < a && use.networkPeakGbps === undefined;
  }
  if (use.efaAttached && from.efa) parts.push(to.efa ? 'stays on EFA' : 'no EFA');
  return { parts, risky };
}

function fmtGbps(n: number): string {
  return n > 0 && n < 0.01 ? '<0.01' : String(round(n, n >= 10 ? 1 : 2));
}
