import type { EbsVolume, S3Bucket, SageMakerEndpoint, SageMakerNotebook } from '../../snapshot/schema.js';
import { clientFor, guarded, warnFailure, type RegionContext } from '../context.js';
import { fetchMetrics, type MetricRequest, type QueryProblem } from './batch.js';
import { listSeries } from './discover.js';
import { ec2AgentRequests, ec2BuiltinRequests, type Ec2MetricTargets } from './ec2.js';
import { neuronMissingWarning, neuronRequests } from './neuron.js';
import { notebookAgentRequests } from './notebooks.js';
import { ebsRequests, s3Requests, sagemakerRequests } from './resources.js';

export interface RegionResources extends Ec2MetricTargets {
  volumes: readonly EbsVolume[];
  buckets: readonly S3Bucket[];
  endpoints: readonly SageMakerEndpoint[];
  /** In-service notebooks only: CPU comes from the CloudWatch agent, when the team runs it. */
  notebooks: readonly SageMakerNotebook[];
}

/**
 * Every metric of one account and region in one stream of GetMetricData calls, so batches of 500
 * fill across resource kinds. Summaries are written onto the resources themselves. A failed
 * discovery loses only its own series; a failed batch loses only its metrics; both are warnings.
 */
export async function collectMetrics(ctx: RegionContext, resources: RegionResources): Promise<void> {
  const client = clientFor(ctx, 'cloudwatch');
  const summary = { periodSeconds: ctx.window.periodSeconds, windowHours: ctx.window.days * 24 };
  // Terminated instances cost nothing and publish nothing new; their metrics would be paid for and unused.
  const live = resources.instances.filter((i) => i.state !== 'terminated');
  const namespace = ctx.config.cloudwatch.agentNamespace;
  const requests: MetricRequest[] = [
    ...ec2BuiltinRequests(live, summary),
    ...ebsRequests(resources.volumes, summary),
    ...sagemakerRequests(resources.endpoints, summary),
  ];
  if (live.length) {
    const agent = await guarded(ctx, 'cloudwatch', `CloudWatch agent metrics in namespace ${namespace}`, () =>
      ec2AgentRequests(client, namespace, { instances: live, hosts: resources.hosts }, summary),
    );
    requests.push(...(agent ?? []));
  }
  const neuron = await guarded(ctx, 'cloudwatch', `NeuronCore metrics in namespace ${ctx.config.cloudwatch.neuron.namespace}`, () =>
    neuronRequests(client, ctx.config.cloudwatch.neuron, live, summary),
  );
  if (neuron) {
    requests.push(...neuron.requests);
    const missing = neuronMissingWarning(
      ctx.config.cloudwatch.neuron,
      { accountId: ctx.account.accountId, region: ctx.region },
      neuron.missing.filter((i) => i.state === 'running'),
    );
    if (missing) ctx.warnings.add(missing);
  }
  if (resources.notebooks.length) {
    const agent = await guarded(ctx, 'cloudwatch', `notebook CPU from the CloudWatch agent in namespace ${namespace}`, () =>
      notebookAgentRequests(client, namespace, resources.notebooks, summary),
    );
    requests.push(...(agent ?? []));
  }
  if (resources.buckets.length) {
    const listed = await guarded(ctx, 'cloudwatch', 'S3 storage metrics', async () =>
      (await Promise.all(['BucketSizeBytes', 'NumberOfObjects'].map((name) => listSeries(client, 'AWS/S3', name)))).flat(),
    );
    requests.push(...s3Requests(resources.buckets, listed ?? []));
  }
  if (!requests.length) return;
  const outcome = await fetchMetrics(client, requests, ctx.window);
  for (const f of outcome.failed) warnFailure(ctx, 'cloudwatch', `${f.requests.length} of ${requests.length} CloudWatch metric series`, f.error);
  if (outcome.problems.length) reportProblems(ctx, outcome.problems);
}

/** One warning per status, with a few examples: thousands of identical lines help nobody. */
function reportProblems(ctx: RegionContext, problems: readonly QueryProblem[]): void {
  const byStatus = new Map<string, QueryProblem[]>();
  for (const p of problems) byStatus.set(p.status, [...(byStatus.get(p.status) ?? []), p]);
  for (const [status, list] of byStatus) {
    const examples = list
      .slice(0, 3)
      .map((p) => `${p.request.namespace} ${p.request.metricName} ${p.request.dimensions.map((d) => d.Value).join('/')}${p.message ? ` (${p.message})` : ''}`);
    ctx.warnings.add({
      code: status === 'Forbidden' ? 'access-denied' : 'partial-metrics',
      message: `${ctx.account.accountId}/${ctx.region}: ${list.length} metric series came back ${status}, summaries may be incomplete: ${examples.join('; ')}${list.length > 3 ? '; …' : ''}`,
      accountId: ctx.account.accountId,
      region: ctx.region,
      service: 'cloudwatch',
    });
  }
}
