/**
 * Every built-in rule end to end: a fleet created in moto_server through the real SDK
 * (test/helpers/fleet.ts), read by the live collector, evaluated with all built-in rules. Each of
 * the 17 rules must be the chosen finding on exactly one resource, its monthly saving equal to
 * the cent to the figure worked out by hand below from the embedded catalog
 * (src/catalog/data, us-east-1 list prices; a month is 730 h; each monthly figure is rounded to
 * the cent before differences are taken, as the engine does).
 *
 * Spot prices come from moto's DescribeSpotPriceHistory, which quotes $0.00001/h in every zone:
 * below 10% of on-demand, so use-spot distrusts it and uses the Spot Instance Advisor's typical saving.
 * Reserved rates: the embedded catalog has the 1-year no-upfront Standard RI rate of accelerated
 * types (src/catalog/data/ec2-accelerated-regional-prices.json); 3-year and CPU-family rates only
 * come from the Pricing API, so those are unknown (null), never a guess.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult, Finding } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { fleetNow, REGION, seedFleet, type FleetIds } from '../helpers/fleet.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

let moto: Moto;
let ids: FleetIds;
let snapshot: Snapshot;
let result: AuditResult;
let builtinRuleIds: string[];

beforeAll(async () => {
  moto = await startMoto();
  const now = fleetNow();
  ids = await seedFleet(moto.endpoint, now);
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  const config = ConfigSchema.parse({});
  const rules = await loadRules();
  builtinRuleIds = rules.map((r) => r.spec.id).sort();
  snapshot = await collectSnapshot({
    config,
    regions: [REGION],
    allRegions: false,
    endpointUrl: moto.endpoint,
    lookbackDays: 14,
    org: false,
    prices: 'embedded',
    now,
  });
  result = evaluate(snapshot, { rules, config, now });
}, 180_000);
afterAll(() => stopAll(moto));

const findingsOn = (id: string): Finding[] => result.findings.filter((f) => f.resource.id === id);
/** The fleet's findings: the untracked notebook (no saving to check) is judged apart. */
const fleetFindings = (): Finding[] => result.findings.filter((f) => f.resource.id !== ids.untrackedNotebook);

interface Case {
  rule: string;
  resource: (ids: FleetIds) => string;
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
    resource: (i) => i.instances.underusedGpu,
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
    saving: 205.04,
    arithmetic: 'busy g6.xlarge on demand 100% of the window -> 1-year no-upfront RI: $0.8048 x 730 - $0.52392 x 730 = $587.50 - $382.46 = $205.04',
  },
  {
    rule: 'previous-generation',
    resource: (i) => i.instances.oldGenGpu,
    saving: 1048.28,
    arithmetic: 'p3.2xlarge (V100, peak 10 GiB) -> g5.4xlarge: $3.06 x 730 - $1.624 x 730 = $2,233.80 - $1,185.52 = $1,048.28',
  },
  {
    rule: 'gp2-to-gp3',
    resource: (i) => i.gp2,
    saving: 5,
    arithmetic: 'gp2 500 GiB -> gp3 at 3,000 IOPS, 250 MiB/s: 500 x ($0.10 - $0.08) - 125 MiB/s x $0.04 = $10.00 - $5.00 = $5.00',
  },
  {
    rule: 'io-overprovisioned',
    resource: (i) => i.io1,
    saving: 9,
    arithmetic: 'io1 200 GiB at 10,000 IOPS, peak 1,500 -> gp3: 200 x ($0.125 - $0.08) = $9.00 (IOPS charge unpriced)',
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
    resource: (i) => i.bucket,
    saving: 102.52,
    arithmetic: '10 TiB in Standard, 2M objects -> Intelligent-Tiering: 10,240 GiB x ($0.023 - $0.0125) - 2,000 x $0.0025 = $107.52 - $5.00 = $102.52',
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
    saving: 104.29,
    arithmetic: 'ml.t3.xlarge notebook idle 10 of 14 days, no auto-stop: $0.20 x 730 x 10/14 = $104.29',
  },
];

/** Rules on resources moto_server cannot hold (APIs it lacks): each has its end-to-end test over the loopback stand-in, in this folder. */
const OVER_STAND_IN: Readonly<Record<string, string>> = {
  'unused-capacity-reservation': 'collect-capacity.test.ts',
  'idle-capacity-block': 'collect-capacity.test.ts',
  'unused-training-plan': 'collect-training-plans.test.ts',
  'idle-bedrock-provisioned-throughput': 'collect-bedrock-throughput.test.ts',
};

