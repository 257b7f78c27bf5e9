import { UserError } from '../errors.js';
import { COST_EXPLORER_USD_PER_REQUEST, getCostAndUsage, type CeCounter, type CeGroup, type CeRow } from './costexplorer.js';
import type { Snapshot } from '../snapshot/schema.js';
import { costExplorerClient, type AwsOptions } from './aws-clients.js';
import { gpuLine } from './gpu.js';
import type { DailySpend, Dimension, InstanceUsage } from './model.js';
import { addDays, dayOf, period, reportWindow, type Period } from './period.js';
import { buildSpendReport, type SpendReport } from './report.js';

export interface CeSpendRequest {
  by: Dimension[];
  lastDays?: number;
  /** The tag key that names a team (Cost Explorer groups by one tag key). */
  teamKey: string;
  aws: AwsOptions;
  snapshot?: Snapshot;
  now: Date;
  cacheDir?: string;
  notify: (line: string) => void;
}

/** Cost Explorer keeps 13 months at daily granularity (more only with multi-year data turned on). */
const HELD_MONTHS = 12;
const EC2_COMPUTE = 'Amazon Elastic Compute Cloud - Compute';

function groupFor(d: Dimension, teamKey: string): CeGroup {
  switch (d) {
    case 'service':
      return { type: 'DIMENSION', key: 'SERVICE' };
    case 'account':
      return { type: 'DIMENSION', key: 'LINKED_ACCOUNT' };
    case 'region':
      return { type: 'DIMENSION', key: 'REGION' };
    case 'instance-type':
      return { type: 'DIMENSION', key: 'INSTANCE_TYPE' };
    case 'team':
      return { type: 'TAG', key: teamKey };
    case 'resource':
      throw new UserError(
        '--by resource needs resource-level data: use --source cur (with INCLUDE_RESOURCES) or --source focus; Cost Explorer keeps resources for 14 days only',
      );
  }
}

/**
 * What Cost Explorer is asked for: the report window widened to what the deltas need (14 days
 * for week over week, the start of last month for month over month). It ends today, exclusive,
 * so a half-finished day never skews the comparison.
 */
export function cePeriod(now: Date, lastDays?: number): Period {
  const end = dayOf(now);
  if (lastDays === undefined) {
    const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - HELD_MONTHS, 1));
    return period(dayOf(m), end);
  }
  const lastMonthStart = dayOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
  const starts = [addDays(end, -lastDays), addDays(end, -14), lastMonthStart].sort();
  return period(starts[0] ?? end, end);
}

export async function costExplorerSpendReport(req: CeSpendRequest): Promise<SpendReport> {
  if (req.by.length > 2) throw new UserError(`Cost Explorer groups by at most two dimensions; --by ${req.by.join(',')} names ${req.by.length}`);
  const groups = req.by.map((d) => groupFor(d, req.teamKey));
  const held = cePeriod(req.now, req.lastDays);
  const client = costExplorerClient(req.aws);
  const counter: CeCounter = { requests: 0, cachedPages: 0 };
  const opts = { counter, ...(req.cacheDir !== undefined ? { cacheDir: req.cacheDir } : {}) };
  try {
    const rows = await getCostAndUsage(
      client,
      { start: held.start, end: held.end, granularity: 'DAILY', groupBy: groups, metrics: ['UnblendedCost', 'AmortizedCost'] },
      opts,
    );
    const daily = rows.map(toDaily);
    const window = reportWindow(held, req.lastDays);
    const usage = await getCostAndUsage(
      client,
      {
        start: window.start,
        end: window.end,
        granularity: 'MONTHLY',
        groupBy: [{ type: 'DIMENSION', key: 'INSTANCE_TYPE' }],
        metrics: ['UsageQuantity', 'UnblendedCost', 'AmortizedCost'],
        filter: {
          And: [{ Dimensions: { Key: 'SERVICE', Values: [EC2_COMPUTE] } }, { Dimensions: { Key: 'USAGE_TYPE_GROUP', Values: ['EC2: Running Hours'] } }],
        },
      },
      opts,
    );
    const warnings = req.snapshot ? ['GPU idle share needs resource ids, which Cost Explorer does not give: use --source cur or --source focus'] : [];
    return buildSpendReport(daily, {
      source: { kind: 'cost-explorer', engine: 'cost-explorer', where: 'Cost Explorer GetCostAndUsage' },
      by: req.by,
      held,
      ...(req.lastDays !== undefined ? { lastDays: req.lastDays } : {}),
      gpu: gpuLine(usage.flatMap(toUsage)),
      warnings,
    });
  } finally {
    client.destroy();
    const usd = counter.requests * COST_EXPLORER_USD_PER_REQUEST;
    req.notify(
      `Cost Explorer: ${counter.requests} request(s), $${usd.toFixed(2)} at $0.01 each${counter.cachedPages ? `; ${counter.cachedPages} page(s) from cache` : ''}`,
    );
  }
}

function toDaily(r: CeRow): DailySpend {
  return { day: r.start.slice(0, 10), keys: r.keys, billed: r.metrics.UnblendedCost ?? 0, effective: r.metrics.AmortizedCost ?? 0, list: null };
}

function toUsage(r: CeRow): InstanceUsage[] {
  const type = r.keys[0];
  if (!type) return [];
  return [
    {
      resourceId: null,
      instanceType: type,
      region: null,
      pricingModel: 'other',
      hours: r.metrics.UsageQuantity ?? 0,
      billed: r.metrics.UnblendedCost ?? 0,
      effective: r.metrics.AmortizedCost ?? 0,
    },
  ];
}
