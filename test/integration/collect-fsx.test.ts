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
import { startSageMakerProxy, type SageMakerProxy } from './support/sagemaker-proxy.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/**
 * FSx for Lustre end to end: file systems created in moto_server through the real SDK, AWS/FSx
 * metrics seeded by FileSystemId, collected, judged by the FSx rules and priced from the dated
 * catalog; then the same account with DescribeFileSystems denied. moto has no
 * DescribeDataRepositoryAssociations: a stand-in proxy in front of moto answers it in AWS's JSON shape
 * (two pages), everything else goes to moto.
 */
const REGION = 'us-east-1';
const GIB = 2 ** 30;
let moto: Moto;
let proxy: Proxy;
let fsxAws: SageMakerProxy;
let snapshot: Snapshot;
let denied: Snapshot;
let draDenied: Snapshot;
let draDeniedResult: AuditResult;
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
  ids['orphan'] = await create('scratch-copy', 1200);
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
    series(ids['orphan'], 'DataReadBytes', 0),
    series(ids['orphan'], 'DataWriteBytes', 0),
  ]);
  fsxAws = await startSageMakerProxy(moto.endpoint, {
    service: { targetPrefix: 'AWSSimbaAPIService_v20180301.', iamPrefix: 'fsx' },
    answer: { DescribeDataRepositoryAssociations: (req) => (req['NextToken'] === 'page-2' ? secondPage() : firstPage()) },
  });
  snapshot = await collectSnapshot(options(fsxAws.url));
  result = evaluate(snapshot, { rules: await loadRules(), config: ConfigSchema.parse({}) });
  const denyDra = await startSageMakerProxy(moto.endpoint, {
    service: { targetPrefix: 'AWSSimbaAPIService_v20180301.', iamPrefix: 'fsx' },
    deny: ['DescribeDataRepositoryAssociations'],
  });
  draDenied = await collectSnapshot(options(denyDra.url));
  draDeniedResult = evaluate(draDenied, { rules: await loadRules(), config: ConfigSchema.parse({}) });
  await denyDra.stop();
  proxy = await startProxy(moto.endpoint, { faults: [{ service: 'fsx', operation: 'DescribeFileSystems', region: REGION, kind: 'deny', times: 10 }] });
  denied = await collectSnapshot(options(proxy.url));
}, 180_000);

/** DescribeDataRepositoryAssociations as AWS answers it (FSx API Reference), split over two pages. */
function association(fileSystemId: string, n: number, path: string, exportEvents: string[]) {
  return {
    AssociationId: `dra-0${n}23456789abcdef0`,
    ResourceARN: `arn:aws:fsx:${REGION}:123456789012:association/${fileSystemId}/dra-0${n}23456789abcdef0`,
    FileSystemId: fileSystemId,
    Lifecycle: 'AVAILABLE',
    FileSystemPath: `/ns${n}/`,
    DataRepositoryPath: path,
    BatchImportMetaDataOnCreate: true,
    ImportedFileChunkSize: 1024,
    S3: { AutoImportPolicy: { Events: ['NEW', 'CHANGED', 'DELETED'] }, ...(exportEvents.length ? { AutoExportPolicy: { Events: exportEvents } } : {}) },
    CreationTime: 1_760_000_000,
  };
}
const firstPage = () => ({ Associations: [association(ids['idle']!, 1, 's3://ml-datasets/imagenet/', [])], NextToken: 'page-2' });
const secondPage = () => ({ Associations: [association(ids['roomy']!, 2, 's3://ml-checkpoints/', ['NEW', 'CHANGED', 'DELETED'])] });

afterAll(async () => {
  await fsxAws.stop();
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

  it('idle file system: idle-fsx-lustre, export to its S3 repository then delete, 4800 GiB x $0.145 = $696.00 a month', () => {
    const f = finding('idle');
    expect(f).toMatchObject({ ruleId: 'idle-fsx-lustre', action: { kind: 'delete' } });
    expect(f?.resource.type).toBe('fsx-lustre-file-system');
    expect(f?.monthlySavings).toBe(696);
    expect(f?.action.description).toBe(
      `Export ${ids['idle']} to s3://ml-datasets/imagenet/ (an EXPORT_TO_REPOSITORY data repository task), then delete it; re-create it from S3 when a job needs it`,
    );
    expect(f?.tradeoff.performanceRisk).toBe('low');
  });

  it('reads every data repository association in one paginated listing per region and joins them by file system', () => {
    const byId = (id: string) => snapshot.resources.fsxLustreFileSystems.find((f) => f.id === ids[id]);
    expect(byId('idle')?.dataRepositories).toEqual([
      {
        associationId: 'dra-0123456789abcdef0',
        path: 's3://ml-datasets/imagenet/',
        fileSystemPath: '/ns1/',
        lifecycle: 'AVAILABLE',
        importEvents: ['NEW', 'CHANGED', 'DELETED'],
        exportEvents: [],
      },
    ]);
    expect(byId('roomy')?.dataRepositories?.[0]).toMatchObject({ path: 's3://ml-checkpoints/', exportEvents: ['NEW', 'CHANGED', 'DELETED'] });
    expect(byId('orphan')?.dataRepositories).toEqual([]);
    expect(fsxAws.calls.filter((c) => c.operation === 'DescribeDataRepositoryAssociations').map((c) => c.body['NextToken'] ?? null)).toEqual([null, 'page-2']);
  });

  it('an idle file system with no S3 repository: copy the data first, risk high, 1200 GiB x $0.145 = $174.00', () => {
    const f = finding('orphan');
    expect(f?.ruleId).toBe('idle-fsx-lustre');
    expect(f?.monthlySavings).toBe(174);
    expect(f?.action.description).toBe(
      `No S3 repository: copy the data first (to S3, or an FSx backup), then delete ${ids['orphan']}; re-create it when a job needs it`,
    );
    expect(f?.tradeoff.performanceRisk).toBe('high');
  });

  it('DescribeDataRepositoryAssociations denied: one warning, file systems kept, the move says the repositories are unknown', () => {
    expect(draDenied.resources.fsxLustreFileSystems).toHaveLength(3);
    expect(draDenied.resources.fsxLustreFileSystems.every((f) => f.dataRepositories === undefined)).toBe(true);
    const w = draDenied.warnings.filter((x) => x.service === 'fsx');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'access-denied', region: REGION });
    expect(w[0]?.message).toContain('DescribeDataRepositoryAssociations');
    const f = draDeniedResult.findings.find((x) => x.resource.id === ids['orphan']);
    expect(f?.action.description).toContain('its data repository associations could not be read');
    expect(f?.tradeoff.performanceRisk).toBe('medium');
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
    const fsxCalls = [...new Set(fsxAws.calls.map((c) => `fsx:${c.operation}`))];
    expect(fsxCalls).toEqual(['fsx:DescribeFileSystems', 'fsx:DescribeDataRepositoryAssociations']);
    for (const call of fsxCalls) expect(allowed).toContain(call);
  });
});
