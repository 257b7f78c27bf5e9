import { afterAll, describe, expect, it } from 'vitest';
import { AwsSession } from '../../src/aws/session.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { defineCollector, type Collector, type CollectorContext } from '../../src/collect/collector.js';
import { COLLECTORS } from '../../src/collect/collectors.js';
import { WarningSink } from '../../src/collect/context.js';
import { collectorProblems, mergeResults, runCollectors, stepCounts } from '../../src/collect/orchestrate.js';
import { READER_ACTIONS, minimalPolicy } from '../../src/collect/permissions.js';
import { RESOURCE_TYPES } from '../../src/snapshot/resources.js';

const session = new AwsSession({ endpointUrl: 'http://127.0.0.1:9' });
afterAll(() => {
  session.destroy();
});

function target(): Omit<CollectorContext, 'resultOf'> {
  const now = new Date('2026-11-20T00:00:00Z');
  return {
    session,
    account: { accountId: '111122223333', credentials: () => Promise.resolve({ accessKeyId: 'a', secretAccessKey: 'b' }) },
    region: 'eu-west-1',
    regions: new Set(['eu-west-1']),
    window: { start: new Date('2026-11-06T00:00:00Z'), end: now, days: 14, periodSeconds: 3600 },
    config: ConfigSchema.parse({}),
    warnings: new WarningSink(),
    now,
  };
}

const awsError = (name: string) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: 403 } });

/** A fake collector that records when it ran and what it read. */
function fake(id: string, opts: Partial<Collector<string[]>> & { log: string[]; fails?: Error; reads?: Collector<string[]>[] }): Collector<string[]> {
  return defineCollector<string[]>({
    id,
    service: 'ec2',
    scope: 'region',
    iamActions: [`ec2:Describe${id}`],
    step: id,
    what: `${id} things`,
    ...opts,
    collect: async (ctx) => {
      opts.log.push(`start ${id}`);
      await new Promise((r) => setTimeout(r, 5));
      if (opts.fails) throw opts.fails;
      const seen = (opts.reads ?? []).map((dep) => `${dep.id}=${ctx.resultOf(dep)?.join('+') ?? 'none'}`);
      opts.log.push(`end ${id}`);
      return [`${id}-1`, ...seen];
    },
    count: (out) => out.length,
  });
}

describe('the collector registry', () => {
  it('is consistent: unique ids, dependencies listed, account-wide ones never wait for regional ones', () => {
    expect(collectorProblems(COLLECTORS)).toEqual([]);
    const a = fake('a', { log: [] });
    const b = fake('b', { log: [], scope: 'account', after: [a] });
    expect(collectorProblems([a, b, a])).toEqual(['b: account-wide, cannot run after the regional a', 'a: listed twice']);
    expect(collectorProblems([b])).toEqual(['b: runs after a, which is not listed']);
  });

  it('every resource type a collector fills exists, and permissions include every collector and Cost Explorer', () => {
    const allowed = new Set(minimalPolicy().Statement.flatMap((s) => s.Action));
    for (const c of COLLECTORS) {
      if (c.resourceType) expect(RESOURCE_TYPES).toContain(c.resourceType);
      expect(c.iamActions.length, c.id).toBeGreaterThan(0);
      for (const action of c.iamActions) expect(allowed, `${c.id}: ${action}`).toContain(action);
      expect(READER_ACTIONS[c.id]).toBe(c.iamActions);
    }
    expect(allowed).toContain('ce:GetCostAndUsage');
    expect(allowed).toContain('pricing:GetProducts');
  });

  it('runs probes first, then waves in dependency order; a dependent reads what ran before it', async () => {
    const log: string[] = [];
    const probe = fake('probe', { log, probe: true });
    const inventory = fake('inventory', { log });
    const other = fake('other', { log });
    const metrics = fake('metrics', { log, after: [probe, inventory], reads: [probe, inventory] });
    const results = await runCollectors([metrics, other, inventory, probe], target());
    expect(log.slice(0, 2)).toEqual(['start probe', 'end probe']);
    expect(log.slice(2, 4).sort()).toEqual(['start inventory', 'start other']);
    expect(log.indexOf('start metrics')).toBeGreaterThan(log.indexOf('end inventory'));
    expect(results.get(metrics)).toEqual(['metrics-1', 'probe=probe-1', 'inventory=inventory-1']);
    expect(stepCounts([metrics, other, inventory, probe], results)).toEqual({ metrics: 3, other: 1, inventory: 1, probe: 1 });
  });

  it('a failed collector is one warning and no result; what depends on it still runs, and results of the wider scope are readable', async () => {
    const log: string[] = [];
    const buckets = fake('buckets', { log, scope: 'account' });
    const inventory = fake('inventory', { log, fails: awsError('UnauthorizedOperation') });
    const metrics = fake('metrics', { log, after: [inventory, buckets], reads: [inventory, buckets] });
    const ctx = target();
    const account = await runCollectors([buckets], ctx);
    const results = await runCollectors([inventory, metrics], ctx, account);
    expect(results.has(inventory)).toBe(false);
    expect(results.get(metrics)).toEqual(['metrics-1', 'inventory=none', 'buckets=buckets-1']);
    expect(ctx.warnings.list.map((w) => w.message)).toEqual([
      '111122223333/eu-west-1: could not read inventory things (UnauthorizedOperation: UnauthorizedOperation happened)',
    ]);
    expect(stepCounts([inventory, metrics], results)).toEqual({ inventory: 0, metrics: 3 });
  });

  it('a region whose probe says it is not enabled is skipped after one warning', async () => {
    const log: string[] = [];
    const probe = fake('probe', { log, probe: true, fails: awsError('OptInRequired') });
    const other = fake('other', { log });
    const ctx = target();
    const results = await runCollectors([probe, other], ctx);
    expect(results.size).toBe(0);
    expect(log).toEqual(['start probe']);
    expect(ctx.warnings.list.map((w) => w.code)).toEqual(['opt-in-required']);
  });

  it('merges what collectors add into Snapshot lists, in target order', () => {
    const instances = defineCollector<string[]>({
      ...fake('x', { log: [] }),
      toSnapshot: (ids) => ({ resources: { ec2Instances: ids.map((id) => ({ id }) as never) }, spotPrices: [], instanceTypes: { [ids[0]!]: {} as never } }),
    });
    const merged = mergeResults([instances], [new Map([[instances, ['i-1', 'i-2']]]), new Map(), new Map([[instances, ['i-3']]])]);
    expect(merged.resources.ec2Instances?.map((i) => i.id)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(Object.keys(merged.instanceTypes)).toEqual(['i-1', 'i-3']);
  });
});
