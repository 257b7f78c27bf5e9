import type { AwsCallEvent } from '../aws/session.js';
import { COLLECTORS } from './collectors.js';

/** What a live collection reports as it goes; only the TTY display reads these. */
export type CollectProgressEvent =
  | { kind: 'plan'; accounts: string[]; regions: string[]; lookbackDays: number }
  | { kind: 'call'; call: AwsCallEvent }
  | { kind: 'region-start'; accountId: string; region: string }
  | { kind: 'region-done'; accountId: string; region: string; counts: Record<string, number>; warnings: number }
  | { kind: 'account-done'; accountId: string; counts: Record<string, number>; warnings: number }
  | { kind: 'prices-done'; count: number; warnings: number };

export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export interface StepState {
  status: StepStatus;
  calls: number;
  inFlight: number;
  count?: number;
  /** The failure kind of the first call that failed (access-denied, not-implemented…). */
  failure?: string;
}

export interface LineState {
  /** Account id, or "" for the Pricing API line. */
  account: string;
  /** A region, "global" (account-wide APIs: S3 listing, Savings Plans) or "prices". */
  place: string;
  status: 'waiting' | 'running' | 'done';
  steps: Map<string, StepState>;
  warnings: number;
  /** Order of first activity, so the display can show the newest finished lines. */
  touched: number;
}

/** Step names by "service:Operation", from what each collector declares it calls. */
const STEP_BY_OPERATION = new Map(COLLECTORS.flatMap((c) => c.iamActions.map((action) => [action, c.step] as const)));
/** Step names by service, where every collector of the service shares one step (its IAM names may differ from operations: s3:ListAllMyBuckets). */
const STEP_BY_SERVICE = new Map<string, string>([
  ...[...new Set(COLLECTORS.map((c) => c.service))].flatMap((service) => {
    const steps = new Set(COLLECTORS.filter((c) => c.service === service).map((c) => c.step));
    return steps.size === 1 ? [[service, [...steps][0]!] as const] : [];
  }),
  ['pricing', 'prices'],
]);
/** Account-wide APIs: their calls belong to the account's "global" line, whatever region signs them. */
const GLOBAL_SERVICES = new Set<string>(COLLECTORS.filter((c) => c.scope === 'account').map((c) => c.service));

/**
 * The state behind the live display: one line per account×region (plus one per account for
 * account-wide APIs and one for the Pricing API), each with the steps seen so far. Steps come
 * from the AWS calls themselves, so the collectors need no progress plumbing; counts and
 * warnings arrive when run.ts finishes a region.
 */
export class ProgressModel {
  readonly lines = new Map<string, LineState>();
  plan: { accounts: number; regions: number; lookbackDays: number } | undefined;
  private order = 0;

  constructor(readonly startedAt: number) {}

  apply(e: CollectProgressEvent): void {
    switch (e.kind) {
      case 'plan':
        this.plan = { accounts: e.accounts.length, regions: e.regions.length, lookbackDays: e.lookbackDays };
        for (const a of e.accounts) for (const r of e.regions) this.line(a, r);
        return;
      case 'region-start':
        this.start(this.line(e.accountId, e.region));
        return;
      case 'region-done':
        this.finish(this.line(e.accountId, e.region), e.counts, e.warnings);
        return;
      case 'account-done':
        this.finish(this.line(e.accountId, 'global'), e.counts, e.warnings);
        return;
      case 'prices-done':
        // Nothing to price (an empty account) and nothing cached: no line at all.
        if (this.lines.has('|prices') || e.count > 0 || e.warnings > 0) this.finish(this.line('', 'prices'), { prices: e.count }, e.warnings);
        return;
      case 'call':
        this.call(e.call);
    }
  }

  private call(c: AwsCallEvent): void {
    const step = STEP_BY_OPERATION.get(`${c.service}:${c.operation}`) ?? STEP_BY_SERVICE.get(c.service);
    // Identity and account discovery (sts, organizations, DescribeRegions) happen before there are lines to draw.
    if (step === undefined) return;
    const line = c.service === 'pricing' ? this.line('', 'prices') : this.line(c.accountId, GLOBAL_SERVICES.has(c.service) ? 'global' : c.region);
    if (line.status === 'waiting') this.start(line);
    let s = line.steps.get(step);
    if (!s) line.steps.set(step, (s = { status: 'pending', calls: 0, inFlight: 0 }));
    if (c.phase === 'start') {
      s.calls += 1;
      s.inFlight += 1;
    } else {
      s.inFlight = Math.max(0, s.inFlight - 1);
      // A 4xx such as NoSuchTagSet is an answer the collector expects; denial, throttling, 5xx are not.
      if (c.phase === 'error' && (c.failure !== 'error' || (c.httpStatus ?? 0) >= 500)) {
        s.status = 'failed';
        s.failure ??= c.failure;
      }
    }
    if (s.status !== 'failed' && line.status !== 'done') s.status = s.inFlight > 0 ? 'running' : 'pending';
  }

  private line(account: string, place: string): LineState {
    const key = `${account}|${place}`;
    let l = this.lines.get(key);
    if (!l) this.lines.set(key, (l = { account, place, status: 'waiting', steps: new Map(), warnings: 0, touched: 0 }));
    return l;
  }

  private start(l: LineState): void {
    if (l.status !== 'waiting') return;
    l.status = 'running';
    l.touched = ++this.order;
  }

  private finish(l: LineState, counts: Record<string, number>, warnings: number): void {
    this.start(l);
    l.status = 'done';
    l.warnings = warnings;
    for (const [step, n] of Object.entries(counts)) {
      const s = l.steps.get(step);
      if (s) s.count = n;
      // Without calls (answers from the price cache) a count still shows; a zero from a step that never ran does not.
      else if (n > 0) l.steps.set(step, { status: 'done', calls: 0, inFlight: 0, count: n });
    }
    for (const s of l.steps.values()) if (s.status !== 'failed') s.status = 'done';
  }

  /** Resource totals over every finished line, for the closing summary. */
  totals(): Map<string, number> {
    const out = new Map<string, number>();
    for (const l of this.lines.values()) for (const [name, s] of l.steps) if (s.count !== undefined) out.set(name, (out.get(name) ?? 0) + s.count);
    return out;
  }
}
