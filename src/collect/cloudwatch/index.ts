import type { CollectorContext } from '../collector.js';
import { clientFor, guarded, warnFailure, type RegionContext } from '../context.js';
import { MetricStream, type QueryProblem } from './batch.js';
import { METRIC_SOURCES } from './sources.js';

/**
 * Every metric of one account and region in one stream of GetMetricData calls, so batches of 500
 * fill across resource types. Each source builds its queries as soon as its own inventory has
 * landed (not when every collector has), and full batches go out while others are still listing.
 * A source whose queries cannot be built (a failed ListMetrics) loses only its own series; a
 * failed batch loses only its metrics; both are warnings.
 */
export async function collectMetrics(ctx: CollectorContext): Promise<void> {
  const client = clientFor(ctx, 'cloudwatch');
  const summary = { periodSeconds: ctx.window.periodSeconds, windowHours: ctx.window.days * 24 };
  const stream = new MetricStream(client, ctx.window);
  await Promise.all(
    METRIC_SOURCES.map(async (source) => {
      await ctx.settled(source.collector);
      const requests = await guarded(ctx, 'cloudwatch', source.what, async () => source.requests(ctx, client, summary));
      if (requests) stream.add(requests);
    }),
  );
  const outcome = await stream.finish();
  for (const f of outcome.failed) warnFailure(ctx, 'cloudwatch', `${f.requests.length} of ${stream.total} CloudWatch metric series`, f.error);
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
