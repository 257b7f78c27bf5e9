// Over 250 lines on purpose: one table of every built-in rule's finding on the fleet, each with its arithmetic.
/**
 * Every built-in rule end to end: a two-region ML fleet created in moto_server through the real
 * SDK with 14 days of hourly metrics (test/helpers/fleet.ts), read by the built CLI as a user runs
 * it (`mlcost audit --endpoint-url … -o json`). moto serves CloudWatch from indexed lookups
 * (test/helpers/moto_indexed.py: stock moto scans every datapoint for every period of every query)
 * and runs its clock 200 days behind, so what the test creates is 200 days old to the CLI.
 *
 * Each rule must be the chosen finding on its resources, its move and monthly saving equal to the
 * cent to the figure worked out by hand below from the embedded catalog (src/catalog/data; a month
 * is 730 h; each monthly figure is rounded to the cent before differences are taken, as the
 * engine does). Spot prices come from moto's DescribeSpotPriceHistory, which quotes $0.00001/h:
 * below 10% of on-demand, so use-spot distrusts it and uses the Spot Instance Advisor's saving.
 * Unknown savings are null, never a guess: a type or region no dated source in src/catalog/data
 * prices stays unknown, and no Storage Lens metrics means unknown bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { CLOCK_LAG_DAYS, REGIONS, seedFleet, type FleetIds } from '../helpers/fleet.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

let moto: Moto;
let ids: FleetIds;
let run: CliRun;
let result: AuditResult;
let builtinRuleIds: string[];

beforeAll(async () => {
  moto = await startMoto({ indexedCloudWatch: true, clockLagDays: CLOCK_LAG_DAYS });
  ids = await seedFleet(moto.endpoint, new Date());
  builtinRuleIds = (await loadRules()).map((r) => r.spec.id).sort();
  run = await runCli(['audit', '--endpoint-url', moto.endpoint, '--regions', REGIONS.join(','), '--prices', 'embedded', '-o', 'json', '-q'], {
    env: { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_REGION: 'us-east-1' },
  });
  result = JSON.parse(run.stdout) as AuditResult;
}, 240_000);
afterAll(() => stopAll(moto));

const findingsOn = (id: string): Finding[] => result.findings.filter((f) => f.resource.id === id);

interface Case {
  rule: string;
  resource: (ids: FleetIds) => string;
  /** action.to, where the move names a target. */
  to?: string;
  saving: number | null;
  arithmetic: string;
}

