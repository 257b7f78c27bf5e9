import { DescribeNotebookInstanceLifecycleConfigCommand, paginateListNotebookInstances } from '@aws-sdk/client-sagemaker';
import { mapLimit } from '../aws/limiter.js';
import type { SageMakerNotebook } from '../snapshot/schema.js';
import { defineCollector } from './collector.js';
import { clientFor, guarded, type RegionContext } from './context.js';
import { sagemakerTagsOf } from './sagemaker-tags.js';

export const sagemakerNotebooksCollector = defineCollector({
  id: 'sagemaker-notebooks',
  service: 'sagemaker',
  scope: 'region',
  iamActions: ['sagemaker:ListNotebookInstances', 'sagemaker:DescribeNotebookInstanceLifecycleConfig', 'sagemaker:ListTags'],
  resourceType: 'sagemaker-notebook',
  step: 'sagemaker',
  what: 'SageMaker notebook instances',
  collect: collectNotebooks,
  toSnapshot: (sagemakerNotebooks) => ({ resources: { sagemakerNotebooks } }),
  count: (list) => list.length,
});

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
        ? ((await guarded(ctx, 'sagemaker', `tags of notebook ${n.NotebookInstanceName}`, () => sagemakerTagsOf(client, n.NotebookInstanceArn!))) ?? {})
        : {},
      metrics: {},
    };
  });
}
