import { describe, expect, it } from 'vitest';
import { readAuditResult } from '../../src/engine/result-io.js';
import { failOnSeverity } from '../../src/gate/severity.js';

const current = await readAuditResult('fixtures/gate/current.json');

describe('failOnSeverity (audit --fail-on)', () => {
  it('fails when a finding at or above the severity remains, naming the worst', () => {
    expect(failOnSeverity(current, 'high')).toEqual({
      failed: true,
      message: '3 finding(s) at or above high severity (--fail-on), e.g. idle-gpu-instance on i-0eee0000000000005 (critical)',
    });
    expect(failOnSeverity(current, 'low').failed).toBe(true);
  });

  it('passes when none is that severe', () => {
    const mild = { ...current, findings: current.findings.filter((f) => f.severity === 'low') };
    expect(failOnSeverity(mild, 'medium')).toEqual({ failed: false, message: 'no finding at or above medium severity (--fail-on)' });
    expect(failOnSeverity({ ...current, findings: [] }, 'low').failed).toBe(false);
  });
});