const CASES: Case[] = [
  {
    rule: 'idle-gpu-instance',
    resource: (i) => i.instances.idleGpu,
    saving: 16029.08,
    arithmetic: 'stop p4d.24xlarge, 8 idle A100s: $21.957642/h x 730 = $16,029.08',
  },
  {
    rule: 'gpu-underused',
    resource: (i) => i.eu.oneOfFourV100,
    to: 'g5.4xlarge',
    saving: 8327.2,
    arithmetic:
      'eu-west-1 p3.8xlarge using GPU 0 of 4 (peak 11 GiB), p95 CPU 22% of 32 vCPU -> one A10G with 16 vCPU (g6 is not sold there, a T4 is below V100 class): $13.22 x 730 - $1.81287 x 730 = $9,650.60 - $1,323.40 = $8,327.20',
  },
  {
    rule: 'gpu-underused',
    resource: (i) => i.instances.underusedGpu,
    to: 'g6.xlarge',
    saving: 3553.06,
    arithmetic:
      'g5.12xlarge using 1 of 4 GPUs, p95 CPU 5% of 48 vCPU -> g6.xlarge (an L4 does A10G work): $5.672 x 730 - $0.8048 x 730 = $4,140.56 - $587.50 = $3,553.06',
  },
  { rule: 'idle-instance', resource: (i) => i.instances.idleCpu, saving: 140.16, arithmetic: 'stop m5.xlarge idle 14 of 14 days: $0.192 x 730 = $140.16' },
  {
    rule: 'off-hours',
    resource: (i) => i.instances.devBox,
    saving: 189.22,
    arithmetic: 'm7i.2xlarge off 108 of 168 h a week: $0.4032 x 108 x 730/168 = $189.22',
  },
  {
    rule: 'oversized-instance',
    resource: (i) => i.instances.oversized,
    to: 'r5a.xlarge',
    saving: 1012.36,
    arithmetic:
      'm7i.8xlarge at p95 CPU 6%, memory 12% of 128 GiB (needs 4 vCPU, 19.2 GiB) -> r5a.xlarge: $1.6128 x 730 - $0.226 x 730 = $1,177.34 - $164.98 = $1,012.36',
  },
  {
    rule: 'use-spot',
    resource: (i) => i.instances.eksWorker,
    saving: 548.55,
    arithmetic: 'EKS g5.2xlarge worker on Spot, moto quote $0.00001/h distrusted -> Advisor 62%: $1.212 x 730 - $0.46056 x 730 = $884.76 - $336.21 = $548.55',
  },
  {
    rule: 'buy-commitment',
    resource: (i) => i.instances.steadyGpu,
    saving: 317.84,
    arithmetic:
      'busy g6.xlarge on demand 100% of the window -> 3-year no-upfront RI (embedded 2025-11-30 rate): $0.8048 x 730 - $0.3694 x 730 = $587.50 - $269.66 = $317.84',
  },
  {
    rule: 'buy-commitment',
    resource: (i) => i.eu.busyCpu,
    to: 'reserved-3yr-no-upfront',
    saving: 289.78,
    arithmetic:
      "busy c6i.4xlarge on demand in eu-west-1 -> 3-year no-upfront RI (AWS's pricing-page feed of 2025-04-04): $0.7296 x 730 - $0.33264 x 730 = $532.61 - $242.83 = $289.78",
  },
  {
    rule: 'buy-commitment',
    resource: (i) => i.eu.busyPricedCpu,
    to: 'reserved-3yr-no-upfront',
    saving: 76.83,
    arithmetic:
      'busy m6a.xlarge on demand in eu-west-1 -> 3-year no-upfront RI (embedded eu-west-1 rates, 2026-10-01): $0.1926 x 730 - $0.08736 x 730 = $140.60 - $63.77 = $76.83',
  },
  {
    rule: 'previous-generation',
    resource: (i) => i.instances.oldGenGpu,
    to: 'g5.4xlarge',
    saving: 1048.28,
    arithmetic: 'p3.2xlarge (V100, peak 10 GiB) -> g5.4xlarge: $3.06 x 730 - $1.624 x 730 = $2,233.80 - $1,185.52 = $1,048.28',
  },
  {
    rule: 'gp2-to-gp3',
    resource: (i) => i.gp2,
    to: 'gp3',
    saving: 5,
    arithmetic: 'gp2 500 GiB -> gp3 at 3,000 IOPS, 250 MiB/s: 500 x ($0.10 - $0.08) - 125 MiB/s x $0.04 = $10.00 - $5.00 = $5.00',
  },
  {
    rule: 'io-overprovisioned',
    resource: (i) => i.io1,
    to: 'gp3',
    saving: 9,
    arithmetic: 'io1 200 GiB at 10,000 IOPS, peak 1,500 -> gp3: 200 x ($0.125 - $0.08) = $9.00 (IOPS charge unpriced)',
  },
  {
    rule: 'io-overprovisioned',
    resource: (i) => i.io2,
    to: 'gp3',
    saving: 22.5,
    arithmetic: 'io2 500 GiB at 8,000 IOPS, peak 600 -> gp3: 500 x ($0.125 - $0.08) = $22.50 (IOPS charge unpriced)',
  },
  {
    rule: 'unattached-volume',
    resource: (i) => i.unattached,
    saving: 15,
    arithmetic: 'snapshot and delete unattached gp3 500 GiB: 500 x $0.08 - 500 x $0.05 = $40.00 - $25.00 = $15.00',
  },
  { rule: 'old-snapshot', resource: (i) => i.oldSnapshot, saving: 10, arithmetic: 'delete 200-day-old 200 GiB snapshot: 200 x $0.05 = $10.00' },
  { rule: 'unassociated-eip', resource: (i) => i.eip, saving: 3.65, arithmetic: 'release Elastic IP: $0.005 x 730 = $3.65' },
  {
    rule: 's3-storage-class',
    resource: (i) => i.buckets.coldArchive,
    to: 'GLACIER_IR',
    saving: 1157.12,
    arithmetic:
      '60 TiB in Standard, no GET in 14 days of whole-bucket request metrics (a young bucket: judged by the evidence, not its age) -> Glacier IR: Standard on its tiers 51,200 GiB x $0.023 + 10,240 GiB x $0.022 = $1,402.88, less 61,440 GiB x $0.004 = $245.76: $1,157.12',
  },
  {
    rule: 's3-noncurrent-versions',
    resource: (i) => i.buckets.versionedCheckpoints,
    to: 'NoncurrentVersionExpiration',
    saving: 47.1,
    arithmetic: 'versioned checkpoints, 2,048 GiB of noncurrent versions (Storage Lens), no expiration: 2,048 x $0.023 = $47.10',
  },
  {
    rule: 's3-incomplete-multipart-uploads',
    resource: (i) => i.buckets.abandonedUploads,
    to: 'AbortIncompleteMultipartUpload',
    saving: null,
    arithmetic: 'an upload abandoned since 2010, no abort rule, no Storage Lens: the fix is proposed, the bytes (and saving) unknown',
  },
  {
    rule: 'idle-sagemaker-endpoint',
    resource: (i) => i.idleEndpoint,
    saving: 1075.14,
    arithmetic: 'delete 2 x ml.g4dn.xlarge with 0 invocations: $0.7364 x 730 x 2 = $1,075.14',
  },
  {
    rule: 'underused-sagemaker-endpoint',
    resource: (i) => i.underusedEndpoint,
    saving: 10722.24,
    arithmetic: '2 x ml.p3.8xlarge at 15% per GPU -> 1: $14.688 x 730 = $10,722.24',
  },
  {
    rule: 'idle-notebook',
    resource: (i) => i.idleNotebook,
    saving: 101.08,
    arithmetic: 'ml.t3.xlarge notebook idle 9 of 13 whole days, no auto-stop: $0.20 x 730 x 9/13 = $101.08',
  },
  {
    rule: 'idle-notebook',
    resource: (i) => i.untrackedNotebook,
    saving: null,
    arithmetic: 'notebook in service 200 days without auto-stop or agent: flagged on configuration, saving unknown (SageMaker publishes no notebook CPU)',
  },
];

