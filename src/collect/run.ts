import { estimateApiCostUsd } from '../aws/cost.js';
import { mapLimit } from '../aws/limiter.js';
import { defaultRegion, enabledRegions, isRegionName } from '../aws/regions.js';
import { AwsSession } from '../aws/session.js';
import { UserError } from '../errors.js';
import { SNAPSHOT_SCHEMA_VERSION, type S3Bucket, type Snapshot, type SnapshotInput } from '../snapshot/schema.js';
import { resolveAccounts } from './accounts.js';
import { metricWindow } from './cloudwatch/period.js';
import { guarded, WarningSink, type Account, type RegionContext } from './context.js';
import { collectPrices, priceNeeds } from './pricing.js';
import { collectRegion, type RegionResult } from './region.js';
import { collectBuckets } from './s3.js';
import type { CollectOptions } from './types.js';
import { validated } from './validate.js';

/** Account×region pairs read at once; each service and region also has its own request limit. */
const TARGET_CONCURRENCY = 8;

/**
 * Live collection: accounts × regions concurrently, every failure a warning in the Snapshot,
 * every call counted and priced in `scope`. Only missing credentials or an unusable region list
 * stop the run (UserError); everything else yields a Snapshot with what could be read.
 */
export async function collectSnapshot(options: CollectOptions): Promise<Snapshot> {
  return (await collectWithUsage(options)).snapshot;
}

/** What the collection itself cost: calls per "service:Operation", metrics requested, estimated USD. */
export interface CollectUsage {
  apiCalls: Record<string, number>;
  cloudwatchMetricsRequested: number;
  apiCostUsd: number;
}

export async function collectWithUsage(options: CollectOptions): Promise<{ snapshot: Snapshot; usage: CollectUsage }> {
  const now = options.now ?? new Date();
  const window = metricWindow(options.lookbackDays, now);
  const session = new AwsSession({
    ...(options.endpointUrl !== undefined ? { endpointUrl: options.endpointUrl } : {}),
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  });
  const warnings = new WarningSink();
  const progress = (message: string) => options.onProgress?.({ message });
  try {
    const requested = options.regions.length ? options.regions : (options.config.regions ?? []);
    for (const r of requested) if (!isRegionName(r)) throw new UserError(`"${r}" is not an AWS region name (expected e.g. us-east-1)`);
    const home = requested[0] ?? (await defaultRegion(options.profile)) ?? (options.allRegions ? 'us-east-1' : undefined);
    if (home === undefined) throw new UserError('no AWS region: pass --region, --regions or --all-regions, set AWS_REGION, or set `regions` in mlcost.config.yaml');
    const accounts = await resolveAccounts(session, options, home, warnings);
    const regions = options.allRegions ? await allRegions(session, accounts, home) : requested.length ? requested : [home];
    progress(`collecting ${accounts.length} account(s) × ${regions.length} region(s), ${options.lookbackDays}-day lookback`);

    const base = { session, window, config: options.config, warnings, now };
    const bucketsByAccount = new Map<string, S3Bucket[]>();
    await mapLimit(accounts, TARGET_CONCURRENCY, async (account) => {
      const ctx: RegionContext = { ...base, account, region: home };
      bucketsByAccount.set(account.accountId, (await guarded(ctx, 's3', 'S3 buckets', () => collectBuckets(ctx, new Set(regions)))) ?? []);
    });
    const targets = accounts.flatMap((account) => regions.map((region) => ({ account, region })));
    const results = await mapLimit(targets, TARGET_CONCURRENCY, async ({ account, region }) => {
      const result = await collectRegion({ ...base, account, region }, bucketsByAccount.get(account.accountId) ?? []);
      progress(`${account.accountId}/${region}: ${result.instances.length} instances, ${result.volumes.length} volumes, ${result.endpoints.length} endpoints`);
      return result;
    });

    const buckets = [...bucketsByAccount.values()].flat();
    const prices = await collectPrices({ session, account: accounts[0]!, home, options, warnings, now }, priceNeeds(results));
    const snapshot = assemble(results, buckets, prices, { accounts, regions, window, now, warnings });
    const usage: CollectUsage = {
      apiCalls: session.counter.toRecord(),
      cloudwatchMetricsRequested: session.counter.metricsRequested,
      apiCostUsd: estimateApiCostUsd(session.counter),
    };
    snapshot.scope.apiCalls = usage.apiCalls;
    snapshot.scope.apiCostUsd = usage.apiCostUsd;
    return { snapshot: validated(snapshot, warnings), usage };
  } finally {
    session.destroy();
  }
}

async function allRegions(session: AwsSession, accounts: readonly Account[], home: string): Promise<string[]> {
  try {
    return await enabledRegions(session, accounts[0]!, home);
  } catch (err) {
    throw new UserError(`--all-regions: cannot list regions from ${home} (${(err as Error).name}: ${(err as Error).message.split('\n')[0]}); pass --regions instead`);
  }
}

function assemble(
  results: readonly RegionResult[],
  buckets: S3Bucket[],
  prices: SnapshotInput['prices'],
  meta: { accounts: readonly Account[]; regions: readonly string[]; window: ReturnType<typeof metricWindow>; now: Date; warnings: WarningSink },
): SnapshotInput {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collectedAt: meta.now.toISOString(),
    scope: {
      accounts: meta.accounts.map((a) => a.accountId),
      regions: [...meta.regions],
      lookback: { start: meta.window.start.toISOString(), end: meta.window.end.toISOString(), days: meta.window.days },
      source: 'aws',
    },
    resources: {
      ec2Instances: results.flatMap((r) => r.instances),
      ebsVolumes: results.flatMap((r) => r.volumes),
      ebsSnapshots: results.flatMap((r) => r.snapshots),
      elasticIps: results.flatMap((r) => r.elasticIps),
      reservedInstances: results.flatMap((r) => r.reservedInstances),
      savingsPlans: [],
      s3Buckets: buckets,
      sagemakerEndpoints: results.flatMap((r) => r.endpoints),
      sagemakerNotebooks: results.flatMap((r) => r.notebooks),
    },
    instanceTypes: Object.assign({}, ...results.map((r) => r.instanceTypes)),
    spotPrices: results.flatMap((r) => r.spotPrices),
    prices,
    warnings: meta.warnings.list,
  };
}
