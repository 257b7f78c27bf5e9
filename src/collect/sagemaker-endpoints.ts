import { DescribeEndpointCommand, DescribeEndpointConfigCommand, paginateListEndpoints, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mapLimit } from '../aws/limiter.js';
import type { SageMakerEndpoint } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { sagemakerTagsOf } from './sagemaker-tags.js';

export const sagemakerEndpointsCollector = defineCollector({
  id: 'sagemaker-endpoints',
  service: 'sagemaker',
  scope: 'region',
  iamActions: ['sagemaker:ListEndpoints', 'sagemaker:DescribeEndpoint', 'sagemaker:DescribeEndpointConfig', 'sagemaker:ListTags'],
  resourceType: 'sagemaker-endpoint',
  step: 'sagemaker',
  what: 'SageMaker endpoints',
  collect: collectEndpoints,
  toSnapshot: (sagemakerEndpoints) => ({ resources: { sagemakerEndpoints } }),
  count: (list) => list.length,
});

/** Endpoints with each variant's instance type (from the endpoint config) and current instance count. */
export async function collectEndpoints(ctx: RegionContext): Promise<SageMakerEndpoint[]> {
  const client = clientFor(ctx, 'sagemaker');
  const names: string[] = [];
  for await (const page of paginateListEndpoints({ client, pageSize: 100 }, {})) {
    for (const e of page.Endpoints ?? []) if (e.EndpointName) names.push(e.EndpointName);
  }
  const endpoints = await mapLimit(names, 4, (name) => guarded(ctx, 'sagemaker', `endpoint ${name}`, () => describeEndpoint(ctx, client, name)));
  return endpoints.filter((e): e is SageMakerEndpoint => e !== undefined);
}

async function describeEndpoint(ctx: RegionContext, client: SageMakerClient, name: string): Promise<SageMakerEndpoint> {
  const ep = await client.send(new DescribeEndpointCommand({ EndpointName: name }));
  const config = ep.EndpointConfigName ? await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: ep.EndpointConfigName })) : undefined;
  const configured = new Map((config?.ProductionVariants ?? []).map((v) => [v.VariantName ?? '', v]));
  const variants = (ep.ProductionVariants ?? []).map((v) => {
    const c = configured.get(v.VariantName ?? '');
    const serverless = v.CurrentServerlessConfig !== undefined || c?.ServerlessConfig !== undefined;
    return {
      name: v.VariantName ?? '',
      ...(c?.InstanceType ? { instanceType: c.InstanceType } : {}),
      instanceCount: serverless ? 0 : (v.CurrentInstanceCount ?? c?.InitialInstanceCount ?? 0),
      serverless,
      metrics: {},
    };
  });
  return {
    name,
    accountId: ctx.account.accountId,
    region: ctx.region,
    ...(ep.EndpointArn ? { arn: ep.EndpointArn } : {}),
    status: ep.EndpointStatus ?? 'Unknown',
    creationTime: (ep.CreationTime ?? ctx.now).toISOString(),
    tags: ep.EndpointArn ? await sagemakerTagsOf(client, ep.EndpointArn) : {},
    variants,
  };
}
