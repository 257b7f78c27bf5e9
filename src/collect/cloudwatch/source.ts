import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Collector, CollectorContext } from '../collector.js';
import type { MetricRequest } from './batch.js';
import type { SummaryOptions } from './ec2.js';

/**
 * The CloudWatch reads for one resource type: the inventory collector whose result they describe
 * and the queries for it. Every source's queries go out in one GetMetricData stream per account
 * and region, so batches of 500 fill across resource types; summaries are written onto the
 * resources themselves.
 */
export interface MetricSource {
  /** Names the metrics in the warning when building the queries fails ("could not read <what>"). */
  what: string;
  collector: Collector;
  requests(ctx: CollectorContext, client: CloudWatchClient, summary: SummaryOptions): MetricRequest[] | Promise<MetricRequest[]>;
}

interface MetricSourceDefinition<Out> {
  what: string;
  collector: Collector<Out>;
  /** Called only when the collector succeeded; `resources` is its result. */
  requests(resources: Out, ctx: CollectorContext, client: CloudWatchClient, summary: SummaryOptions): MetricRequest[] | Promise<MetricRequest[]>;
}

/** A metric source typed by its collector's result; the registry holds them with that type erased. */
export function defineMetricSource<Out>(s: MetricSourceDefinition<Out>): MetricSource {
  return {
    what: s.what,
    collector: s.collector,
    requests: (ctx, client, summary) => {
      const resources = ctx.resultOf(s.collector);
      return resources === undefined ? [] : s.requests(resources, ctx, client, summary);
    },
  };
}
