import { estimateApiCostUsd } from '../aws/cost.js';
import { mapLimit } from '../aws/limiter.js';
import { defaultRegion, enabledRegions, isRegionName } from '../aws/regions.js';
import { AwsSession, type AwsCallEvent } from '../aws/session.js';
import { UserError } from '../errors.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SnapshotInput, type SnapshotWarning } from '../snapshot/schema.js';
import { resolveAccounts } from './accounts.js';
import { metricWindow } from './cloudwatch/period.js';
import { COLLECTORS } from './collectors.js';
import { WarningSink, type Account } from './context.js';
import { mergeResults, runCollectors, stepCounts, TargetRun } from './orchestrate.js';
import { collectPrices, priceNeeds } from './pricing.js';
import { collectSavingsPlanRates } from './savings-plan-rates.js';
import type { CollectProgressEvent } from './progress.js';
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
    ...(options.onProgress ? { onCall: (call: AwsCallEvent) => options.onProgress?.({ kind: 'call', call }) } : {}),
  });
  const warnings = new WarningSink();
  const progress = (event: CollectProgressEvent) => options.onProgress?.(event);
  try {
    const requested = options.regions.length ? options.regions : (options.config.regions ?? []);
    for (const r of requested) if (!isRegionName(r)) throw new UserError(`"${r}" is not an AWS region name (expected e.g. us-east-1)`);
    const home = requested[0] ?? (await defaultRegion(options.profile)) ?? (options.allRegions ? 'us-east-1' : undefined);
    if (home === undefined)
      throw new UserError('no AWS region: pass --region, --regions or --all-regions, set AWS_REGION, or set `regions` in mlcost.config.yaml');
    const accounts = await resolveAccounts(session, options, home, warnings);
    const regions = options.allRegions ? await allRegions(session, accounts, home) : requested.length ? requested : [home];
    progress({ kind: 'plan', accounts: accounts.map((a) => a.accountId), regions, lookbackDays: options.lookbackDays });

    const base = { session, window, config: options.config, warnings, now, regions: new Set(regions) };
    // Account-wide collectors and every account x region start together: a region collector that reads an
    // account-wide result (the regions' S3 metrics read the account's bucket list) waits for that one alone.
    const accountRuns = new Map<number, TargetRun>();
    const accountRun = (i: number): TargetRun => {
      let run = accountRuns.get(i);
      if (!run) accountRuns.set(i, (run = new TargetRun(ACCOUNT_COLLECTORS, { ...base, account: accounts[i]!, region: home })));
      return run;
    };
    const accountsDone = mapLimit(accounts, TARGET_CONCURRENCY, async (account, i) => {
      const results = await accountRun(i).done;
      progress({
        kind: 'account-done',
        accountId: account.accountId,
        counts: stepCounts(ACCOUNT_COLLECTORS, results),
        warnings: countWarnings(warnings, (w) => w.accountId === account.accountId && ACCOUNT_WIDE.has(w.service ?? '')),
      });
      return results;
    });
    const targets = accounts.flatMap((account, i) => regions.map((region) => ({ account, region, i })));
    const regionsDone = mapLimit(targets, TARGET_CONCURRENCY, async ({ account, region, i }) => {
      progress({ kind: 'region-start', accountId: account.accountId, region });
      const results = await runCollectors(REGION_COLLECTORS, { ...base, account, region }, accountRun(i));
      const mine = (w: SnapshotWarning) => w.accountId === account.accountId && w.region === region && !ACCOUNT_WIDE.has(w.service ?? '');
      progress({
        kind: 'region-done',
        accountId: account.accountId,
        region,
        counts: stepCounts(REGION_COLLECTORS, results),
        warnings: countWarnings(warnings, mine),
      });
      return results;
    });
    const [accountResults, regionResults] = await Promise.all([accountsDone, regionsDone]);

    const found = mergeResults(COLLECTORS, [...accountResults, ...regionResults]);
    // Independent reads of two APIs: the Pricing API's prices and the Savings Plans API's rates.
    const [prices, savingsPlanRates] = await Promise.all([
      collectPrices({ session, account: accounts[0]!, home, options, warnings, now }, priceNeeds(found.resources)),
      collectSavingsPlanRates({ session, accounts, warnings, now, prices: options.prices }, found.resources),
    ]);
    if (options.prices !== 'embedded')
      progress({ kind: 'prices-done', count: prices.length, warnings: countWarnings(warnings, (w) => w.service === 'pricing') });
    const snapshot = assemble(found, prices, { accounts, regions, window, now, warnings });
    snapshot.savingsPlanRates = savingsPlanRates;
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
    throw new UserError(
      `--all-regions: cannot list regions from ${home} (${(err as Error).name}: ${(err as Error).message.split('\n')[0]}); pass --regions instead`,
    );
  }
}

const ACCOUNT_COLLECTORS = COLLECTORS.filter((c) => c.scope === 'account');
const REGION_COLLECTORS = COLLECTORS.filter((c) => c.scope === 'region');
/** Services read once per account, whose warnings belong to the account, not to a region line. */
const ACCOUNT_WIDE = new Set<string>(ACCOUNT_COLLECTORS.map((c) => c.service));

function countWarnings(sink: WarningSink, match: (w: SnapshotWarning) => boolean): number {
  return sink.list.filter(match).length;
}

function assemble(
  found: ReturnType<typeof mergeResults>,
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
    ...found,
    prices,
    warnings: meta.warnings.list,
  };
}