/**
 * Rules whose end-to-end case this fleet does not seed — resources behind APIs moto lacks (served by the
 * loopback stand-in), training jobs' billed times (a proxy in front of moto), an hourly Invocations
 * profile, an EKS cluster, FSx file systems — each checked to the cent in its own file in this folder,
 * which must name it.
 */
const COVERED_ELSEWHERE: Readonly<Record<string, string>> = {
  'unused-capacity-reservation': 'collect-capacity.test.ts',
  'idle-capacity-block': 'collect-capacity.test.ts',
  'training-without-spot': 'collect-sagemaker-training.test.ts',
  'unused-warm-pool': 'collect-sagemaker-training.test.ts',
  'training-gpu-underused': 'collect-sagemaker-training.test.ts',
  'low-traffic-gpu-endpoint': 'collect-sagemaker-endpoint-traffic.test.ts',
  'idle-gpu-node': 'eks-collect.test.ts',
  'gpu-pod-idle': 'eks-collect.test.ts',
  'gpu-nodegroup-oversized': 'eks-collect.test.ts',
  'idle-fsx-lustre': 'collect-fsx.test.ts',
  'oversized-fsx-lustre': 'collect-fsx.test.ts',
  'unused-training-plan': 'collect-training-plans.test.ts',
  'idle-bedrock-provisioned-throughput': 'collect-bedrock-throughput.test.ts',
  'studio-app-without-idle-shutdown': 'collect-studio-apps.test.ts',
};

