import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { GetCostAndUsageCommand, type CostExplorerClient, type Expression, type GetCostAndUsageCommandInput } from '@aws-sdk/client-cost-explorer';
import { z } from 'zod';
import { UserError } from '../errors.js';

/**
 * Cost Explorer GetCostAndUsage, paged by hand (the SDK has no paginator for it), every page
 * cached on disk under a hash of its request. Each request AWS answers costs $0.01, so the
 * collector counts them and the command tells the user; a cached page costs nothing.
 */
export const COST_EXPLORER_USD_PER_REQUEST = 0.01;

/** What `mlcost spend` asks of Cost Explorer; `mlcost permissions` includes it. */
export const IAM_ACTIONS = ['ce:GetCostAndUsage'] as const;

export type CeMetric = 'UnblendedCost' | 'AmortizedCost' | 'UsageQuantity';
export type CeDimension = 'SERVICE' | 'USAGE_TYPE' | 'LINKED_ACCOUNT' | 'PURCHASE_TYPE' | 'INSTANCE_TYPE' | 'REGION';
export type CeGroup = { type: 'DIMENSION'; key: CeDimension } | { type: 'TAG'; key: string };

export interface CeQuery {
  /** YYYY-MM-DD, inclusive. */
  start: string;
  /** YYYY-MM-DD, exclusive. */
  end: string;
  granularity: 'DAILY' | 'MONTHLY';
  /** At most two: Cost Explorer's limit. */
  groupBy: CeGroup[];
  metrics: CeMetric[];
  filter?: Expression;
}

export interface CeRow {
  start: string;
  end: string;
  /** Group values in groupBy order; null for an untagged resource (`team$`). */
  keys: (string | null)[];
  metrics: Partial<Record<CeMetric, number>>;
  estimated: boolean;
}

export interface CeCounter {
  requests: number;
  cachedPages: number;
}

export interface CeOptions {
  /** Directory of cached pages; undefined turns the cache off. */
  cacheDir?: string;
  /** How long a cached page is reused. Cost Explorer restates recent days, so not forever. */
  cacheTtlMs?: number;
  counter?: CeCounter;
  now?: () => number;
}

const Amount = z.object({ Amount: z.string().optional(), Unit: z.string().optional() });
const Page = z.object({
  ResultsByTime: z
    .array(
      z.object({
        TimePeriod: z.object({ Start: z.string(), End: z.string() }),
        Total: z.record(z.string(), Amount).optional(),
        Groups: z.array(z.object({ Keys: z.array(z.string()).optional(), Metrics: z.record(z.string(), Amount).optional() })).optional(),
        Estimated: z.boolean().optional(),
      }),
    )
    .optional(),
  NextPageToken: z.string().optional(),
});
type Page = z.infer<typeof Page>;

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['MLCOST_CACHE_DIR'] ?? (env['XDG_CACHE_HOME'] ? join(env['XDG_CACHE_HOME'], 'mlcost') : join(homedir(), '.cache', 'mlcost'));
  return join(base, 'costexplorer');
}

export async function getCostAndUsage(client: CostExplorerClient, q: CeQuery, o: CeOptions = {}): Promise<CeRow[]> {
  if (q.groupBy.length > 2) throw new UserError(`Cost Explorer groups by at most two dimensions, got ${q.groupBy.length}`);
  const rows: CeRow[] = [];
  let token: string | undefined;
  do {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: { Start: q.start, End: q.end },
      Granularity: q.granularity,
      Metrics: q.metrics,
      ...(q.groupBy.length ? { GroupBy: q.groupBy.map((g) => ({ Type: g.type, Key: g.key })) } : {}),
      ...(q.filter ? { Filter: q.filter } : {}),
      ...(token ? { NextPageToken: token } : {}),
    };
    const page = await fetchPage(client, input, o);
    rows.push(...toRows(page, q));
    token = page.NextPageToken;
  } while (token);
  return rows;
}

async function fetchPage(client: CostExplorerClient, input: GetCostAndUsageCommandInput, o: CeOptions): Promise<Page> {
  const file = o.cacheDir !== undefined ? join(o.cacheDir, `${createHash('sha256').update(JSON.stringify(input)).digest('hex')}.json`) : undefined;
  const now = o.now ?? Date.now;
  if (file) {
    const hit = await readCached(file, now() - (o.cacheTtlMs ?? 6 * 3_600_000));
    if (hit) {
      if (o.counter) o.counter.cachedPages += 1;
      return hit;
    }
  }
  if (o.counter) o.counter.requests += 1;
  let raw: unknown;
  try {
    raw = await client.send(new GetCostAndUsageCommand(input));
  } catch (err) {
    throw new UserError(`Cost Explorer GetCostAndUsage ${input.TimePeriod?.Start}..${input.TimePeriod?.End}: ${errorLine(err)}`);
  }
  const parsed = Page.safeParse(raw);
  if (!parsed.success) throw new Error(`Cost Explorer returned an unexpected response: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  // The cache only saves money; a read-only home directory must not fail the report.
  if (file) await writeCached(file, now(), parsed.data).catch(() => undefined);
  return parsed.data;
}

async function readCached(file: string, notBefore: number): Promise<Page | undefined> {
  try {
    const entry = z.object({ savedAt: z.number(), page: Page }).safeParse(JSON.parse(await readFile(file, 'utf8')));
    return entry.success && entry.data.savedAt >= notBefore ? entry.data.page : undefined;
  } catch {
    return undefined; // absent or unreadable: fetch again
  }
}

async function writeCached(file: string, savedAt: number, page: Page): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  // Write then rename, so a concurrent run never reads half a page.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ savedAt, page }));
  await rename(tmp, file);
}

function toRows(page: Page, q: CeQuery): CeRow[] {
  const out: CeRow[] = [];
  for (const r of page.ResultsByTime ?? []) {
    const base = { start: r.TimePeriod.Start, end: r.TimePeriod.End, estimated: r.Estimated ?? false };
    if (q.groupBy.length === 0) {
      out.push({ ...base, keys: [], metrics: metricsOf(r.Total ?? {}, q.metrics) });
      continue;
    }
    for (const g of r.Groups ?? []) {
      const keys = q.groupBy.map((grp, i) => groupValue(grp, g.Keys?.[i]));
      out.push({ ...base, keys, metrics: metricsOf(g.Metrics ?? {}, q.metrics) });
    }
  }
  return out;
}

/** Tag groups come back as `key$value`; an untagged resource is `key$`. */
function groupValue(g: CeGroup, raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const v = g.type === 'TAG' ? raw.slice(raw.indexOf('$') + 1) : raw;
  return v === '' || v === 'NoRegion' ? null : v;
}

function metricsOf(m: Record<string, z.infer<typeof Amount>>, wanted: CeMetric[]): Partial<Record<CeMetric, number>> {
  const out: Partial<Record<CeMetric, number>> = {};
  for (const k of wanted) {
    const n = Number(m[k]?.Amount ?? '0');
    if (!Number.isFinite(n)) throw new Error(`Cost Explorer returned a non-numeric ${k}: ${JSON.stringify(m[k]?.Amount)}`);
    out[k] = n;
  }
  return out;
}

function errorLine(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { name?: unknown; message?: unknown };
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const msg = typeof e.message === 'string' ? e.message.split('\n')[0] : String(err);
  return `${name}: ${msg}`;
}
