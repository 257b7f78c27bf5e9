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

function target(): Omit<CollectorContext, 'resultOf' | 'settled'> {
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
function fake(
  id: string,
  opts: Partial<Collector<string[]>> & { log: string[]; fails?: Error; reads?: Collector<string[]>[]; delayMs?: number },
): Collector<string[]> {
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
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 5));
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

  it('starts every collector with the probe, and each dependent as soon as its own `after` has settled', async () => {
    const log: string[] = [];
    const probe = fake('probe', { log, probe: true, delayMs: 30 });
    const inventory = fake('inventory', { log });
    const slow = fake('slow', { log, delayMs: 60 });
    const metrics = fake('metrics', { log, after: [probe, inventory], reads: [probe, inventory] });
    const results = await runCollectors([metrics, slow, inventory, probe], target());
    expect(log.slice(0, 3).sort()).toEqual(['start inventory', 'start probe', 'start slow']);
    expect(log.indexOf('start metrics')).toBeGreaterThan(log.indexOf('end probe'));
    // A wave would have waited for `slow`; metrics needs only the probe and the inventory.
    expect(log.indexOf('start metrics')).toBeLessThan(log.indexOf('end slow'));
    expect(results.get(metrics)).toEqual(['metrics-1', 'probe=probe-1', 'inventory=inventory-1']);
    expect(stepCounts([metrics, slow, inventory, probe], results)).toEqual({ metrics: 3, slow: 1, inventory: 1, probe: 1 });
  });

  it('a startsEarly collector starts at once and reads each of its `after` through ctx.settled as it lands', async () => {
    const log: string[] = [];
    const fast = fake('fast', { log });
    const slow = fake('slow', { log, delayMs: 40 });
    const stream = defineCollector<string[]>({
      ...fake('stream', { log }),
      after: [fast, slow],
      startsEarly: true,
      collect: async (ctx) => {
        log.push('start stream');
        const seen = [];
        for (const dep of [fast, slow]) {
          const out = await ctx.settled(dep);
          log.push(`stream read ${dep.id}`);
          seen.push(`${dep.id}=${out?.join('+') ?? 'none'}`);
        }
        return seen;
      },
    });
    const results = await runCollectors([stream, fast, slow], target());
    expect(log[0]).toBe('start stream');
    expect(log.indexOf('stream read fast')).toBeLessThan(log.indexOf('end slow'));
    expect(results.get(stream)).toEqual(['fast=fast-1', 'slow=slow-1']);
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

  it('a region whose probe says it is not enabled is skipped after one warning: what started with the probe is dropped, what waits for it never starts', async () => {
    const log: string[] = [];
    const probe = fake('probe', { log, probe: true, fails: awsError('OptInRequired'), delayMs: 20 });
    const other = fake('other', { log, fails: awsError('OptInRequired') });
    const fine = fake('fine', { log });
    const dependent = fake('dependent', { log, after: [probe] });
    const ctx = target();
    const results = await runCollectors([probe, other, fine, dependent], ctx);
    expect(results.size).toBe(0);
    expect(log).not.toContain('start dependent');
    expect(ctx.warnings.list.map((w) => w.code)).toEqual(['opt-in-required']);
  });

  it('warnings of collectors that started with the probe are kept once the probe succeeds', async () => {
    const log: string[] = [];
    const probe = fake('probe', { log, probe: true, delayMs: 20 });
    const denied = fake('denied', { log, fails: awsError('AccessDenied') });
    const ctx = target();
    const results = await runCollectors([probe, denied], ctx);
    expect([...results.keys()]).toEqual([probe]);
    expect(ctx.warnings.list.map((w) => w.code)).toEqual(['access-denied']);
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
