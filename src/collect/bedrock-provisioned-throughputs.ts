import { paginateListProvisionedModelThroughputs, type ProvisionedModelSummary } from '@aws-sdk/client-bedrock';
import { BedrockProvisionedThroughputSchema, type BedrockProvisionedThroughput } from '../snapshot/types/bedrock-provisioned-throughput.js';
import { defineCollector } from './collector.js';
import { clientFor, type RegionContext } from './context.js';

/**
 * Bedrock Provisioned Throughputs of a region through ListProvisionedModelThroughputs (Bedrock API
 * reference, ProvisionedModelSummary: provisionedModelArn/Name, modelArn, desiredModelArn,
 * foundationModelArn, modelUnits, desiredModelUnits, status, commitmentDuration,
 * commitmentExpirationTime, creationTime). Pages of 1,000, the API maximum.
 */
export const bedrockProvisionedThroughputsCollector = defineCollector({
  id: 'bedrock-provisioned-throughputs',
  service: 'bedrock',
  scope: 'region',
  iamActions: ['bedrock:ListProvisionedModelThroughputs'],
  resourceType: 'bedrock-provisioned-throughput',
  step: 'bedrock',
  what: 'Bedrock provisioned throughput (ListProvisionedModelThroughputs)',
  collect: collectProvisionedThroughputs,
  toSnapshot: (bedrockProvisionedThroughputs) => ({ resources: { bedrockProvisionedThroughputs } }),
  count: (list) => list.length,
});

export async function collectProvisionedThroughputs(ctx: RegionContext): Promise<BedrockProvisionedThroughput[]> {
  const client = clientFor(ctx, 'bedrock');
  const found: BedrockProvisionedThroughput[] = [];
  for await (const page of paginateListProvisionedModelThroughputs({ client, pageSize: 1000 }, {})) {
    for (const raw of page.provisionedModelSummaries ?? []) {
      const p = toThroughput(raw, ctx);
      if (p) found.push(p);
    }
  }
  return found;
}

function toThroughput(raw: ProvisionedModelSummary, ctx: RegionContext): BedrockProvisionedThroughput | undefined {
  const accountId = ctx.account.accountId;
  const candidate = {
    name: raw.provisionedModelName,
    arn: raw.provisionedModelArn,
    accountId,
    region: ctx.region,
    modelArn: raw.modelArn,
    ...(raw.desiredModelArn ? { desiredModelArn: raw.desiredModelArn } : {}),
    ...(raw.foundationModelArn ? { foundationModelArn: raw.foundationModelArn } : {}),
    modelUnits: raw.modelUnits,
    ...(raw.desiredModelUnits !== undefined ? { desiredModelUnits: raw.desiredModelUnits } : {}),
    status: raw.status,
    ...(raw.commitmentDuration ? { commitmentDuration: raw.commitmentDuration } : {}),
    ...(raw.commitmentExpirationTime ? { commitmentExpirationTime: raw.commitmentExpirationTime.toISOString() } : {}),
    creationTime: raw.creationTime?.toISOString(),
    tags: {},
    metrics: {},
  };
  const parsed = BedrockProvisionedThroughputSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  ctx.warnings.add({
    code: 'invalid-response',
    message: `${accountId}/${ctx.region}: dropped provisioned throughput ${raw.provisionedModelName ?? '(no name)'}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    accountId,
    region: ctx.region,
    service: 'bedrock',
    ...(raw.provisionedModelName ? { resourceId: raw.provisionedModelName } : {}),
  });
  return undefined;
}
