import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../test/helpers/loopback.js';
import type { Recording } from './replay.js';

/**
 * A loopback proxy in front of moto_server: adds latency per call (as a real network does),
 * counts calls per "service:Operation", and injects faults (throttling, access denied) the way
 * AWS returns them for each wire protocol, so the real SDK parses and retries them as in AWS.
 * With `record` it keeps moto's answers; with `replay` it answers from such a record and never
 * calls moto (see replay.ts for how requests are keyed).
 */
export interface Fault {
  /** Signing service (ec2, monitoring, s3, sagemaker, sts…); undefined matches any. */
  service?: string;
  operation?: string;
  region?: string;
  kind: 'throttle' | 'deny';
  /** How many matching calls fail; undefined: all of them. */
  times?: number;
}

/** One call as the proxy saw it: when it arrived and when its answer was sent (performance.now() of this process). */
export interface TracedCall {
  key: string;
  region: string;
  start: number;
  end: number;
  status: number;
}

export interface Proxy {
  url: string;
  calls: Map<string, number>;
  /** Every call in arrival order (cleared with `trace.length = 0`). */
  trace: TracedCall[];
  injected: Map<string, number>;
  faults: Fault[];
  stop(): Promise<void>;
}

export interface ProxyOptions {
  latencyMs?: number;
  faults?: Fault[];
  /** Keep every answer moto gives into this record. */
  record?: Recording;
  /** Answer from this record instead of moto; a request it lacks is answered as access denied and counted as a miss. */
  replay?: Recording;
}

export async function startProxy(target: string, options: ProxyOptions = {}): Promise<Proxy> {
  const upstream = new URL(target);
  const calls = new Map<string, number>();
  const injected = new Map<string, number>();
  const faults = options.faults ?? [];
  const trace: TracedCall[] = [];
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const { service, region } = signing(req.headers.authorization);
    const operation = operationOf(req, body);
    const key = `${service}:${operation}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const traced: TracedCall = { key, region, start: performance.now(), end: 0, status: 0 };
    trace.push(traced);
    res.on('finish', () => {
      traced.end = performance.now();
      traced.status = res.statusCode;
    });
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const fault = faults.find(
      (f) => (f.service ?? service) === service && (f.operation ?? operation) === operation && (f.region ?? region) === region && (f.times ?? 1) > 0,
    );
    if (fault) {
      if (fault.times !== undefined) fault.times -= 1;
      injected.set(`${key}:${fault.kind}`, (injected.get(`${key}:${fault.kind}`) ?? 0) + 1);
      const e = errorResponse(service, fault.kind);
      res.writeHead(e.status, e.headers).end(e.body);
      return;
    }
    const wire = () => ({ service, region, operation, method: req.method ?? 'GET', url: req.url ?? '/', body: body.toString('utf8') });
    if (options.replay) {
      const answer = options.replay.answer(wire()) ?? errorResponse(service, 'deny');
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    const { record } = options;
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      if (!record) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      void readBody(up).then((answer) => {
        record.record(wire(), up.statusCode ?? 502, up.headers, answer.toString('utf8'));
        res.writeHead(up.statusCode ?? 502, up.headers).end(answer);
      });
    });
    forward.on('error', (err) => res.writeHead(502).end(String(err)));
    forward.end(body);
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  return { ...(await listenOnLoopback(server)), calls, trace, injected, faults };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** `Credential=AKID/20260101/us-west-2/ec2/aws4_request` names the region and the signing service. */
function signing(auth: string | undefined): { service: string; region: string } {
  const m = /Credential=[^/]+\/\d+\/([^/]+)\/([^/]+)\//.exec(auth ?? '');
  return { region: m?.[1] ?? 'unknown', service: m?.[2] ?? 'unknown' };
}

function operationOf(req: IncomingMessage, body: Buffer): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').pop() ?? target;
  const action = /(?:^|&)Action=([A-Za-z]+)/.exec(body.toString('utf8'))?.[1];
  if (action) return action;
  return req.method ?? 'GET';
}

const JSON_SERVICES = new Set(['monitoring', 'sagemaker', 'pricing', 'organizations', 'fsx']);

function errorResponse(service: string, kind: Fault['kind']): { status: number; headers: Record<string, string>; body: string } {
  if (JSON_SERVICES.has(service)) {
    const code = kind === 'throttle' ? 'ThrottlingException' : 'AccessDeniedException';
    return {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': code },
      body: JSON.stringify({ __type: code, message: `${code} injected by the test proxy` }),
    };
  }
  // REST-JSON services (EKS) name the error in a header and answer with the HTTP status of the fault.
  if (service === 'eks') {
    const code = kind === 'throttle' ? 'ThrottlingException' : 'AccessDeniedException';
    return {
      status: kind === 'throttle' ? 429 : 403,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': code },
      body: JSON.stringify({ message: `${code} injected by the test proxy` }),
    };
  }
  if (service === 'ec2') {
    const code = kind === 'throttle' ? 'RequestLimitExceeded' : 'UnauthorizedOperation';
    const body = `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>You are not authorized to perform this operation (injected).</Message></Error></Errors><RequestID>proxy</RequestID></Response>`;
    return { status: kind === 'throttle' ? 503 : 403, headers: { 'content-type': 'text/xml' }, body };
  }
  if (service === 's3') {
    const code = kind === 'throttle' ? 'SlowDown' : 'AccessDenied';
    return {
      status: kind === 'throttle' ? 503 : 403,
      headers: { 'content-type': 'application/xml' },
      body: `<Error><Code>${code}</Code><Message>injected</Message></Error>`,
    };
  }
  const code = kind === 'throttle' ? 'Throttling' : 'AccessDenied';
  return {
    status: kind === 'throttle' ? 400 : 403,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>injected</Message></Error><RequestId>proxy</RequestId></ErrorResponse>`,
  };
}
