import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../helpers/loopback.js';

/**
 * A loopback proxy in front of moto_server for the SageMaker endpoint: every call goes to moto, and
 * for the operations named in `augment` the answer moto gives is extended with the fields it does
 * not model (DescribeTrainingJob's TrainingTimeInSeconds, BillableTimeInSeconds, WarmPoolStatus),
 * in AWS's JSON shape. `answer` serves whole operations moto lacks; `deny` answers as AWS does to a
 * caller without the IAM action. The real SDK signs, sends and parses as against AWS.
 */
export interface SageMakerProxyOptions {
  /** Operation (e.g. DescribeTrainingJob) -> fields to merge into moto's answer, given the request body. */
  augment?: Record<string, (request: Record<string, unknown>) => Record<string, unknown>>;
  /** Operation -> the whole answer, for APIs moto does not implement. */
  answer?: Record<string, (request: Record<string, unknown>) => unknown>;
  deny?: string[];
  /** Another JSON-protocol service behind the same proxy (default SageMaker): its X-Amz-Target prefix and IAM prefix. */
  service?: { targetPrefix: string; iamPrefix: string };
}

export interface SageMakerProxy {
  url: string;
  /** SageMaker operations called, with their request bodies, in order. */
  calls: { operation: string; body: Record<string, unknown> }[];
  stop(): Promise<void>;
}

export async function startSageMakerProxy(target: string, options: SageMakerProxyOptions): Promise<SageMakerProxy> {
  const upstream = new URL(target);
  const calls: SageMakerProxy['calls'] = [];
  const { targetPrefix, iamPrefix } = options.service ?? { targetPrefix: 'SageMaker.', iamPrefix: 'sagemaker' };
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const amzTarget = req.headers['x-amz-target'];
    const operation = typeof amzTarget === 'string' && amzTarget.startsWith(targetPrefix) ? amzTarget.slice(targetPrefix.length) : undefined;
    const parsed = (): Record<string, unknown> => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {});
    if (operation) calls.push({ operation, body: parsed() });
    if (operation && options.deny?.includes(operation)) {
      send(res, 400, { __type: 'AccessDeniedException', message: `User is not authorized to perform: ${iamPrefix}:${operation}` }, 'AccessDeniedException');
      return;
    }
    const whole = operation ? options.answer?.[operation] : undefined;
    if (whole) {
      send(res, 200, whole(parsed()));
      return;
    }
    const extra = operation ? options.augment?.[operation] : undefined;
    const headers = { ...req.headers, 'accept-encoding': 'identity' };
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
      if (!extra || up.statusCode !== 200) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      void readBody(up).then((raw) => {
        send(res, 200, { ...(JSON.parse(raw.toString('utf8')) as Record<string, unknown>), ...extra(parsed()) });
      });
    });
    forward.on('error', (err) => res.writeHead(502).end(String(err)));
    forward.end(body);
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  return { ...(await listenOnLoopback(server)), calls };
}

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    })
    .end(text);
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
