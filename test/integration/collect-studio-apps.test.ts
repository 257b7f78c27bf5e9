import { CreateDomainCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectWithUsage, type CollectUsage } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { ec2Xml, startEc2Proxy, type Ec2Answer, type Ec2Proxy } from './support/ec2-proxy.js';
import { json, startLoopback, type Loopback } from './support/loopback-aws.js';
import { describeSpace, describeUserProfile, listApps, type RecordedApp } from './support/studio-aws.js';
import { sagemakerAccessDenied } from './support/training-plans-aws.js';

/**
 * Studio apps end to end over the wire: the domains live in moto_server (CreateDomain with
 * DefaultUserSettings, read back by DescribeDomain), and the APIs moto lacks (ListApps,
 * DescribeSpace, DescribeUserProfile) come from the loopback stand-in in AWS's shapes. Domain
 * "research" sets no idle shutdown; domain "platform" enables it for JupyterLab (60 min).
 */
const ACCOUNT = '123456789012';
const HOUR = 3_600_000;
const NOW = new Date(Math.floor(Date.now() / HOUR) * HOUR);
const hoursAgo = (h: number) => (NOW.getTime() - h * HOUR) / 1000;
const RESEARCH = 'd-research';
const PLATFORM = 'd-platform';

const app = (a: Partial<RecordedApp> & Pick<RecordedApp, 'DomainId' | 'AppType' | 'AppName'>): RecordedApp => ({
  Status: 'InService',
  CreationTime: hoursAgo(72),
  ...a,
});
const GPU_NO_SHUTDOWN = app({
  DomainId: RESEARCH,
  SpaceName: 'alice-gpu',
  AppType: 'JupyterLab',
  AppName: 'default',
  ResourceSpec: { InstanceType: 'ml.g5.2xlarge' },
});
const GPU_WITH_SHUTDOWN = app({
  DomainId: PLATFORM,
  SpaceName: 'bob-gpu',
  AppType: 'JupyterLab',
  AppName: 'default',
  ResourceSpec: { InstanceType: 'ml.g5.4xlarge' },
});
const SYSTEM_KG = app({ DomainId: RESEARCH, UserProfileName: 'alice', AppType: 'KernelGateway', AppName: 'default', ResourceSpec: { InstanceType: 'system' } });
const DELETED = app({
  DomainId: RESEARCH,
  SpaceName: 'alice-gpu',
  AppType: 'JupyterLab',
  AppName: 'old',
  Status: 'Deleted',
  ResourceSpec: { InstanceType: 'ml.p4d.24xlarge' },
});

const SPACES = [
  {
    DomainId: RESEARCH,
    SpaceName: 'alice-gpu',
    OwnershipSettings: { OwnerUserProfileName: 'alice' },
    SpaceSharingSettings: { SharingType: 'Private' as const },
    SpaceSettings: { AppType: 'JupyterLab', SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 50 } } },
  },
  {
    DomainId: PLATFORM,
    SpaceName: 'bob-gpu',
    OwnershipSettings: { OwnerUserProfileName: 'bob' },
    SpaceSharingSettings: { SharingType: 'Private' as const },
    SpaceSettings: { AppType: 'JupyterLab', JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 120 } } } },
  },
];
const PROFILES = [
  { DomainId: RESEARCH, UserProfileName: 'alice', UserSettings: {} },
  { DomainId: PLATFORM, UserProfileName: 'bob', UserSettings: { ExecutionRole: 'arn:aws:iam::123456789012:role/sm' } },
];
// What a newer or damaged API answer could hold: an app without AppType, a LifecycleManagement value this code does not know.
const NO_TYPE = { DomainId: RESEARCH, SpaceName: 'alice-gpu', AppName: 'odd', Status: 'InService' } as unknown as RecordedApp;
const ODD_PROFILES = [
  {
    DomainId: RESEARCH,
    UserProfileName: 'alice',
    UserSettings: { JupyterLabAppSettings: { AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'PAUSED', IdleTimeoutInMinutes: 90 } } } },
  },
  PROFILES[1]!,
];

let moto: Moto;
let proxy: Ec2Proxy;
let savingsPlans: Loopback;
let deny: string | undefined;
let malformed = false;
let snapshot: Snapshot;
let usage: CollectUsage;

const collect = () => collectWithUsage(testCollectOptions(proxy.url, { now: NOW }));
const orDenied =
  (operation: string, answer: Ec2Answer): Ec2Answer =>
  (call) =>
    deny === operation ? sagemakerAccessDenied(operation) : answer(call);

