import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AuditResultSchema, type AuditResult, type Finding } from '../../src/engine/result.js';

/**
 * A large audit result for the render benchmark and the size-limit tests: the fixture's findings
 * repeated with distinct ids, resources, teams and amounts, sorted as the engine sorts them.
 */
const FIXTURE = fileURLToPath(new URL('../../fixtures/results/weekly.json', import.meta.url));

export function syntheticResult(count: number): AuditResult {
  const base = AuditResultSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const f = structuredClone(base.findings[i % base.findings.length]!);
    const scale = 0.2 + ((i * 7919) % 1000) / 250;
    const id = `${f.resource.id}-${i}`;
    f.id = `${f.ruleId}:${f.resource.accountId}:${f.resource.region}:${id}`;
    f.resource.id = id;
    f.resource.team = `team-${i % 40}`;
    f.resource.tags = { ...f.resource.tags, team: f.resource.team };
    if (f.monthlyCost !== null) f.monthlyCost = cents(f.monthlyCost * scale);
    if (f.monthlySavings !== null) f.monthlySavings = cents(f.monthlySavings * scale);
    findings.push(f);
  }
  findings.sort((a, b) => (b.monthlySavings ?? 0) - (a.monthlySavings ?? 0) || a.ruleId.localeCompare(b.ruleId) || a.resource.id.localeCompare(b.resource.id));
  const savings = cents(findings.reduce((s, f) => s + (f.monthlySavings ?? 0), 0));
  const cost = cents(findings.reduce((s, f) => s + (f.monthlyCost ?? 0), 0) * 1.4);
  const by = (key: (f: Finding) => string) => {
    const out: Record<string, { monthlySavings: number; findingCount: number }> = {};
    for (const f of findings) {
      const e = (out[key(f)] ??= { monthlySavings: 0, findingCount: 0 });
      e.monthlySavings = cents(e.monthlySavings + (f.monthlySavings ?? 0));
      e.findingCount++;
    }
    return out;
  };
  return {
    ...base,
    findings,
    totals: { monthlyCost: cost, monthlySavings: savings, findingCount: count, unpricedResources: findings.filter((f) => f.monthlyCost === null).length },
    breakdowns: {
      byCategory: by((f) => f.category),
      byTeam: by((f) => f.resource.team ?? '(untagged)'),
      byRegion: by((f) => f.resource.region),
      byAccount: by((f) => f.resource.accountId),
    },
  };
}

function cents(n: number): number {
  return Math.round(n * 100) / 100;
}
