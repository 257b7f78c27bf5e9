import { describe, expect, it } from 'vitest';
import type { SageMakerNotebook } from '../../src/snapshot/schema.js';
import { findingsOn, notebook } from './resources.js';

describe('idle-notebook', () => {
  const misses: [string, SageMakerNotebook][] = [
    ['has an auto-stop lifecycle script', notebook({ cpu: [1, 2, 3], lifecycleConfigName: 'auto-stop', autoStop: true })],
    ['busy', notebook({ cpu: [30, 60, 90] })],
    ['stopped', notebook({ cpu: [1, 2, 3], status: 'Stopped' })],
    ['no CPU datapoints is not idle', notebook({})],
  ];
  it.each(misses)('does not match: %s', async (_, nb) => {
    expect(await findingsOn('idle-notebook', { sagemakerNotebooks: [nb] })).toEqual([]);
  });

  it('prices an always-idle ml.t3.xlarge notebook at $0.20 x 730 = $146.00', async () => {
    const [f] = await findingsOn('idle-notebook', { sagemakerNotebooks: [notebook({ cpu: [1, 2, 3] })] });
    expect(f?.action.kind).toBe('schedule');
    expect(f?.monthlySavings).toBe(146);
    expect(f?.evidence).toMatchObject({ idleDays: 14, observedDays: 14 });
  });

  it('flags a lifecycle config that has no auto-stop script, and an unknown price as null', async () => {
    const [f] = await findingsOn('idle-notebook', { sagemakerNotebooks: [notebook({ cpu: [1, 2, 3], instanceType: 'ml.p4d.24xlarge', lifecycleConfigName: 'install-pkgs', autoStop: false })] });
    expect(f?.monthlySavings).toBeNull();
  });
});
