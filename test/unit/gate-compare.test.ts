import { describe, expect, it } from 'vitest';
import { compareWithBaseline, delta } from '../../src/gate/compare.js';
import { readAuditResult } from '../../src/engine/result-io.js';

const current = await readAuditResult('fixtures/gate/current.json');
const baseline = await readAuditResult('fixtures/gate/baseline.json');
const all = () => true;

describe('compareWithBaseline', () => {
  it('sorts findings into new, resolved and changed by stable id', () => {
    const c = compareWithBaseline(current, baseline, all);
    expect(c.newFindings.map((f) => f.resource.id).sort()).toEqual(['i-0eee0000000000005', 'vol-0fff0000000000006']);
    expect(c.resolvedFindings.map((f) => f.resource.id)).toEqual(['i-0ddd0000000000004']);
    expect(c.changedFindings).toHaveLength(1);
    expect(c.changedFindings[0]?.changes).toEqual(['severity medium -> high', 'savings $800 -> $1,200']);
  });

  it('gives cost and waste deltas in total and per team, account, region and category', () => {
    const c = compareWithBaseline(current, baseline, all);
    expect(c.cost).toEqual({ before: 20000, after: 24000, change: 4000, pct: 20 });
    expect(c.waste).toMatchObject({ before: 5950, after: 11240, change: 5290 });
    expect(c.wasteBy.byTeam['research']).toMatchObject({ before: 5000, after: 10000, change: 5000, pct: 100 });
    expect(c.wasteBy.byTeam['data-platform']).toMatchObject({ before: 150, after: 0, change: -150 });
    expect(c.wasteBy.byTeam['(untagged)']).toMatchObject({ before: 0, after: 40, change: 40, pct: null });
    expect(c.wasteBy.byAccount['444455556666']).toMatchObject({ before: 950, after: 1200 });
    expect(c.wasteBy.byRegion['us-east-1']).toMatchObject({ before: 5000, after: 10040 });
    expect(c.wasteBy.byCategory['storage']).toMatchObject({ before: 0, after: 40 });
  });

  it('leaves findings that do not count out of the waste on both sides', () => {
    const c = compareWithBaseline(current, baseline, (f) => f.resource.team !== 'research');
    expect(c.waste).toMatchObject({ before: 950, after: 1240 });
    expect(c.wasteBy.byTeam['research']).toBeUndefined();
    // New/resolved are facts about every finding, whatever counts as waste.
    expect(c.newFindings).toHaveLength(2);
  });

  it('without a baseline every finding is new and no change is invented', () => {
    const c = compareWithBaseline(current, undefined, all);
    expect(c.hasBaseline).toBe(false);
    expect(c.newFindings).toHaveLength(current.findings.length);
    expect(c.resolvedFindings).toEqual([]);
    expect(c.cost).toEqual({ before: null, after: 24000, change: null, pct: null });
    expect(c.wasteBy.byTeam['research']).toEqual({ before: null, after: 10000, change: null, pct: null });
  });

  it('a delta from zero has no percentage', () => {
    expect(delta(0, 10)).toEqual({ before: 0, after: 10, change: 10, pct: null });
    expect(delta(100, 90.004)).toEqual({ before: 100, after: 90.004, change: -10, pct: -10 });
  });
});