describe('every built-in rule against a fleet in moto_server', () => {
  it('the table covers every built-in rule once (or names the stand-in test that does)', () => {
    expect([...CASES.map((c) => c.rule), ...Object.keys(OVER_STAND_IN)].sort()).toEqual(builtinRuleIds);
    for (const [rule, file] of Object.entries(OVER_STAND_IN)) expect(readFileSync(join(import.meta.dirname, file), 'utf8')).toContain(`ruleId: '${rule}'`);
  });

  // A loop, not it.each: the test name must carry the whole arithmetic, which it.each truncates.
  for (const { rule, resource, saving, arithmetic } of CASES) {
    it(`${rule}: ${arithmetic}`, () => {
      const on = findingsOn(resource(ids));
      expect(on.map((f) => f.ruleId)).toEqual([rule]);
      expect(on[0]?.monthlySavings).toBe(saving);
    });
  }

  it('each rule fires exactly once, on its own resource, and nothing else is found', () => {
    const byRule = new Map<string, string[]>();
    for (const f of fleetFindings()) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f.resource.id]);
    expect(Object.fromEntries(byRule)).toEqual(Object.fromEntries(CASES.map((c) => [c.rule, [c.resource(ids)]])));
  });

  it('moves that lose to the chosen one are kept as alternatives (downsize before buying a commitment)', () => {
    const [f] = findingsOn(ids.instances.underusedGpu);
    // g5.12xlarge 1-year no-upfront RI: $5.672 x 730 - $3.57336 x 730 = $4,140.56 - $2,608.55
    expect(f?.evidence['alternatives']).toEqual([expect.objectContaining({ ruleId: 'buy-commitment', monthlySavings: 1532.01 })]);
    expect(f?.action).toMatchObject({ kind: 'downsize', from: 'g5.12xlarge', to: 'g6.xlarge' });
  });

  it('findings carry the team tag and the price they were computed from', () => {
    const [f] = findingsOn(ids.instances.idleGpu);
    expect(f?.resource.team).toBe('vision');
    expect(f?.pricing.prices).toEqual([expect.objectContaining({ usd: 21.957642, unit: 'hour' })]);
  });
});

describe('negative cases', () => {
  it('busy GPU box (85% GPU, already on Spot): no finding', () => {
    expect(findingsOn(ids.instances.busySpotGpu)).toEqual([]);
  });

  it('busy GPU box on demand: purchase advice only, no idle/rightsize/schedule/modernize finding', () => {
    expect(findingsOn(ids.instances.steadyGpu).map((f) => f.category)).toEqual(['purchase-option']);
  });

  it('brand-new instance with 12 h of data: no finding', () => {
    expect(snapshot.resources.ec2Instances.find((i) => i.id === ids.instances.fresh)?.metrics.cpu?.observedHours).toBe(12);
    expect(findingsOn(ids.instances.fresh)).toEqual([]);
  });

  it('notebook whose lifecycle config auto-stops it: no finding, though its agent shows it idle', () => {
    expect(snapshot.resources.sagemakerNotebooks.find((n) => n.name === ids.autoStopNotebook)).toMatchObject({ autoStop: true, metrics: { cpu: { max: 1 } } });
    expect(findingsOn(ids.autoStopNotebook)).toEqual([]);
  });
});

describe('what the collector read', () => {
  it('notebook CPU comes from the CloudWatch agent (100 - cpu_usage_idle), SageMaker publishing none', () => {
    const nb = snapshot.resources.sagemakerNotebooks.find((n) => n.name === ids.idleNotebook);
    expect(nb?.metrics.cpu).toMatchObject({ max: 8, p50: 2, datapoints: 14, observedHours: 336 });
    expect(snapshot.resources.sagemakerNotebooks.find((n) => n.name === ids.untrackedNotebook)?.metrics.cpu).toBeUndefined();
  });

  it("only the account's own snapshots, though moto ignores DescribeSnapshots' OwnerIds filter", () => {
    expect(snapshot.resources.ebsSnapshots.map((s) => s.id)).toEqual([ids.oldSnapshot]);
  });
});

/** SageMaker publishes no notebook metrics: without the agent the move stands on configuration, its saving unknown. */
it('notebook in service 200 days without auto-stop or agent: flagged on configuration, saving unknown', () => {
  expect(findingsOn(ids.untrackedNotebook)).toEqual([
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types asymmetric matchers as any
    expect.objectContaining({ ruleId: 'idle-notebook', action: expect.objectContaining({ kind: 'schedule' }), monthlySavings: null, confidence: 'low' }),
  ]);
});
