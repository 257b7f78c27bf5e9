import type { Config } from '../config/schema.js';

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
  /** Progress lines for a TTY; the collector never writes to stdout. */
  onProgress?: (event: { message: string }) => void;
}
