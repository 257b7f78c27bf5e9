import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../helpers/loopback.js';

/**
 * A tiny AWS endpoint on loopback for APIs moto_server does not implement (Savings Plans, the
 * Pricing API): the real SDK signs, serialises and parses as against AWS, and the test decides
 * the answers. Requests are recorded with the service and region from their SigV4 scope.
 */
export interface LoopbackRequest {
  method: string;
  path: string;
  /** X-Amz-Target for awsJson protocols (e.g. AWSPriceListService.GetProducts). */
  target: string | undefined;
  service: string;
  region: string;
  body: Record<string, unknown>;
}

export interface LoopbackAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export interface Loopback {
  url: string;
  requests: LoopbackRequest[];
  stop(): Promise<void>;
}

export async function startLoopback(answer: (req: LoopbackRequest) => LoopbackAnswer): Promise<Loopback> {
  const requests: LoopbackRequest[] = [];
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req);
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? '');
    const request: LoopbackRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      target: typeof req.headers['x-amz-target'] === 'string' ? req.headers['x-amz-target'] : undefined,
      service: scope?.[2] ?? '?',
      region: scope?.[1] ?? '?',
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
    };
    requests.push(request);
    const a = answer(request);
    res.writeHead(a.status, { 'content-length': Buffer.byteLength(a.body), ...a.headers }).end(a.body);
  };
  const server: Server = createServer((req, res) => void serve(req, res));
  return { ...(await listenOnLoopback(server)), requests };
}

/** A JSON answer as AWS sends one; `errorType` makes it an error the SDK maps to that exception name. */
export function json(status: number, body: unknown, errorType?: string, contentType = 'application/json'): LoopbackAnswer {
  return { status, headers: { 'content-type': contentType, ...(errorType ? { 'x-amzn-errortype': errorType } : {}) }, body: JSON.stringify(body) };
}

/** What moto_server (Flask/Werkzeug) sends for an operation it does not implement. */
export const HTML_500: LoopbackAnswer = {
  status: 500,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request.</p>\n',
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
