import { pageDescribeInstances } from './ec2-pages.js';

/**
 * Record once, replay many: the collect benchmark reads the fleet from moto_server once through a
 * recording proxy, then serves its timed runs from that record, so each reader pays what AWS would
 * charge it (30 ms a call, the pages AWS would send) and its own CPU, not moto's Python.
 *
 * How a request is keyed (both readers are given one fixed `now`, so the times in their requests are
 * the same in the recording and the replay and need no normalising):
 * - in general: region, signing service, operation (X-Amz-Target or Action), method, path and query, body — byte for byte;
 * - DescribeInstances: the same without MaxResults and NextToken; the whole recorded answer (moto ignores
 *   MaxResults) is served in pages of MaxResults instances, as AWS pages it, and in one answer when the
 *   request has no MaxResults (an unpaginated call, as Cloud Custodian makes);
 * - GetMetricData: per query, not per call: its MetricStat (or Expression), Label and ReturnData, with the
 *   call's StartTime, EndTime and ScanBy. Which queries share a batch depends on which inventory answered
 *   first, which differs from run to run; each query's result does not, so any batch is answered.
 * A request the record lacks is a miss: answered as access denied and counted, never sent to moto.
 */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface WireRequest {
  service: string;
  region: string;
  operation: string;
  method: string;
  url: string;
  body: string;
}

/** The fields of a GetMetricData query and result the SDK sends and reads (awsJson1_0). */
interface MetricQuery {
  Id: string;
  [field: string]: unknown;
}
interface MetricDataRequest {
  MetricDataQueries: MetricQuery[];
  StartTime: unknown;
  EndTime: unknown;
  ScanBy?: string;
  NextToken?: string;
}
interface MetricResult {
  Id: string;
  [field: string]: unknown;
}

const KEPT_HEADERS = ['content-type', 'x-amzn-errortype', 'x-amzn-requestid', 'x-amz-request-id', 'content-encoding'];

export class Recording {
  readonly responses = new Map<string, RecordedResponse>();
  readonly metricResults = new Map<string, Omit<MetricResult, 'Id'>>();
  misses = 0;

  /** Stores moto's answer to `req`; GetMetricData answers are split per query. */
  record(req: WireRequest, status: number, rawHeaders: Record<string, string | string[] | undefined>, body: string): void {
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = rawHeaders[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const split = status === 200 ? metricDataOf(req) : undefined;
    if (split) {
      const answer = JSON.parse(body) as { MetricDataResults?: MetricResult[]; NextToken?: string };
      // A paged answer (moto does not page) would need the page boundary kept: keep it whole instead.
      if (answer.NextToken === undefined) {
        const byId = new Map(split.queries.map((q) => [q.Id, q]));
        for (const { Id, ...result } of answer.MetricDataResults ?? []) {
          const query = byId.get(Id);
          if (query) this.metricResults.set(metricKey(req.region, split, query), result);
        }
        return;
      }
    }
    this.responses.set(requestKey(req), { status, headers, body });
  }

  /** The recorded answer to `req`, paged or assembled as AWS would send it; undefined is a miss. */
  answer(req: WireRequest): RecordedResponse | undefined {
    const split = metricDataOf(req);
    if (split && !this.responses.has(requestKey(req))) {
      const results: MetricResult[] = [];
      for (const q of split.queries) {
        const r = this.metricResults.get(metricKey(req.region, split, q));
        if (!r) return this.miss();
        results.push({ Id: q.Id, ...r });
      }
      return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: JSON.stringify({ MetricDataResults: results, Messages: [] }) };
    }
    const recorded = this.responses.get(requestKey(req));
    if (!recorded) return this.miss();
    if (req.operation !== 'DescribeInstances' || recorded.status !== 200) return recorded;
    const params = new URLSearchParams(req.body);
    const max = params.get('MaxResults');
    if (max === null) return recorded;
    return { ...recorded, body: pageDescribeInstances(recorded.body, Number(max), params.get('NextToken') ?? undefined) };
  }

  private miss(): RecordedResponse | undefined {
    this.misses += 1;
    return undefined;
  }
}

function requestKey(req: WireRequest): string {
  let body = req.body;
  if (req.operation === 'DescribeInstances') {
    const params = new URLSearchParams(body);
    params.delete('MaxResults');
    params.delete('NextToken');
    body = params.toString();
  }
  return `${req.region} ${req.service}:${req.operation} ${req.method} ${req.url}\n${body}`;
}

function metricDataOf(req: WireRequest): { queries: MetricQuery[]; window: string } | undefined {
  if (req.service !== 'monitoring' || req.operation !== 'GetMetricData') return undefined;
  const parsed = JSON.parse(req.body) as MetricDataRequest;
  if (parsed.NextToken !== undefined) return undefined;
  return { queries: parsed.MetricDataQueries, window: JSON.stringify([parsed.StartTime, parsed.EndTime, parsed.ScanBy ?? null]) };
}

function metricKey(region: string, split: { window: string }, query: MetricQuery): string {
  const { Id: _id, ...rest } = query;
  return `${region} ${split.window} ${JSON.stringify(rest)}`;
}
