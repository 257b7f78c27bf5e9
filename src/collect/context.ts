import type { AwsIdentity, AwsSession } from '../aws/session.js';
import type { ClientOf, ServiceName } from '../aws/services.js';
import { classifyAwsError, type AwsFailure } from '../aws/errors.js';
import type { Config } from '../config/schema.js';
import type { SnapshotWarning } from '../snapshot/schema.js';
import type { MetricWindow } from './cloudwatch/period.js';

export interface Account extends AwsIdentity {
  name?: string;
}

/** Warnings from every collector, in the order they happened; identical ones are kept once. */
export class WarningSink {
  readonly list: SnapshotWarning[] = [];
  private readonly seen = new Set<string>();

  add(w: SnapshotWarning): void {
    const key = JSON.stringify([w.code, w.accountId, w.region, w.service, w.resourceId, w.message]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(w);
  }
}

/** Everything a collector needs to read one account in one region. */
export interface RegionContext {
  session: AwsSession;
  account: Account;
  region: string;
  window: MetricWindow;
  config: Config;
  warnings: WarningSink;
  now: Date;
}

export function clientFor<S extends ServiceName>(ctx: Pick<RegionContext, 'session' | 'account' | 'region'>, service: S): ClientOf<S> {
  return ctx.session.client(service, ctx.region, ctx.account);
}

/** Where a failed read was: a region, or the whole account (an API with one global endpoint). */
export type FailureScope = Pick<RegionContext, 'account' | 'warnings'> & { region?: string };

/**
 * Turns a failed AWS call into a Snapshot warning (code = failure kind) naming account, region and
 * what was lost, and what follows from the loss when that is not obvious (`consequence`).
 */
export function warnFailure(ctx: FailureScope, service: string, what: string, err: unknown, consequence?: string): AwsFailure {
  const failure = classifyAwsError(err);
  const where = ctx.region !== undefined ? `${ctx.account.accountId}/${ctx.region}` : ctx.account.accountId;
  ctx.warnings.add({
    code: failure.kind,
    message: `${where}: could not read ${what} (${failure.code}: ${failure.message})${consequence !== undefined ? `; ${consequence}` : ''}`,
    accountId: ctx.account.accountId,
    ...(ctx.region !== undefined ? { region: ctx.region } : {}),
    service,
  });
  return failure;
}

/** Runs one collection step; a failure becomes a warning and `undefined`, never a lost run. */
export async function guarded<T>(ctx: FailureScope, service: string, what: string, step: () => Promise<T>, consequence?: string): Promise<T | undefined> {
  try {
    return await step();
  } catch (err) {
    warnFailure(ctx, service, what, err, consequence);
    return undefined;
  }
}
