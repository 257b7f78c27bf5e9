import type { AwsCredentialIdentityProvider, HandlerExecutionContext, MiddlewareStack } from '@smithy/types';
import { ApiCallCounter } from './counter.js';
import { classifyAwsError, type AwsFailureKind } from './errors.js';
import { Limiter } from './limiter.js';
import { isReadOnlyOperation } from './read-only.js';
import { NotImplementedAwareRetry } from './retry.js';
import { SERVICES, type ClientOf, type ServiceName } from './services.js';

export interface AwsSessionOptions {
  /** --endpoint-url: wins over AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, which the SDK reads itself. */
  endpointUrl?: string;
  /** Attempts per call including the first; adaptive mode also rate-limits the client after throttling. */
  maxAttempts?: number;
  env?: NodeJS.ProcessEnv;
  /** Told when each call starts (after its concurrency slot is granted) and how it ended, retries included. */
  onCall?: (event: AwsCallEvent) => void;
}

export interface AwsCallEvent {
  service: ServiceName;
  operation: string;
  region: string;
  accountId: string;
  phase: 'start' | 'ok' | 'error';
  /** With phase `error`: what kind of failure (a NoSuchTagSet-style client error is `error`). */
  failure?: AwsFailureKind;
  /** With phase `error`: the HTTP status, when there was an answer. */
  httpStatus?: number;
}

/** Who the calls are made as: an account id and its credentials. */
export interface AwsIdentity {
  accountId: string;
  credentials: AwsCredentialIdentityProvider;
}

/**
 * Every AWS client mlcost uses comes from here, so every call is counted, throttled to the
 * per-service-and-region concurrency limit, retried adaptively, sent to the right endpoint,
 * and refused unless it is read-only.
 */
export class AwsSession {
  readonly counter = new ApiCallCounter();
  private readonly clients = new Map<string, unknown>();
  private readonly limiters = new Map<string, Limiter>();

  constructor(readonly options: AwsSessionOptions = {}) {}

  client<S extends ServiceName>(service: S, region: string, identity: AwsIdentity): ClientOf<S> {
    const key = `${service}|${region}|${identity.accountId}`;
    const existing = this.clients.get(key);
    if (existing) return existing as ClientOf<S>;
    const spec = SERVICES[service];
    const client = spec.make({
      region,
      credentials: identity.credentials,
      maxAttempts: this.maxAttempts(),
      retryStrategy: new NotImplementedAwareRetry(this.maxAttempts()),
      // Fail fast on a wrong endpoint; GetMetricData pages can legitimately take tens of seconds.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
      ...(this.options.endpointUrl !== undefined ? { endpoint: this.options.endpointUrl } : {}),
      // Emulators and custom endpoints serve S3 on one host: bucket-in-hostname URLs cannot resolve there.
      ...(service === 's3' && this.endpointOverridden('S3') ? { forcePathStyle: true } : {}),
    }) as ClientOf<S>;
    const limiter = this.limiter(`${service}|${region}|${identity.accountId}`, spec.concurrency);
    this.instrument(client.middlewareStack as MiddlewareStack<object, object>, spec.iam, limiter, { service, region, accountId: identity.accountId });
    this.clients.set(key, client);
    return client;
  }

  /** Closes keep-alive sockets so the process can exit promptly. */
  destroy(): void {
    for (const c of this.clients.values()) (c as { destroy(): void }).destroy();
    this.clients.clear();
  }

  /** Explicit option, else AWS_MAX_ATTEMPTS as the SDK documents it, else 6 (the SDK default of 3 gives up too soon under throttling). */
  private maxAttempts(): number {
    const env = Number((this.options.env ?? process.env)['AWS_MAX_ATTEMPTS']);
    return this.options.maxAttempts ?? (Number.isInteger(env) && env > 0 ? env : 6);
  }

  private endpointOverridden(serviceEnvId: string): boolean {
    const env = this.options.env ?? process.env;
    return this.options.endpointUrl !== undefined || env['AWS_ENDPOINT_URL'] !== undefined || env[`AWS_ENDPOINT_URL_${serviceEnvId}`] !== undefined;
  }

  private limiter(key: string, max: number): Limiter {
    let l = this.limiters.get(key);
    if (!l) this.limiters.set(key, (l = new Limiter(max)));
    return l;
  }

  private instrument(
    stack: MiddlewareStack<object, object>,
    iamPrefix: string,
    limiter: Limiter,
    where: Pick<AwsCallEvent, 'service' | 'region' | 'accountId'>,
  ): void {
    const counter = this.counter;
    const onCall = this.options.onCall;
    stack.add(
      (next, context: HandlerExecutionContext) => async (args) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        if (!isReadOnlyOperation(operation)) {
          throw new Error(`mlcost is read-only: refusing to send ${iamPrefix}:${operation}`);
        }
        counter.add(`${iamPrefix}:${operation}`);
        const queries = (args.input as { MetricDataQueries?: unknown[] }).MetricDataQueries;
        if (operation === 'GetMetricData' && Array.isArray(queries)) counter.addMetricsRequested(queries.length);
        if (!onCall) return limiter.run(() => next(args));
        return limiter.run(async () => {
          onCall({ ...where, operation, phase: 'start' });
          try {
            const out = await next(args);
            onCall({ ...where, operation, phase: 'ok' });
            return out;
          } catch (err) {
            const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
            onCall({ ...where, operation, phase: 'error', failure: classifyAwsError(err).kind, ...(status !== undefined ? { httpStatus: status } : {}) });
            throw err;
          }
        });
      },
      { step: 'initialize', name: 'mlcostCountLimitReadOnly', priority: 'high' },
    );
  }
}
