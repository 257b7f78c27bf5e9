import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeNotebookInstanceLifecycleConfigCommand,
  paginateListEndpoints,
  paginateListNotebookInstances,
  paginateListTags,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mapLimit } from '../aws/limiter.js';
import type { SageMakerEndpoint, SageMakerNotebook } from '../snapshot/schema.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { tagMap } from './tags.js';

export const IAM_ACTIONS = [
  'sagemaker:ListEndpoints',
  'sagemaker:DescribeEndpoint',
  'sagemaker:DescribeEndpointConfig',
  'sagemaker:ListNotebookInstances',
  'sagemaker:DescribeNotebookInstanceLifecycleConfig',
  'sagemaker:ListTags',
] as const;

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
    tags: ep.EndpointArn ? await tagsOf(client, ep.EndpointArn) : {},
    variants,
  };
}

/** Matches the AWS auto-stop-idle lifecycle samples and their common rewrites. */
const AUTO_STOP = /autostop|auto-stop|idle[_-]?time|stop-notebook-instance|StopNotebookInstance/i;

export async function collectNotebooks(ctx: RegionContext): Promise<SageMakerNotebook[]> {
  const client = clientFor(ctx, 'sagemaker');
  const listed = [];
  for await (const page of paginateListNotebookInstances({ client, pageSize: 100 }, {})) listed.push(...(page.NotebookInstances ?? []));
  const configs = [...new Set(listed.map((n) => n.NotebookInstanceLifecycleConfigName).filter((n): n is string => !!n))];
  const autoStop = new Map<string, boolean>();
  await mapLimit(configs, 4, async (name) => {
    const scripts = await guarded(ctx, 'sagemaker', `notebook lifecycle config ${name}`, async () => {
      const lc = await client.send(new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }));
      return [...(lc.OnStart ?? []), ...(lc.OnCreate ?? [])].map((s) => Buffer.from(s.Content ?? '', 'base64').toString('utf8'));
    });
    if (scripts)
      autoStop.set(
        name,
        scripts.some((s) => AUTO_STOP.test(s)),
      );
  });
  return mapLimit(listed, 4, async (n): Promise<SageMakerNotebook> => {
    const lcName = n.NotebookInstanceLifecycleConfigName;
    const stops = lcName ? autoStop.get(lcName) : false;
    return {
      name: n.NotebookInstanceName ?? '',
      accountId: ctx.account.accountId,
      region: ctx.region,
      ...(n.NotebookInstanceArn ? { arn: n.NotebookInstanceArn } : {}),
      status: n.NotebookInstanceStatus ?? 'Unknown',
      instanceType: n.InstanceType ?? 'unknown',
      ...(lcName ? { lifecycleConfigName: lcName } : {}),
      ...(stops !== undefined ? { autoStop: stops } : {}),
      creationTime: (n.CreationTime ?? ctx.now).toISOString(),
      ...(n.LastModifiedTime ? { lastModifiedTime: n.LastModifiedTime.toISOString() } : {}),
      tags: n.NotebookInstanceArn
        ? ((await guarded(ctx, 'sagemaker', `tags of notebook ${n.NotebookInstanceName}`, () => tagsOf(client, n.NotebookInstanceArn!))) ?? {})
        : {},
      metrics: {},
    };
  });
}

async function tagsOf(client: SageMakerClient, arn: string): Promise<Record<string, string>> {
  const tags = [];
  for await (const page of paginateListTags({ client }, { ResourceArn: arn })) tags.push(...(page.Tags ?? []));
  return tagMap(tags);
}
