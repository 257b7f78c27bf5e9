import { CreateFileSystemCommand, FSxClient } from '@aws-sdk/client-fsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../../bench/collect/proxy.js';
import { daily, launch, putSeries, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { collectSnapshot } from '../../src/collect/run.js';
import type { CollectOptions } from '../../src/collect/types.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/engine/evaluate.js';
import type { AuditResult } from '../../src/engine/result.js';
import { loadRules } from '../../src/engine/rules/load.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { testCollectOptions } from '../helpers/collect-options.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * FSx for Lustre end to end: file systems created in moto_server through the real SDK, AWS/FSx
 * metrics seeded by FileSystemId, collected, judged by the FSx rules and priced from the dated
 * catalog; then the same account with DescribeFileSystems denied.
 */
const REGION = 'us-east-1';
const GIB = 2 ** 30;
let moto: Moto;
let proxy: Proxy;
let snapshot: Snapshot;
let denied: Snapshot;
let result: AuditResult;
const ids: Record<string, string> = {};

const options = (endpointUrl: string): CollectOptions => testCollectOptions(endpointUrl, { regions: [REGION] });

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  moto = await startMoto();
  const { ec2, cw } = seedClients(moto.endpoint, REGION);
  await launch(ec2, 'm5.large', 1, { Name: 'still-collected' });
  const fsx = new FSxClient({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  const create = async (name: string, capacity: number) => {
    const out = await fsx.send(
      new CreateFileSystemCommand({
        FileSystemType: 'LUSTRE',
        StorageCapacity: capacity,
        StorageType: 'SSD',
        SubnetIds: ['subnet-12345678'],
        LustreConfiguration: { DeploymentType: 'PERSISTENT_2', PerUnitStorageThroughput: 125, DataCompressionType: 'LZ4' },
        Tags: [
          { Key: 'Name', Value: name },
          { Key: 'team', Value: 'research' },
        ],
      }),
    );
    return out.FileSystem?.FileSystemId ?? '';
  };
  ids['idle'] = await create('imagenet-stage', 4800);
  ids['roomy'] = await create('checkpoints', 9600);
  const series = (id: string, name: string, v: number) => ({
    namespace: 'AWS/FSx',
    metricName: name,
    dimensions: { FileSystemId: id },
    points: daily(new Date(), 14, () => v),
  });
  await putSeries(cw, [
    series(ids['idle'], 'DataReadBytes', 0),
    series(ids['idle'], 'DataWriteBytes', 0),
    series(ids['idle'], 'FreeDataStorageCapacity', 4300 * GIB),
    series(ids['roomy'], 'DataReadBytes', 900 * GIB),
    series(ids['roomy'], 'DataWriteBytes', 40 * GIB),
    // At most 1,500 GiB stored of 9,600: 1500 / 0.75 = 2,000 GiB -> 2,400 GiB.
    series(ids['roomy'], 'FreeDataStorageCapacity', 8100 * GIB),
  ]);
  snapshot = await collectSnapshot(options(moto.endpoint));
  result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}) });
  proxy = await startProxy(moto.endpoint, { faults: [{ service: 'fsx', operation: 'DescribeFileSystems', region: REGION, kind: 'deny', times: 10 }] });
  denied = await collectSnapshot(options(proxy.url));
}, 180_000);

afterAll(async () => {
  await proxy.stop();
  await stopAll(moto);
});

const finding = (key: string) => result.findings.find((f) => f.resource.id === ids[key]);

describe('collect: FSx for Lustre against moto_server', () => {
  it('reads each Lustre file system: deployment, capacity, throughput tier, compression, tags, AWS/FSx summaries', () => {
    const fs = snapshot.resources.fsxLustreFileSystems.find((f) => f.id === ids['idle']);
    expect(fs).toMatchObject({
      region: REGION,
      name: 'imagenet-stage',
      deploymentType: 'PERSISTENT_2',
      storageType: 'SSD',
      storageCapacityGiB: 4800,
      perUnitStorageThroughput: 125,
      dataCompression: 'LZ4',
      tags: { team: 'research' },
    });
    expect(fs?.metrics.dataReadBytes?.sum).toBe(0);
    expect(fs?.metrics.usedDataStorageBytes?.max).toBe(500 * GIB);
  });

  it('idle file system: idle-fsx-lustre, delete, 4800 GiB x $0.145 = $696.00 a month', () => {
    const f = finding('idle');
    expect(f).toMatchObject({ ruleId: 'idle-fsx-lustre', action: { kind: 'delete' } });
    expect(f?.resource.type).toBe('fsx-lustre-file-system');
    expect(f?.monthlySavings).toBe(696);
  });

  it('busy but mostly empty: oversized-fsx-lustre, 9600 -> 2400 GiB, (9600 - 2400) x $0.145 = $1,044.00', () => {
    const f = finding('roomy');
    expect(f).toMatchObject({ ruleId: 'oversized-fsx-lustre', action: { kind: 'downsize', from: '9600 GiB', to: '2400 GiB' } });
    expect(f?.monthlySavings).toBe(1044);
  });

  it('DescribeFileSystems denied: one warning naming the API and region, the rest of the audit intact', () => {
    expect(denied.resources.fsxLustreFileSystems).toEqual([]);
    const w = denied.warnings.filter((x) => x.service === 'fsx');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'access-denied', region: REGION });
    expect(w[0]?.message).toContain('DescribeFileSystems');
    expect(w[0]?.message).toContain(REGION);
    expect(denied.resources.ec2Instances).toHaveLength(1);
  });

  it('every FSx call the collection made is in `mlcost permissions` (declared by the collector)', () => {
    const allowed = new Set(minimalPolicy().Statement.flatMap((s) => s.Action));
    const fsxCalls = [...proxy.calls.keys()].filter((k) => k.startsWith('fsx:'));
    expect(fsxCalls).toEqual(['fsx:DescribeFileSystems']);
    for (const call of fsxCalls) expect(allowed).toContain(call);
  });
});
