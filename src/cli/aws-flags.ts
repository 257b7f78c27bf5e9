import { Flags } from '@oclif/core';
import type { Config } from '../config/schema.js';
import { UserError } from '../errors.js';
import { DEFAULT_ORG_ROLE, type CollectOptions } from '../collect/types.js';
import { isRegionName } from '../aws/regions.js';

/** How to reach AWS: a live read uses them, and so does fetching s3:// billing files (`audit --billing`, `spend`). */
export const awsAccessFlags = {
  profile: Flags.string({ description: 'AWS profile from ~/.aws/config (default: the standard credential chain).', helpGroup: 'AWS' }),
  'endpoint-url': Flags.string({ description: 'Send every AWS call to this endpoint (an emulator or proxy); wins over AWS_ENDPOINT_URL.', helpGroup: 'AWS' }),
};

/** What a live read covers: with --demo or --snapshot nothing reads AWS, so none of them may be given. */
export const liveReadFlags = {
  region: Flags.string({ description: 'Region to read (default: AWS_REGION or the profile region).', exclusive: ['regions', 'all-regions'], helpGroup: 'AWS' }),
  regions: Flags.string({ description: 'Comma-separated regions to read, e.g. us-east-1,us-west-2.', exclusive: ['region', 'all-regions'], helpGroup: 'AWS' }),
  'all-regions': Flags.boolean({ description: 'Read every region enabled for the account.', exclusive: ['region', 'regions'], helpGroup: 'AWS' }),
  lookback: Flags.string({ description: 'Metrics window, e.g. 7d, 14d, 30d, 4w (default: lookbackDays in the config, else 14d).', helpGroup: 'AWS' }),
  org: Flags.boolean({ description: 'Read every active account of the AWS Organization through --org-role.', helpGroup: 'AWS' }),
  'org-role': Flags.string({
    description: `Role assumed in member accounts with --org (default ${DEFAULT_ORG_ROLE}; a read-only role is better).`,
    helpGroup: 'AWS',
  }),
  strict: Flags.boolean({ description: 'Exit 3 when any account, region or API could not be read (partial data).', helpGroup: 'AWS' }),
  prices: Flags.string({
    description: 'Price source: live (Pricing API), embedded (shipped catalog), auto (live, else embedded).',
    options: ['live', 'embedded', 'auto'],
    helpGroup: 'AWS',
  }),
};

/** Flags for reading a live AWS account; `audit` and `collect` spread them into their own. */
export const awsFlags = { ...awsAccessFlags, ...liveReadFlags };

/**
 * A run that reads no AWS (`--demo`, `--snapshot`) refuses the live-read flags instead of ignoring
 * them silently (a user who passes --strict or --regions expects them to mean something). --region
 * also sets where s3:// billing files are fetched, and --profile/--endpoint-url how: with --billing
 * those three stay meaningful.
 */
export function refuseLiveOnlyFlags(given: Record<string, unknown>, offlineSource: string, billing: boolean): void {
  const meaningful = new Set(billing ? ['region', ...Object.keys(awsAccessFlags)] : []);
  const ignored = Object.keys(awsFlags).filter((name) => given[name] !== undefined && !meaningful.has(name));
  if (ignored.length === 0) return;
  const names = ignored.map((n) => `--${n}`).join(', ');
  throw new UserError(
    `${names} ${ignored.length === 1 ? 'applies' : 'apply'} only when reading AWS live, not with ${offlineSource}; drop ${ignored.length === 1 ? 'it' : 'them'}`,
  );
}

export interface AwsFlagValues {
  profile?: string | undefined;
  region?: string | undefined;
  regions?: string | undefined;
  'all-regions'?: boolean | undefined;
  'endpoint-url'?: string | undefined;
  lookback?: string | undefined;
  org?: boolean | undefined;
  'org-role'?: string | undefined;
  prices?: string | undefined;
}

/** Parsed flags + config → what the collectors need; bad values are usage errors (exit 2). */
export function collectOptionsFromFlags(flags: AwsFlagValues, config: Config, extra: Pick<CollectOptions, 'onProgress'> = {}): CollectOptions {
  const regions = flags.region !== undefined ? [flags.region] : flags.regions !== undefined ? splitList(flags.regions) : [];
  for (const r of regions) if (!isRegionName(r)) throw new UserError(`--region(s): "${r}" is not an AWS region name (expected e.g. us-east-1)`);
  if (flags.regions !== undefined && regions.length === 0) throw new UserError('--regions: give at least one region, e.g. --regions us-east-1,us-west-2');
  const endpointUrl = flags['endpoint-url'];
  if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl)) throw new UserError(`--endpoint-url: "${endpointUrl}" is not an http(s) URL`);
  return {
    config,
    ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
    regions,
    allRegions: flags['all-regions'] ?? false,
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    lookbackDays: flags.lookback !== undefined ? parseLookback(flags.lookback) : config.lookbackDays,
    org: flags.org ?? false,
    ...(flags['org-role'] !== undefined ? { orgRoleName: flags['org-role'] } : {}),
    prices: (flags.prices as CollectOptions['prices'] | undefined) ?? config.prices,
    ...extra,
  };
}

/** "14d", "4w" or a bare number of days; CloudWatch keeps hourly data 455 days, so no further. */
export function parseLookback(text: string): number {
  const m = /^(\d+)\s*([dw]?)$/i.exec(text.trim());
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > 455) throw new UserError(`--lookback: "${text}" is not a window of 1 to 455 days (e.g. 14d, 30d, 4w)`);
  return days;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
