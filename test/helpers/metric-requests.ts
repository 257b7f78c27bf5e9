import type { DiscoveredMetric } from '../../src/collect/cloudwatch/discover.js';
import type { Series } from '../../src/collect/cloudwatch/summarize.js';
import type { Ec2Instance } from '../../src/snapshot/schema.js';

/**
 * Set-up for tests that build a metric source's requests from listed series and feed them results by hand
 * (EC2 agent, Neuron): an instance before its metrics are read, a series as ListMetrics lists it, hourly points.
 */
export const HOUR_MS = 3_600_000;
/** 2026-06-01 00:00 UTC, a Monday: hour-of-week 0. */
export const MONDAY_MS = Date.UTC(2026, 5, 1);
export const HOURLY_SUMMARY = { periodSeconds: 3600, windowHours: 336 };

/** An instance as the EC2 collector lists it, before any metric is read. */
export const uncollectedInstance = (id: string, type: string, region = 'us-east-1'): Ec2Instance => ({
  id,
  accountId: '1',
  region,
  type,
  state: 'running',
  lifecycle: 'on-demand',
  platform: 'Linux/UNIX',
  launchTime: '2026-05-01T00:00:00.000Z',
  tags: {},
  membership: {},
  metrics: {},
});

export const listedMetric = (metricName: string, dims: Record<string, string>): DiscoveredMetric => ({
  metricName,
  dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
});

/** Points at [hours since Monday 00:00 UTC, value]. */
export const hourlyAt = (...points: [number, number][]): Series => ({
  timestamps: points.map(([h]) => MONDAY_MS + h * HOUR_MS),
  values: points.map(([, v]) => v),
});
