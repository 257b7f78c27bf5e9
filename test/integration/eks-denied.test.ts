import { CreateClusterCommand, CreateNodegroupCommand, EKSClient } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../../bench/collect/proxy.js';
import { launch, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { collectSnapshot } from '../../src/collect/run.js';
import { ConfigSchema } from '../../src/config/schema.js';
import type { Snapshot } from '../../src/snapshot/schema.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

/** The EKS API denied (a role without eks:List*): one warning naming the API and region, and node groups still formed from the nodes' tags. */
const REGION = 'us-west-2';
let moto: Moto;
let proxy: Proxy;
let snapshot: Snapshot;
const ids: string[] = [];

beforeAll(async () => {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
  moto = await startMoto();
  const { ec2 } = seedClients(moto.endpoint, REGION);
  const eks = new EKSClient({ region: REGION, endpoint: moto.endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 2 });
  await eks.send(new CreateClusterCommand({ name: 'ml', roleArn: 'arn:aws:iam::123456789012:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1'] } }));
  await eks.send(
    new CreateNodegroupCommand({ clusterName: 'ml', nodegroupName: 'gpu', nodeRole: 'arn:aws:iam::123456789012:role/node', subnets: ['subnet-1'] }),
  );
  ids.push(...(await launch(ec2, 'g5.xlarge', 2, { 'eks:cluster-name': 'ml', 'eks:nodegroup-name': 'gpu', team: 'vision' })).map((l) => l.id));
  proxy = await startProxy(moto.endpoint, { faults: [{ service: 'eks', region: REGION, kind: 'deny', times: 100 }] });
  snapshot = await collectSnapshot({
    config: ConfigSchema.parse({}),
    regions: [REGION],
    allRegions: false,
    endpointUrl: proxy.url,
    lookbackDays: 14,
    org: false,
    prices: 'embedded',
    maxAttempts: 2,
  });
}, 120_000);

afterAll(async () => {
  await stopAll(proxy, moto);
});

describe('collect: EKS API denied', () => {
  it('warns once, naming the API and the region', () => {
    const eksWarnings = snapshot.warnings.filter((w) => w.service === 'eks');
    expect(eksWarnings).toHaveLength(1);
    expect(eksWarnings[0]).toMatchObject({ code: 'access-denied', region: REGION });
    expect(eksWarnings[0]?.message).toContain(`eks:ListClusters in 123456789012/${REGION}`);
    expect(eksWarnings[0]?.message).toContain('node groups are formed from EC2 tags only');
  });
  it("still forms the node group from its nodes' tags, without its scaling configuration", () => {
    expect(snapshot.resources.eksNodeGroups).toHaveLength(1);
    const g = snapshot.resources.eksNodeGroups[0]!;
    expect(g).toMatchObject({ id: 'ml/gpu', managedBy: 'eks-nodegroup', status: 'UNKNOWN', instanceTypes: ['g5.xlarge'], tags: { team: 'vision' } });
    expect(g.scaling).toBeUndefined();
    expect(g.nodes.map((n) => n.instanceId).sort()).toEqual([...ids].sort());
  });
});
