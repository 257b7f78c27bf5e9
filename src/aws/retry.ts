import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import { isNotImplemented } from './errors.js';

/**
 * The SDK's adaptive strategy, except that an API the endpoint does not implement fails on the
 * first answer: emulators such as moto_server reply to an unimplemented operation with a generic
 * HTML 500 page, which the SDK counts as transient and retries with backoff (about 1.5 s per
 * call at 6 attempts) only to get the same page. Throwing from refreshRetryTokenForRetry is how a
 * strategy declines a retry; the SDK then surfaces the original error.
 */
export class NotImplementedAwareRetry implements RetryStrategyV2 {
  readonly mode = 'adaptive';
  private readonly inner: AdaptiveRetryStrategy;

  constructor(maxAttempts: number) {
    this.inner = new AdaptiveRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(scope);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    if (isNotImplemented(info.error)) throw new Error('not retried: the endpoint does not implement this operation');
    return this.inner.refreshRetryTokenForRetry(token as Parameters<AdaptiveRetryStrategy['refreshRetryTokenForRetry']>[0], info);
  }

  recordSuccess(token: RetryToken): void {
    this.inner.recordSuccess(token as Parameters<AdaptiveRetryStrategy['recordSuccess']>[0]);
  }
}
