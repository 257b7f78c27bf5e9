import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { MAX_QUERIES_PER_CALL, type MetricWindow } from './period.js';
import type { Series } from './summarize.js';

export type Statistic = 'Average' | 'Maximum' | 'Minimum' | 'Sum';

/** One metric series to read: what it is and who wants the result. */
export interface MetricRequest {
  namespace: string;
  metricName: string;
  dimensions: readonly { Name: string; Value: string }[];
  stat: Statistic;
  /** Defaults to the window's period; daily metrics (S3 storage) ask for 86400. */
  periodSeconds?: number;
  /** Receives the datapoints (possibly none) once every page has arrived. */
  onResult(series: Series): void;
}

export interface QueryProblem {
  request: MetricRequest;
  status: string;
  message?: string;
}

export interface FetchOutcome {
  problems: QueryProblem[];
  failed: { error: unknown; requests: readonly MetricRequest[] }[];
}

/**
 * Reads requests with GetMetricData as they are added, 500 queries per call: a batch goes out as
 * soon as 500 are queued (while other sources are still listing their resources), the remainder
 * when the stream is finished, so calls = ceil(requests / 500) whatever the order they arrive in.
 * Calls in flight are bounded by the client's concurrency limit; NextToken pages are followed.
 * Query ids are positional (`m0`, `m1`, …: they must start with a lowercase letter) so a result
 * maps back without parsing labels. A query whose final status is not Complete is reported, its
 * partial datapoints still delivered; a batch is summarised and released as soon as it lands.
 */
export class MetricStream {
  /** Requests added so far. */
  total = 0;
  private queued: MetricRequest[] = [];
  private readonly inFlight: Promise<void>[] = [];
  private readonly outcome: FetchOutcome = { problems: [], failed: [] };

  constructor(
    private readonly client: CloudWatchClient,
    private readonly window: MetricWindow,
  ) {}

  add(requests: readonly MetricRequest[]): void {
    this.total += requests.length;
    for (const r of requests) this.queued.push(r);
    while (this.queued.length >= MAX_QUERIES_PER_CALL) this.send(this.queued.splice(0, MAX_QUERIES_PER_CALL));
  }

  /** Sends the last partial batch and resolves once every batch has landed; one failed batch loses only its own metrics. */
  async finish(): Promise<FetchOutcome> {
    if (this.queued.length) this.send(this.queued.splice(0));
    await Promise.all(this.inFlight);
    return this.outcome;
  }

  private send(batch: readonly MetricRequest[]): void {
    this.inFlight.push(
      fetchBatch(this.client, batch, this.window).then(
        (problems) => {
          for (const p of problems) this.outcome.problems.push(p);
        },
        (error: unknown) => {
          this.outcome.failed.push({ error, requests: batch });
        },
      ),
    );
  }
}

async function fetchBatch(client: CloudWatchClient, batch: readonly MetricRequest[], window: MetricWindow): Promise<QueryProblem[]> {
  const queries: MetricDataQuery[] = batch.map((r, i) => ({
    Id: `m${i}`,
    ReturnData: true,
    MetricStat: {
      Metric: { Namespace: r.namespace, MetricName: r.metricName, Dimensions: r.dimensions.map((d) => ({ Name: d.Name, Value: d.Value })) },
      Period: r.periodSeconds ?? window.periodSeconds,
      Stat: r.stat,
    },
  }));
  const series = batch.map((): Series => ({ timestamps: [], values: [] }));
  const status = new Map<number, { code: string; message?: string }>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: window.start,
        EndTime: window.end,
        ScanBy: 'TimestampAscending',
        ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
      }),
    );
    for (const result of page.MetricDataResults ?? []) {
      const index = Number((result.Id ?? '').slice(1));
      const target = series[index];
      if (!target || !/^m\d+$/.test(result.Id ?? '')) continue;
      const ts = result.Timestamps ?? [];
      const vs = result.Values ?? [];
      for (let k = 0; k < Math.min(ts.length, vs.length); k++) {
        target.timestamps.push(new Date(ts[k]!).getTime());
        target.values.push(vs[k]!);
      }
      const message = result.Messages?.map((m) => `${m.Code ?? ''} ${m.Value ?? ''}`.trim()).join('; ');
      status.set(index, { code: result.StatusCode ?? 'Complete', ...(message ? { message } : {}) });
    }
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing -- an empty NextToken ends the listing too
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);

  const problems: QueryProblem[] = [];
  batch.forEach((request, i) => {
    request.onResult(series[i]!);
    const s = status.get(i);
    if (s && s.code !== 'Complete') problems.push({ request, status: s.code, ...(s.message ? { message: s.message } : {}) });
  });
  return problems;
}
