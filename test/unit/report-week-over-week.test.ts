import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { weekOverWeek } from '../../src/render/report/week-over-week.js';

const fixture = (name: string) => readAuditResult(join(import.meta.dirname, '..', '..', 'fixtures', 'results', name));

describe('weekOverWeek', () => {
  it('matches findings by id: new, resolved, still open, realised and open savings', async () => {
    const w = weekOverWeek(await fixture('weekly.json'), await fixture('previous.json'));
    expect(w.newFindings.map((f) => f.resource.id).sort()).toEqual(['i-0hostile00000001', 'summarizer-prod', 'training-checkpoints', 'vol-0abc1234def567890']);
    expect(w.resolvedFindings.map((f) => f.resource.id).sort()).toEqual(['i-1060708090a0b0c06', 'i-1460708090a0b0c10']);
    expect(w.openFindings).toHaveLength(11);
    // 420.48 + 280.32 from last week's estimates of the two resolved findings.
    expect(w.realisedSavings).toBe(700.8);
    // The unknown saving (null) of summarizer-prod adds nothing rather than failing.
    expect(w.newSavings).toBe(5065.3);
    // Last week's demo total 60,883.20 minus the two resolved, plus the elastic IP seen both weeks.
    expect(w.stillOpenSavings).toBe(60186.05);
    expect(w.costChange).toBe(5265.51);
    expect(w.coverageDiffers).toBe(true);
  });

  it('a result compared with itself has nothing new or resolved', async () => {
    const r = await fixture('weekly.json');
    const w = weekOverWeek(r, r);
    expect([w.newFindings.length, w.resolvedFindings.length, w.realisedSavings, w.costChange]).toEqual([0, 0, 0, 0]);
    expect(w.openFindings).toHaveLength(r.findings.length);
  });
});
