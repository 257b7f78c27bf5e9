import { describe, expect, it } from 'vitest';
import { syntheticSnapshot } from '../../bench/generate.js';
import { PriceBook } from '../../src/catalog/index.js';
import { DEMO_SNAPSHOT } from '../../src/commands/audit.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { compileCel, ruleEnvironment } from '../../src/engine/cel.js';
import { isDeferral, type FastProgram } from '../../src/engine/cel-fast.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { factsFor } from '../../src/engine/signals/index.js';
import { indexVolumesByInstance } from '../../src/engine/signals/types.js';
import { parseSnapshot, readSnapshot } from '../../src/snapshot/io.js';
import { RESOURCE_TYPES, resourcesOf } from '../../src/snapshot/resources.js';
import type { Snapshot } from '../../src/snapshot/schema.js';

/**
 * The compiled closures must answer exactly as cel-js does wherever they answer at all, and
 * defer to it everywhere else. cel-js is the reference throughout: no expected value here is
 * written by hand.
 */
type Outcome = { value: unknown } | { error: true };
const outcome = (run: () => unknown): Outcome => {
  try {
    return { value: run() };
  } catch {
    return { error: true };
  }
};
/** The compiled code's own outcome: a value, or 'deferred' where it hands over to cel-js. */
const fastOutcome = (fast: FastProgram, context: Record<string, unknown>): Outcome | 'deferred' => {
  try {
    return { value: fast(context) };
  } catch (err) {
    if (isDeferral(err)) return 'deferred';
    return { error: true };
  }
};

describe('compiled CEL agrees with cel-js on the built-in rules', () => {
  const config = ConfigSchema.parse({});
  const audited = async (snapshot: Snapshot) => {
    const rules = await loadRules();
    const env = {
      snapshot,
      prices: new PriceBook(snapshot.prices),
      minObservedHours: config.minObservedHours,
      config,
      asOf: new Date(snapshot.scope.lookback.end),
      volumesByInstance: indexVolumesByInstance(snapshot.resources.ebsVolumes),
    };
    const tally = { compared: 0, matched: 0, deferred: 0, disagreements: [] as string[] };
    for (const type of RESOURCE_TYPES) {
      for (const resource of resourcesOf(snapshot, type)) {
        const facts = factsFor(type, resource, env);
        for (const rule of rules.filter((r) => r.spec.resource === type)) {
          const context = { resource, signals: facts.signals, params: rule.params };
          const reference = outcome(() => rule.when.reference(context));
          const fast = fastOutcome(rule.when.fast!, context);
          tally.compared++;
          if (fast === 'deferred') tally.deferred++;
          else if (JSON.stringify(fast) !== JSON.stringify(reference))
            tally.disagreements.push(`${rule.spec.id} on ${JSON.stringify(resource).slice(0, 80)}: ${JSON.stringify(fast)} vs ${JSON.stringify(reference)}`);
          if (JSON.stringify(outcome(() => rule.when(context))) !== JSON.stringify(reference)) tally.disagreements.push(`${rule.spec.id} (with fallback)`);
          if ('value' in reference && reference.value === true) tally.matched++;
        }
      }
    }
    return tally;
  };

  it('every built-in rule compiles', async () => {
    const uncompiled = (await loadRules()).filter((r) => r.when.fast === undefined).map((r) => r.spec.id);
    expect(uncompiled).toEqual([]);
  });

  it.each([
    ['the demo snapshot', () => readSnapshot(DEMO_SNAPSHOT)],
    ['a synthetic account of 1,200 resources', () => Promise.resolve(parseSnapshot(JSON.stringify(syntheticSnapshot(1200, 'account', 7)), 'synthetic.json'))],
  ])('%s: same answer on every resource and rule, never deferring', async (_name, load) => {
    const tally = await audited(await load());
    expect(tally.disagreements).toEqual([]);
    expect(tally.deferred).toBe(0);
    // Both answers are exercised, not only "false".
    expect(tally.matched).toBeGreaterThan(10);
    expect(tally.compared).toBeGreaterThan(tally.matched * 2);
  });
});

/** cel-js takes only plain arrays as lists. */
class Subclassed extends Array<unknown> {}

