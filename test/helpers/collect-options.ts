import type { CollectOptions } from '../../src/collect/types.js';
import { ConfigSchema } from '../../src/config/schema.js';

/**
 * What a collect test starts from: one region, a 14-day lookback, embedded prices, two attempts per
 * call (moto answers at once; more retries only slow its unimplemented APIs down). Each test names
 * what differs.
 */
export function testCollectOptions(endpointUrl: string | undefined, overrides: Partial<CollectOptions> = {}): CollectOptions {
  return {
    config: ConfigSchema.parse({}),
    regions: ['us-east-1'],
    allRegions: false,
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    lookbackDays: 14,
    org: false,
    prices: 'embedded',
    maxAttempts: 2,
    ...overrides,
  };
}