beforeAll(async () => {
  moto = await startMoto();
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  const sm = new SageMakerClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: TEST_CREDENTIALS });
  const domain = (name: string, jupyterLab: Record<string, unknown>) =>
    sm.send(
      new CreateDomainCommand({
        DomainName: name,
        AuthMode: 'IAM',
        SubnetIds: ['subnet-1'],
        VpcId: 'vpc-1',
        DefaultUserSettings: { ExecutionRole: `arn:aws:iam::${ACCOUNT}:role/sm`, JupyterLabAppSettings: jupyterLab },
      }),
    );
  await domain('research', {});
  await domain('platform', {
    AppLifecycleManagement: { IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 60, MaxIdleTimeoutInMinutes: 240 } },
  });
  sm.destroy();
  proxy = await startEc2Proxy(moto.endpoint, {
    'SageMaker.ListApps': orDenied('ListApps', (call) =>
      listApps(
        malformed
          ? [
              [GPU_NO_SHUTDOWN, NO_TYPE],
              [GPU_WITH_SHUTDOWN, SYSTEM_KG],
            ]
          : [
              [GPU_NO_SHUTDOWN, DELETED],
              [GPU_WITH_SHUTDOWN, SYSTEM_KG],
            ],
      )(call),
    ),
    'SageMaker.DescribeSpace': orDenied('DescribeSpace', describeSpace(SPACES)),
    'SageMaker.DescribeUserProfile': orDenied('DescribeUserProfile', (call) => describeUserProfile(malformed ? ODD_PROFILES : PROFILES)(call)),
    // moto lacks these; answered empty so the only warnings are the ones the test causes.
    'SageMaker.ListTrainingPlans': () => json(200, { TrainingPlanSummaries: [] }, undefined, 'application/x-amz-json-1.1'),
    DescribeCapacityReservations: () => ec2Xml('DescribeCapacityReservations', '<capacityReservationSet/>'),
    DescribeReservedInstances: () => ec2Xml('DescribeReservedInstances', '<reservedInstancesSet/>'),
  });
  savingsPlans = await startLoopback(() => json(200, { savingsPlans: [] }));
  ({ snapshot, usage } = await collect());
}, 180_000);

afterAll(async () => {
  await stopAll(savingsPlans, proxy, moto);
});