describe('compiled CEL at the edges', () => {
  const env = ruleEnvironment();
  const signals = {
    t: true,
    f: false,
    d: 2.5,
    zero: 0,
    i: 3n,
    nan: Number.NaN,
    s: 'gp2',
    n: null,
    empty: [] as unknown[],
    strs: ['a=1', 'b=2'],
    mixed: ['a=1', 7],
    nums: [1, 2, 3],
    gpus: [
      { util: 0, mem: 0 },
      { util: 80, mem: 10 },
    ],
    gapGpus: [{ util: 0 }, { mem: 1 }],
    days: [
      { cpuAvgPct: 1, networkMB: 1 },
      { cpuAvgPct: 50, networkMB: 1 },
    ],
    nested: { inner: { x: 1 } },
    // Tag maps can hold any key: cel-js does not take an object whose "constructor" is data for a map.
    tags: { constructor: 'team-a', env: 'prod' },
    oddRows: [{ constructor: 'x', cpuAvgPct: 1, networkMB: 1 }],
    holes: [undefined, 1],
    subclassed: Subclassed.from(['a=1']),
    fn: () => 1,
    p: ['p'],
    q: ['q'],
    r: ['r'],
    byMap: new Map([['x', 1]]),
  };
  const params = { max: 5, tags: ['a=1'] };
  const context = { resource: { type: 'p4d.24xlarge', lifecycle: 'on-demand' }, signals, params };

  // [expression, whether the compiled code answers by itself (true) or hands over to cel-js (false)]
  const cases: [string, boolean][] = [
    ['signals.t && signals.d > 1', true],
    ['signals.f && signals.missing > 1', true],
    ['signals.missing > 1 && signals.f', false],
    ['signals.missing > 1 || signals.t', false],
    ['signals.t || signals.missing', true],
    ['signals.t && signals.d', false],
    ['signals.d && signals.t', false],
    ['!signals.f && !signals.s', false],
    ['signals.t ? signals.d > 2 : signals.missing', true],
    ['signals.d ? true : false', false],
    ['signals.d == 2.5 && signals.i == 3 && signals.zero == 0 && signals.i != 4.0', true],
    ['signals.zero == 0.0 && signals.i == 3.0 && signals.i >= 2.5 && signals.d < signals.i', true],
    ["signals.s == 'gp2' && signals.s != 'gp3' && signals.s < 'gp3'", true],
    ["signals.s == 2 || signals.d == 'x'", false],
    ['signals.n == null', false],
    ['signals.nan == signals.nan || signals.nan < 1 || signals.nan >= 1', true],
    ['signals.t > signals.f', true],
    ["signals.d > 'x'", false],
    ['signals.d * 2.0 > 4.9 && signals.d / 2.0 < 1.3 && signals.d - 0.5 == 2.0 && -signals.d < 0.0', true],
    ['signals.i * 2 > 5', false],
    ['signals.d * 2 > 4', false],
    ["'a=1' in signals.strs && !('c=3' in signals.strs)", true],
    ["'a=1' in signals.mixed", false],
    ["'z' in signals.mixed", false],
    ['1 in signals.nums', false],
    ["'x' in signals.byMap", false],
    ['params.tags.exists(t, t in signals.strs)', true],
    ['signals.empty.all(g, g.util > 1) && !signals.empty.exists(g, g.util > 1)', true],
    ['signals.gpus.all(g, g.util <= params.max && g.mem <= params.max)', true],
    ['signals.gpus.exists(g, g.util > 50)', true],
    ['signals.gapGpus.all(g, g.util > 5)', true],
    ['signals.gapGpus.exists(g, g.util > 5)', false],
    ['signals.gapGpus.all(g, g.util < 5)', false],
    ['signals.gpus.exists(signals, signals.util > 50)', true],
    ['signals.gpus.all(g, signals.nums.exists(n, n > g.mem))', true],
    ['signals.nums.all(n, n)', false],
    ['signals.byMap.all(k, k == "x")', false],
    ['signals.nested.inner.x > 0.5', true],
    ['signals.nested.missing.x > 0.5', false],
    ['signals.s.x == 1', false],
    ['signals.s.length == 3', false],
    ['signals.strs.length == 2', false],
    ['signals.byMap.x == 1', false],
    ['resource.lifecycle == "on-demand" && resource.type == "p4d.24xlarge"', true],
    ['idleDays(signals.days, 10.0, 5.0) >= 1 && idleDays(signals.days, 60, 5) == 2', true],
    ['activeGpus(signals.gpus, 5.0, 5.0) == 1', true],
    ['idleDays(signals.d, 10.0, 5.0) >= 1', false],
    ['idleDays(signals.days, signals.nested, 5.0) >= 1', false],
    ['size(signals.strs) == 2', false],
    ['has(signals.missing)', false],
    ['signals.strs[0] == "a=1"', false],
    ["signals.tags.env == 'prod'", false],
    ['signals.oddRows.exists(d, d.cpuAvgPct == 1.0)', false],
    ['idleDays(signals.oddRows, 5, 5) > 0', false],
    ['signals.holes.exists(x, true)', false],
    ["'a=1' in signals.subclassed || signals.subclassed.exists(x, x == 'a=1')", false],
    ['signals.fn == 1', false],
    ['signals.p.exists(x, signals.q.exists(x, signals.r.exists(y, x == y)))', true],
    ['signals.p.all(x, signals.q.all(x, signals.r.all(y, x != y)))', true],
  ];

  it.each(cases)('%s', (expression, answersAlone) => {
    const compiled = compileCel(env, expression);
    const reference = outcome(() => compiled.reference(context));
    const fast = compiled.fast === undefined ? 'not compiled' : fastOutcome(compiled.fast, context);
    if (answersAlone) expect(fast).toEqual(reference);
    else expect(fast === 'deferred' || fast === 'not compiled').toBe(true);
    expect(outcome(() => compiled(context))).toEqual(reference);
  });

  it('a list is walked by index, as cel-js walks it, not by an iterator of its own', () => {
    const list = Object.assign(['x'], {
      [Symbol.iterator]: function* () {
        yield 'y';
      },
    });
    const ctx = { resource: {}, signals: { list }, params: {} };
    for (const expression of ["signals.list.exists(s, s == 'y')", "signals.list.all(s, s == 'x')"]) {
      const compiled = compileCel(env, expression);
      expect(outcome(() => compiled.fast!(ctx))).toEqual(outcome(() => compiled.reference(ctx)));
    }
  });

  it('a condition too deep to compile is left to cel-js, not a load error', () => {
    const compiled = compileCel(env, Array.from({ length: 1000 }, () => 'signals.f').join(' || '));
    expect(compiled.fast).toBeUndefined();
    expect(compiled(context)).toBe(false);
  });

  it('keys Object.prototype owns are left to cel-js (a plain read would find them)', () => {
    for (const key of ['constructor', 'toString', '__proto__']) expect(compileCel(env, `signals.${key} == 1`).fast).toBeUndefined();
  });
});