describe('every built-in rule against a two-region fleet in moto_server, through the built CLI', () => {
  it('the CLI exits 0 with JSON on stdout', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(result.scope.regions).toEqual([...REGIONS]);
  });

  it('the table covers every built-in rule (or names the test in this folder that does)', () => {
    expect([...new Set(CASES.map((c) => c.rule)), ...Object.keys(COVERED_ELSEWHERE)].sort()).toEqual(builtinRuleIds);
    for (const [rule, file] of Object.entries(COVERED_ELSEWHERE)) expect(readFileSync(join(import.meta.dirname, file), 'utf8')).toContain(`'${rule}'`);
  });

  // A loop, not it.each: the test name must carry the whole arithmetic, which it.each truncates.
  for (const { rule, resource, to, saving, arithmetic } of CASES) {
    it(`${rule}: ${arithmetic}`, () => {
      const on = findingsOn(resource(ids));
      expect(on.map((f) => f.ruleId)).toEqual([rule]);
      expect(on[0]?.monthlySavings).toBe(saving);
      if (to !== undefined) expect(on[0]?.action.to).toBe(to);
    });
  }

  it('each finding is one of the table, and nothing else is found', () => {
    const found = result.findings.map((f) => `${f.ruleId} ${f.resource.id}`).sort();
    expect(found).toEqual(CASES.map((c) => `${c.rule} ${c.resource(ids)}`).sort());
  });

  it('unknown savings are counted, not zero', () => {
    expect(result.totals.unpricedResources).toBeGreaterThanOrEqual(CASES.filter((c) => c.saving === null).length);
  });

  it('moves that lose to the chosen one are kept as alternatives (downsize before buying a commitment)', () => {
    const [f] = findingsOn(ids.instances.underusedGpu);
    // g5.12xlarge 3-year no-upfront RI (it ran the whole window): $5.672 x 730 - $2.4503 x 730 = $4,140.56 - $1,788.72
    expect(f?.evidence['alternatives']).toEqual([expect.objectContaining({ ruleId: 'buy-commitment', monthlySavings: 2351.84 })]);
  });

  it('the p3.8xlarge trade-off names what changes: GPU model, count, memory, vCPU', () => {
    const [f] = findingsOn(ids.eu.oneOfFourV100);
    expect(f?.resource.region).toBe('eu-west-1');
    expect(f?.tradeoff.summary).toMatch(/V100 -> A10G.*GPUs 4 -> 1.*vCPU 32 -> 16/);
  });

  it('findings carry the team tag and the price they were computed from', () => {
    const [f] = findingsOn(ids.instances.idleGpu);
    expect(f?.resource.team).toBe('vision');
    expect(f?.pricing.prices).toEqual([expect.objectContaining({ usd: 21.957642, unit: 'hour' })]);
  });
});

describe('negative cases', () => {
  it('busy GPU box already on Spot, and busy CPU box on Spot in the second region: no finding', () => {
    expect(findingsOn(ids.instances.busySpotGpu)).toEqual([]);
    expect(findingsOn(ids.eu.busySpotCpu)).toEqual([]);
  });

  it('busy GPU box on demand: purchase advice only, no idle/rightsize/schedule/modernize finding', () => {
    expect(findingsOn(ids.instances.steadyGpu).map((f) => f.category)).toEqual(['purchase-option']);
  });

  it('brand-new instance with 12 h of data: no finding', () => {
    expect(findingsOn(ids.instances.fresh)).toEqual([]);
  });

  it('notebook whose lifecycle config auto-stops it: no finding, though its agent shows it idle', () => {
    expect(findingsOn(ids.autoStopNotebook)).toEqual([]);
  });

  it('a bucket read every hour (request metrics): no storage-class move, however old', () => {
    expect(findingsOn(ids.buckets.featureStore)).toEqual([]);
  });
});

describe('what the collector read', () => {
  it('notebook CPU comes from the CloudWatch agent (100 - cpu_usage_idle), SageMaker publishing none', () => {
    expect(findingsOn(ids.idleNotebook)[0]?.evidence).toMatchObject({ idleDays: 9, observedDays: 13, cpu: { max: 8 } });
  });

  it('the cold bucket is judged by its whole-bucket request metrics: 0 GETs a day, high confidence', () => {
    const [f] = findingsOn(ids.buckets.coldArchive);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toMatchObject({ requestMetrics: true, getRequestsPerDay: 0, monthlyReadFraction: 0 });
  });
});
