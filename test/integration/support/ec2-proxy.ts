import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../helpers/loopback.js';
import type { LoopbackAnswer } from './loopback-aws.js';

/**
 * EC2 shares one endpoint for every action, and moto_server implements most of them but not all
 * (DescribeCapacityReservations, for one). This loopback proxy answers the actions the test names,
 * with the EC2 query protocol's XML as AWS sends it, and forwards every other request to moto
 * unchanged, so the real SDK clients of every service run over the wire against one URL.
 */
export interface Ec2Call {
  action: string;
  region: string;
  params: URLSearchParams;
  /** The JSON body of an awsJson call (answered by its X-Amz-Target, e.g. SageMaker.ListTrainingPlans). */
  json?: Record<string, unknown>;
  /** The query string of a restJson call. */
  query?: URLSearchParams;
}

export type Ec2Answer = (call: Ec2Call) => LoopbackAnswer;

export interface Ec2Proxy {
  url: string;
  /** The calls answered here (not the forwarded ones). */
  answered: Ec2Call[];
  /** The calls passed on to moto. */
  forwarded: Ec2Call[];
  stop(): Promise<void>;
}

export async function startEc2Proxy(upstream: string, answers: Readonly<Record<string, Ec2Answer>>): Promise<Ec2Proxy> {
  const target = new URL(upstream);
  const answered: Ec2Call[] = [];
  const forwarded: Ec2Call[] = [];
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? '');
    const params = new URLSearchParams(scope?.[2] === 'ec2' ? body.toString('utf8') : '');
    // awsJson services (SageMaker) name the operation in X-Amz-Target; the answers name it the same way.
    const amzTarget = req.headers['x-amz-target'];
    // restJson services (Bedrock) are answered by "service:METHOD /path", e.g. "bedrock:GET /provisioned-model-throughputs".
    const rest = scope && scope[2] !== 'ec2' ? `${scope[2]}:${req.method ?? 'GET'} ${new URL(req.url ?? '/', 'http://x').pathname}` : '';
    const action = typeof amzTarget === 'string' ? amzTarget : rest || (params.get('Action') ?? '');
    const answer = answers[action];
    if (answer) {
      const call: Ec2Call = { action, region: scope?.[1] ?? '?', params };
      if (rest && typeof amzTarget !== 'string') call.query = new URL(req.url ?? '/', 'http://x').searchParams;
      if (typeof amzTarget === 'string' && body.length > 0) call.json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      answered.push(call);
      const a = answer(call);
      res.writeHead(a.status, { 'content-length': Buffer.byteLength(a.body), ...a.headers }).end(a.body);
      return;
    }
    forwarded.push({ action, region: scope?.[1] ?? '?', params });
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on('error', (err) => res.writeHead(502).end(String(err)));
    forward.end(body);
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  return { ...(await listenOnLoopback(server)), answered, forwarded };
}

/** An EC2 query-protocol success: `<{Action}Response>` around the members, as XML. */
export function ec2Xml(action: string, members: string): LoopbackAnswer {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>${members}</${action}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

/** An EC2 query-protocol error, e.g. UnauthorizedOperation (403) as AWS returns it to a caller without the IAM action. */
export function ec2Error(status: number, code: string, message: string): LoopbackAnswer {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestID></Response>`;
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

/** Members as `<name>value</name>`, skipping undefined; nested lists are passed in already rendered. */
export function xmlMembers(fields: Readonly<Record<string, string | number | boolean | undefined>>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
    .join('');
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
