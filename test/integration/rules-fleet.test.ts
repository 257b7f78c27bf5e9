/**
 * The storage and network rules end to end: a fleet created in moto_server through the real SDK,
 * collected by the live collector, evaluated with the built-in rules, each saving checked to the
 * cent against the embedded catalog. Rules that need CloudWatch history (GPU, CPU, SageMaker,
 * S3 request metrics) are covered by their table tests; seeding weeks of metrics into moto is
 * the next step for this file.
 */
import { AllocateAddressCommand, CreateSnapshotCommand, CreateVolumeCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

let moto: Moto;
let result: AuditResult;
const ids: Record<string, string> = {};

beforeAll(async () => {
  moto = await startMoto();
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  const gp2 = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 100, VolumeType: 'gp2' }));
  const gp3 = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 500, VolumeType: 'gp3' }));
  const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: gp3.VolumeId! }));
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  Object.assign(ids, { gp2: gp2.VolumeId!, gp3: gp3.VolumeId!, snap: snap.SnapshotId!, eip: eip.AllocationId! });
  const config = ConfigSchema.parse({});
  // Judge the fleet a year after it was created, so the volumes are long unattached and the snapshot old.
  const now = new Date(Date.now() + 365 * 86_400_000);
  const snapshot = await collectSnapshot({ config, regions: ['us-east-1'], allRegions: false, endpointUrl: moto.endpoint, lookbackDays: 14, org: false, prices: 'embedded', now });
  result = evaluate(snapshot, { rules: await loadRules(), config, now });
}, 120_000);
afterAll(async () => moto?.stop());

const finding = (resourceId: string) => result.findings.find((f) => f.resource.id === resourceId);

describe('storage and network rules against moto_server', () => {
  it('unattached gp2 volume: delete saves 100 x $0.10 = $10.00 (delete comes before the gp2 -> gp3 change)', () => {
    expect(finding(ids['gp2']!)).toMatchObject({ ruleId: 'unattached-volume', monthlySavings: 10 });
    expect(finding(ids['gp2']!)?.evidence['alternatives']).toEqual([expect.objectContaining({ ruleId: 'gp2-to-gp3', monthlySavings: 2 })]);
  });

  it('unattached gp3 volume: 500 x $0.08 = $40.00', () => {
    expect(finding(ids['gp3']!)).toMatchObject({ ruleId: 'unattached-volume', action: { kind: 'delete' }, monthlySavings: 40 });
  });

  it('unassociated Elastic IP: $0.005 x 730 = $3.65', () => {
    expect(finding(ids['eip']!)).toMatchObject({ ruleId: 'unassociated-eip', monthlySavings: 3.65 });
  });

  it('old snapshot: found, its saving unknown (null) with embedded prices', () => {
    expect(finding(ids['snap']!)).toMatchObject({ ruleId: 'old-snapshot', monthlySavings: null });
  });
});
