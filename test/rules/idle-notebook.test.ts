import { describe, expect, it } from 'vitest';
import { gauge, rng } from '../../scripts/synthetic.js';
import { PriceBook } from '../../src/catalog/index.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { loadRules } from '../../src/engine/rules/load.js';
import { factsFor } from '../../src/engine/signals/index.js';
import type { SageMakerNotebook } from '../../src/snapshot/schema.js';
import { END, snapshotOf, WINDOW } from '../helpers/builders.js';
import { findingsOn, notebook } from './resources.js';

const hoursAgo = (h: number) => new Date(END.getTime() - h * 3_600_000).toISOString();

describe('idle-notebook', () => {
  const misses: [string, SageMakerNotebook][] = [
    ['has an auto-stop lifecycle script', notebook({ cpu: [1, 2, 3], lifecycleConfigName: 'auto-stop', autoStop: true })],
    ['busy (agent CPU p95 above maxCpuP95Pct)', notebook({ cpu: [30, 60, 90] })],
    ['stopped', notebook({ cpu: [1, 2, 3], status: 'Stopped' })],
    [
      'agent CPU for only 2 days (under minObservedHours)',
      notebook({ metrics: { cpu: gauge(WINDOW, { avg: 1, p95: 2, max: 3, days: 2 }, rng(3), { daily: true }) } }),
    ],
    ['no agent CPU and in service for only 10 h', notebook({ creationTime: hoursAgo(10) })],
    ['lifecycle config that could not be read (auto-stop unknown)', notebook({ cpu: [1, 2, 3], lifecycleConfigName: 'private-config' })],
  ];
  it.each(misses)('does not match: %s', async (_, nb) => {
    expect(await findingsOn('idle-notebook', { sagemakerNotebooks: [nb] })).toEqual([]);
  });

  it('prices an always-idle ml.t3.xlarge notebook at $0.20 x 730 = $146.00', async () => {
    const [f] = await findingsOn('idle-notebook', { sagemakerNotebooks: [notebook({ cpu: [1, 2, 3] })] });
    expect(f?.action.kind).toBe('schedule');
    expect(f?.monthlySavings).toBe(146);
    expect(f?.evidence).toMatchObject({ idleDays: 14, observedDays: 14 });
    expect(f?.problem).toBe('Notebook ml.t3.xlarge in service with no auto-stop lifecycle script; CPU p95 2% over 336 h');
  });

  it('flags a lifecycle config that has no auto-stop script, and an unknown price as null', async () => {
    const [f] = await findingsOn('idle-notebook', {
      sagemakerNotebooks: [notebook({ cpu: [1, 2, 3], instanceType: 'ml.p4d.24xlarge', lifecycleConfigName: 'install-pkgs', autoStop: false })],
    });
    expect(f?.monthlySavings).toBeNull();
  });

  // The rule's own match, before pricing: without agent CPU it stands on status and configuration.
  it.each([
    ['in service 120 days, no lifecycle config', notebook({}), true],
    ['in service 10 h', notebook({ creationTime: hoursAgo(10) }), false],
    ['restarted 200 h ago (LastModifiedTime), created long before', notebook({ lastModifiedTime: hoursAgo(200) }), true],
    ['lifecycle config without auto-stop', notebook({ lifecycleConfigName: 'install-pkgs', autoStop: false }), true],
    ['lifecycle config not readable', notebook({ lifecycleConfigName: 'private-config' }), false],
  ] as const)('without agent CPU, the rule matches on status and configuration: %s -> %s', async (_, nb, expected) => {
    const rule = (await loadRules()).find((r) => r.spec.id === 'idle-notebook')!;
    const snapshot = snapshotOf({ sagemakerNotebooks: [nb] });
    const env = { snapshot, prices: new PriceBook(), minObservedHours: 72, config: ConfigSchema.parse({}), asOf: END, volumesByInstance: new Map() };
    const { signals } = factsFor('sagemaker-notebook', snapshot.resources.sagemakerNotebooks[0]!, env);
    expect(rule.when({ resource: nb, signals, params: rule.params })).toBe(expected);
  });

  it('flags a notebook in service 120 days with no auto-stop and no agent CPU, saving unknown', async () => {
    const [f] = await findingsOn('idle-notebook', { sagemakerNotebooks: [notebook({})] });
    expect(f).toMatchObject({ ruleId: 'idle-notebook', monthlySavings: null, confidence: 'low' });
    expect(f?.problem).toContain('no CPU metrics');
  });
});
