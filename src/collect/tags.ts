import type { Ec2Instance } from '../snapshot/schema.js';

/** The fields an EC2-family resource starts with: its id, where it lives, and its Name tag when set. */
export function identity(
  id: string,
  ctx: { account: { accountId: string }; region: string },
  tags: Readonly<Record<string, string>>,
): { id: string; accountId: string; region: string; name?: string } {
  return { id, accountId: ctx.account.accountId, region: ctx.region, ...(tags['Name'] ? { name: tags['Name'] } : {}) };
}

export function tagMap(tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return out;
}

/**
 * Who launches and replaces an instance, from the tags each system writes: stopping a fleet
 * member is pointless (it comes back), so rules treat them differently.
 */
export function membershipFromTags(tags: Readonly<Record<string, string>>): Ec2Instance['membership'] {
  const m: Ec2Instance['membership'] = {};
  const asg = tags['aws:autoscaling:groupName'];
  if (asg) m.autoScalingGroup = asg;
  const nodeGroup = tags['eks:nodegroup-name'];
  if (nodeGroup) m.eksNodeGroup = nodeGroup;
  // eks:cluster-name on managed node groups' instances, eks:eks-cluster-name on Karpenter v1's.
  const cluster = tags['eks:cluster-name'] ?? tags['eks:eks-cluster-name'] ?? clusterFromOwnershipTag(tags) ?? tags['aws:eks:cluster-name'];
  if (cluster) m.eksCluster = cluster;
  const pool = tags['karpenter.sh/nodepool'] ?? tags['karpenter.sh/provisioner-name'];
  if (pool) m.karpenterNodePool = pool;
  // AWS Batch tags its workers AWSBatchServiceTag=batch and names their ASG AWSBatch-<compute environment>-asg-<id>.
  if (tags['AWSBatchServiceTag'] !== undefined || asg?.startsWith('AWSBatch-')) {
    m.batchComputeEnvironment = /^AWSBatch-(.+)-asg-/.exec(asg ?? '')?.[1] ?? asg ?? 'batch';
  }
  return m;
}

function clusterFromOwnershipTag(tags: Readonly<Record<string, string>>): string | undefined {
  const key = Object.keys(tags).find((k) => k.startsWith('kubernetes.io/cluster/') && tags[k] === 'owned');
  return key?.slice('kubernetes.io/cluster/'.length);
}
