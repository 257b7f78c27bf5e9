import type { Config } from '../config/schema.js';
import type { CollectProgressEvent } from './progress.js';

/** The role --org assumes in member accounts; here, not in accounts.ts, so flag help never loads the SDK. */
export const DEFAULT_ORG_ROLE = 'OrganizationAccountAccessRole';

/** What a live collection needs; filled from flags and mlcost.config.yaml by the commands. */
export interface CollectOptions {
  config: Config;
  profile?: string;
  /** Explicit regions; empty means the default region of the credential chain. */
  regions: string[];
  allRegions: boolean;
  endpointUrl?: string;
  lookbackDays: number;
  org: boolean;
  prices: 'auto' | 'live' | 'embedded';
  /** Role name assumed in each member account with --org (default OrganizationAccountAccessRole). */
  orgRoleName?: string;
  /** Where live Pricing API answers are cached (default: $XDG_CACHE_HOME/mlcost or ~/.cache/mlcost). */
  cacheDir?: string;
  /** Hours a cached price stays fresh (default 168, one week). */
  priceCacheTtlHours?: number;
  /** Attempts per AWS call, first included (default: AWS_MAX_ATTEMPTS, else 6). */
  maxAttempts?: number;
  /** End of the lookback window; tests pin it, the CLI uses the clock. */
  now?: Date;
  /** Progress for the TTY display (every AWS call, each region and account finished); the collector never writes to stdout. */
  onProgress?: (event: CollectProgressEvent) => void;
}
