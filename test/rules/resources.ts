/** Builders for the non-EC2 resources the rule tables need, shaped like the collectors write them. */
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules, type LoadedRule } from '../../src/engine/rules/load.js';
import type {
  EbsSnapshot,
  EbsVolume,
  ElasticIp,
  MetricSummary,
  S3Bucket,
  SageMakerEndpoint,
  SageMakerNotebook,
  SnapshotInput,
} from '../../src/snapshot/schema.js';
import { counter, gauge, rng } from '../../scripts/synthetic.js';
import { END, WINDOW, snapshotOf } from '../helpers/builders.js';

const rand = rng(7);
const ACCOUNT = '111122223333';
const daysAgo = (d: number) => new Date(END.getTime() - d * 86_400_000).toISOString();

export function volume(v: Partial<EbsVolume> & Pick<EbsVolume, 'type' | 'sizeGiB'>): EbsVolume {
  return {
    id: 'vol-0test',
    accountId: ACCOUNT,
    region: 'us-east-1',
    state: 'in-use',
    createTime: daysAgo(60),
    attachments: [{ instanceId: 'i-1' }],
    tags: {},
    metrics: {},
    ...v,
  };
}

/** VolumeReadOps/WriteOps summaries whose max per 300-s period gives `peakIops` read + write. */
export function ioMetrics(peakIops: number, days = 14): EbsVolume['metrics'] {
  const ops = (share: number): MetricSummary => ({
    ...counter(WINDOW, peakIops * share * 86_400 * 0.2, rand, { days }),
    max: peakIops * share * WINDOW.periodSeconds,
  });
  return { readOps: ops(0.5), writeOps: ops(0.5) };
}

export function ebsSnapshot(s: Partial<EbsSnapshot>): EbsSnapshot {
  return {
    id: 'snap-0test',
    accountId: ACCOUNT,
    region: 'us-east-1',
    sizeGiB: 200,
    startTime: daysAgo(400),
    storageTier: 'standard',
    amiIds: [],
    tags: {},
    ...s,
  };
}

export function eip(e: Partial<ElasticIp>): ElasticIp {
  return { allocationId: 'eipalloc-0test', accountId: ACCOUNT, region: 'us-east-1', publicIp: '203.0.113.10', tags: {}, ...e };
}

export function endpoint(opts: {
  type: string;
  count: number;
  invocationsPerDay?: number;
  cpu?: boolean;
  gpu?: [avg: number, p95: number, max: number];
  days?: number;
  status?: string;
}): SageMakerEndpoint {
  const days = opts.days ?? 14;
  const metrics: SageMakerEndpoint['variants'][number]['metrics'] = {};
  if (opts.invocationsPerDay !== undefined) metrics.invocations = counter(WINDOW, opts.invocationsPerDay, rand, { days });
  if (opts.cpu !== false) metrics.cpu = gauge(WINDOW, { avg: 2, p95: 4, max: 9, days }, rand);
  if (opts.gpu) metrics.gpu = gauge(WINDOW, { avg: opts.gpu[0], p95: opts.gpu[1], max: opts.gpu[2], days }, rand);
  return {
    name: 'ep-test',
    accountId: ACCOUNT,
    region: 'us-east-1',
    status: opts.status ?? 'InService',
    creationTime: daysAgo(90),
    tags: {},
    variants: [{ name: 'AllTraffic', instanceType: opts.type, instanceCount: opts.count, serverless: false, metrics }],
  };
}

export function notebook(n: Partial<SageMakerNotebook> & { cpu?: [avg: number, p95: number, max: number] }): SageMakerNotebook {
  const { cpu, ...rest } = n;
  return {
    name: 'nb-test',
    accountId: ACCOUNT,
    region: 'us-east-1',
    status: 'InService',
    instanceType: 'ml.t3.xlarge',
    creationTime: daysAgo(120),
    tags: {},
    metrics: cpu ? { cpu: gauge(WINDOW, { avg: cpu[0], p95: cpu[1], max: cpu[2] }, rand, { daily: true }) } : {},
    ...rest,
  };
}

const GiB = 1024 ** 3;

/** A bucket with `standardGiB` in S3 Standard; `downloadedGiBPerDay` adds request metrics. */
export function bucket(opts: { standardGiB: number; objects: number; ageDays?: number; lifecycleRules?: number; downloadedGiBPerDay?: number }): S3Bucket {
  const b: S3Bucket = {
    name: 'ml-datasets',
    accountId: ACCOUNT,
    region: 'us-east-1',
    creationDate: daysAgo(opts.ageDays ?? 200),
    tags: {},
    bytesByStorageType: { StandardStorage: opts.standardGiB * GiB },
    objectCount: opts.objects,
    ...(opts.lifecycleRules !== undefined ? { lifecycleRules: opts.lifecycleRules } : {}),
  };
  if (opts.downloadedGiBPerDay !== undefined) {
    b.requests = {
      getRequests: counter(WINDOW, opts.downloadedGiBPerDay > 0 ? 2000 : 0, rand),
      bytesDownloaded: counter(WINDOW, opts.downloadedGiBPerDay * GiB, rand),
    };
  }
  return b;
}

let builtin: LoadedRule[] | undefined;

/** The findings one rule gives on a Snapshot holding only these resources. */
export async function findingsOn(ruleId: string, resources: Partial<SnapshotInput['resources']>, extra: Partial<SnapshotInput> = {}) {
  builtin ??= await loadRules();
  const rules = builtin.filter((r) => r.spec.id === ruleId);
  return evaluate(snapshotOf(resources, extra), { rules, config: ConfigSchema.parse({}), now: END }).findings;
}
