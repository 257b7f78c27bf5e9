import { DescribeNodegroupCommand, paginateListClusters, paginateListNodegroups, type EKSClient, type Nodegroup } from '@aws-sdk/client-eks';
import { mapLimit } from '../aws/limiter.js';
import type { Ec2Instance, EksNodeGroup } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { ec2InstancesCollector } from './ec2-instances.js';

/**
 * EKS managed node groups (ListClusters, ListNodegroups, DescribeNodegroup) and Karpenter NodePools,
 * each with the EC2 instances that are its nodes. Nodes are joined by the tags EKS and Karpenter put
 * on the instances they launch (src/collect/tags.ts reads them): eks:cluster-name and
 * eks:nodegroup-name for managed node groups (https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html),
 * karpenter.sh/nodepool with eks:eks-cluster-name (Karpenter v1) or kubernetes.io/cluster/<name>=owned.
 * When an EKS API is denied, the warning names it and the region, and node groups are still formed
 * from the instances' tags (without their scaling configuration).
 */
export const eksNodeGroupsCollector = defineCollector({
  id: 'eks-node-groups',
  service: 'eks',
  scope: 'region',
  iamActions: ['eks:ListClusters', 'eks:ListNodegroups', 'eks:DescribeNodegroup'],
  resourceType: 'eks-node-group',
  step: 'eks',
  what: 'EKS node groups',
  after: [ec2InstancesCollector],
  collect: (ctx) => collectNodeGroups(ctx, ctx.resultOf(ec2InstancesCollector)?.instances ?? []),
  toSnapshot: (eksNodeGroups) => ({ resources: { eksNodeGroups } }),
  count: (groups) => groups.length,
});

export async function collectNodeGroups(ctx: RegionContext, instances: readonly Ec2Instance[]): Promise<EksNodeGroup[]> {
  const client = clientFor(ctx, 'eks');
  const where = `${ctx.account.accountId}/${ctx.region}`;
  const clusters = await guarded(
    ctx,
    'eks',
    `EKS clusters (eks:ListClusters in ${where})`,
    () => listClusters(client),
    'node groups are formed from EC2 tags only',
  );
  const described = (
    await mapLimit(clusters ?? [], 4, async (cluster) => {
      const names = await guarded(ctx, 'eks', `node groups of EKS cluster ${cluster} (eks:ListNodegroups in ${where})`, () => listNodegroups(client, cluster));
      return mapLimit(names ?? [], 4, (name) =>
        guarded(ctx, 'eks', `EKS node group ${cluster}/${name} (eks:DescribeNodegroup in ${where})`, () => describeNodegroup(client, cluster, name)),
      );
    })
  )
    .flat()
    .filter((g): g is Nodegroup => g !== undefined);
  return formGroups(ctx, described, instances);
}

async function listClusters(client: EKSClient): Promise<string[]> {
  const out: string[] = [];
  for await (const page of paginateListClusters({ client, pageSize: 100 }, {})) out.push(...(page.clusters ?? []));
  return out;
}

async function listNodegroups(client: EKSClient, clusterName: string): Promise<string[]> {
  const out: string[] = [];
  for await (const page of paginateListNodegroups({ client, pageSize: 100 }, { clusterName })) out.push(...(page.nodegroups ?? []));
  return out;
}

async function describeNodegroup(client: EKSClient, clusterName: string, nodegroupName: string): Promise<Nodegroup | undefined> {
  return (await client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))).nodegroup;
}

/** Node groups as described, plus those only the instances' tags show (a denied API, or Karpenter), each with its live nodes. */
export function formGroups(
  ctx: { account: { accountId: string }; region: string },
  described: readonly Nodegroup[],
  instances: readonly Ec2Instance[],
): EksNodeGroup[] {
  const members = new Map<string, Ec2Instance[]>();
  for (const inst of instances) {
    const m = inst.membership;
    if (inst.state === 'terminated' || m.eksCluster === undefined) continue;
    const key =
      m.eksNodeGroup !== undefined
        ? groupKey('eks-nodegroup', m.eksCluster, m.eksNodeGroup)
        : m.karpenterNodePool !== undefined
          ? groupKey('karpenter', m.eksCluster, m.karpenterNodePool)
          : undefined;
    if (key !== undefined) members.set(key, [...(members.get(key) ?? []), inst]);
  }
  const groups: EksNodeGroup[] = [];
  const base = (managedBy: EksNodeGroup['managedBy'], cluster: string, name: string) => {
    const nodes = (members.get(groupKey(managedBy, cluster, name)) ?? []).map((i) => ({ instanceId: i.id, metrics: {} }));
    members.delete(groupKey(managedBy, cluster, name));
    return { id: `${cluster}/${name}`, name, clusterName: cluster, accountId: ctx.account.accountId, region: ctx.region, managedBy, nodes };
  };
  for (const g of described) {
    if (!g.clusterName || !g.nodegroupName) continue;
    const s = g.scalingConfig;
    groups.push({
      ...base('eks-nodegroup', g.clusterName, g.nodegroupName),
      ...(g.nodegroupArn ? { arn: g.nodegroupArn } : {}),
      status: g.status ?? 'UNKNOWN',
      ...(g.createdAt ? { createdAt: new Date(g.createdAt).toISOString() } : {}),
      instanceTypes: g.instanceTypes ?? [],
      ...(g.capacityType ? { capacityType: g.capacityType } : {}),
      ...(g.amiType ? { amiType: g.amiType } : {}),
      ...(s ? { scaling: { minSize: s.minSize ?? 0, maxSize: s.maxSize ?? 0, desiredSize: s.desiredSize ?? 0 } } : {}),
      labels: g.labels ?? {},
      taints: (g.taints ?? []).flatMap((t) =>
        t.key !== undefined ? [{ key: t.key, ...(t.value !== undefined ? { value: t.value } : {}), effect: t.effect ?? '' }] : [],
      ),
      tags: g.tags ?? {},
    });
  }
  // What no API described: Karpenter pools, and managed node groups whose EKS calls failed.
  for (const [key, nodes] of members) {
    const [managedBy, cluster, name] = JSON.parse(key) as [EksNodeGroup['managedBy'], string, string];
    const types = [...new Set(nodes.map((n) => n.type))].sort();
    groups.push({
      ...base(managedBy, cluster, name),
      status: 'UNKNOWN',
      instanceTypes: types,
      ...(nodes.every((n) => n.lifecycle === 'spot') ? { capacityType: 'SPOT' } : {}),
      labels: {},
      taints: [],
      tags: sharedTags(nodes),
    });
  }
  return groups;
}

/** The tags every node carries (a team tag set on the NodePool or launch template): the group's tags when no API gave them. */
function sharedTags(nodes: readonly Ec2Instance[]): Record<string, string> {
  const [first, ...rest] = nodes;
  return Object.fromEntries(Object.entries(first?.tags ?? {}).filter(([k, v]) => !k.startsWith('aws:') && rest.every((n) => n.tags[k] === v)));
}

function groupKey(managedBy: EksNodeGroup['managedBy'], cluster: string, name: string): string {
  return JSON.stringify([managedBy, cluster, name]);
}