describe('SageMaker Studio apps collected over the wire', () => {
  it('pages ListApps and describes each domain, space and governing profile once', () => {
    const answered = (op: string) =>
      proxy.answered
        .filter((c) => c.action === `SageMaker.${op}`)
        .map((c) => c.json)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(answered('ListApps').map((b) => b?.['NextToken'] ?? null)).toEqual([null, '1']);
    expect(answered('DescribeSpace')).toEqual([
      { DomainId: PLATFORM, SpaceName: 'bob-gpu' },
      { DomainId: RESEARCH, SpaceName: 'alice-gpu' },
    ]);
    expect(answered('DescribeUserProfile')).toEqual([
      { DomainId: PLATFORM, UserProfileName: 'bob' },
      { DomainId: RESEARCH, UserProfileName: 'alice' },
    ]);
    expect(usage.apiCalls['sagemaker:DescribeDomain']).toBe(2);
  });

  it('keeps InService apps with the settings of each level, as read', () => {
    const apps = snapshot.resources.sagemakerStudioApps;
    expect(apps.map((a) => [a.id, a.instanceType])).toEqual([
      ['d-research/alice-gpu/JupyterLab/default', 'ml.g5.2xlarge'],
      ['d-platform/bob-gpu/JupyterLab/default', 'ml.g5.4xlarge'],
      ['d-research/alice/KernelGateway/default', 'system'],
    ]);
    expect(apps[0]).toMatchObject({
      domainName: 'research',
      space: { ownerUserProfileName: 'alice', sharingType: 'Private', ebsVolumeSizeGb: 50 },
      idleSettings: {},
    });
    expect(apps[0]?.creationTime).toBe(new Date(hoursAgo(72) * 1000).toISOString());
    expect(apps[1]?.idleSettings).toEqual({
      space: { idleTimeoutMinutes: 120 },
      domainUserDefault: { lifecycleManagement: 'ENABLED', idleTimeoutMinutes: 60 },
    });
    expect(apps[2]?.idleSettings).toEqual({});
  });

  it('finds exactly the GPU app without idle shutdown: $1.52 x 730 x 15/24 = $693.50', async () => {
    const result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}), now: NOW });
    const found = result.findings.filter((f) => f.resource.type === 'sagemaker-studio-app');
    expect(found.map((f) => [f.resource.id, f.ruleId, f.monthlySavings])).toEqual([
      ['d-research/alice-gpu/JupyterLab/default', 'studio-app-without-idle-shutdown', 693.5],
    ]);
  });

  it('the printed IAM policy includes every Studio API the collector calls', () => {
    expect(minimalPolicy().Statement[0]?.Action).toEqual(
      expect.arrayContaining(['sagemaker:ListApps', 'sagemaker:DescribeDomain', 'sagemaker:DescribeSpace', 'sagemaker:DescribeUserProfile']),
    );
  });

  it('DescribeUserProfile denied: one warning naming the API and region; the apps stay, their idle shutdown unknown, no finding', async () => {
    deny = 'DescribeUserProfile';
    try {
      const partial = await collect();
      const w = partial.snapshot.warnings.filter((x) => x.code === 'access-denied');
      expect(w).toHaveLength(1);
      expect(w[0]).toMatchObject({ accountId: ACCOUNT, region: 'us-east-1', service: 'sagemaker' });
      expect(w[0]?.message).toMatch(
        /^123456789012\/us-east-1: could not read SageMaker Studio user profiles \(DescribeUserProfile\) for 2 of 2 \(AccessDeniedException/,
      );
      expect(partial.snapshot.resources.sagemakerStudioApps).toHaveLength(3);
      const result = evaluate(partial.snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}), now: NOW });
      expect(result.findings.filter((f) => f.resource.type === 'sagemaker-studio-app')).toEqual([]);
    } finally {
      deny = undefined;
    }
  });

  it('ListApps denied: one warning naming it, nothing else lost', async () => {
    deny = 'ListApps';
    try {
      const partial = await collect();
      const w = partial.snapshot.warnings.filter((x) => x.code === 'access-denied');
      expect(w).toHaveLength(1);
      expect(w[0]?.message).toMatch(/^123456789012\/us-east-1: could not read SageMaker Studio apps \(ListApps\) \(AccessDeniedException/);
      expect(partial.snapshot.resources.sagemakerStudioApps).toEqual([]);
    } finally {
      deny = undefined;
    }
  });

  it('DescribeSpace denied: one warning naming it; the owner is unknown too, so no app is judged', async () => {
    deny = 'DescribeSpace';
    try {
      const partial = await collect();
      const w = partial.snapshot.warnings.filter((x) => x.code === 'access-denied');
      expect(w.map((x) => x.message.replace(/ \(AccessDeniedException.*$/, ''))).toEqual([
        '123456789012/us-east-1: could not read SageMaker Studio spaces (DescribeSpace) for 2 of 2',
      ]);
      const apps = partial.snapshot.resources.sagemakerStudioApps;
      expect(apps[0]?.idleSettings).toEqual({ space: 'unread', userProfile: 'unread' });
      expect(partial.snapshot.resources.sagemakerStudioApps.map((a) => a.space)).toEqual([undefined, undefined, undefined]);
      const result = evaluate(partial.snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}), now: NOW });
      expect(result.findings.filter((f) => f.resource.type === 'sagemaker-studio-app')).toEqual([]);
    } finally {
      deny = undefined;
    }
  });

  it('malformed answers: an app without AppType is dropped with a warning naming it; an unknown LifecycleManagement is left out, its timeout kept', async () => {
    malformed = true;
    try {
      const partial = await collect();
      const w = partial.snapshot.warnings.filter((x) => x.code === 'invalid-response');
      expect(w.map((x) => [x.resourceId, x.message])).toEqual([['odd', expect.stringMatching(/^123456789012\/us-east-1: dropped Studio app odd: appType: /)]]);
      const apps = partial.snapshot.resources.sagemakerStudioApps;
      expect(apps.map((a) => a.id)).toEqual([
        'd-research/alice-gpu/JupyterLab/default',
        'd-platform/bob-gpu/JupyterLab/default',
        'd-research/alice/KernelGateway/default',
      ]);
      expect(apps[0]?.idleSettings).toEqual({ userProfile: { idleTimeoutMinutes: 90 } });
    } finally {
      malformed = false;
    }
  });
});
