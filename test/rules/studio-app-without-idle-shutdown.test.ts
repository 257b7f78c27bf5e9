import { describe, expect, it } from 'vitest';
import type { SageMakerStudioApp } from '../../src/snapshot/types/sagemaker-studio-app.js';
import { END } from '../helpers/builders.js';
import { findingsOn } from './resources.js';
import { studioApp } from './studio-apps.js';

const RULE = 'studio-app-without-idle-shutdown';
const on = { lifecycleManagement: 'ENABLED', idleTimeoutMinutes: 120 } as const;
const off = { lifecycleManagement: 'DISABLED' } as const;
const run = (apps: SageMakerStudioApp[]) => findingsOn(RULE, { sagemakerStudioApps: apps });

describe('studio-app-without-idle-shutdown', () => {
  const misses: [string, SageMakerStudioApp][] = [
    ['idle shutdown enabled in the domain default', studioApp({ idleSettings: { domainUserDefault: on } })],
    ['idle shutdown enabled on the user profile, domain silent', studioApp({ idleSettings: { userProfile: on } })],
    ['enabled on the user profile over a domain that disables it', studioApp({ idleSettings: { userProfile: on, domainUserDefault: off } })],
    [
      'KernelGateway on the free system instance (Studio Classic default)',
      studioApp({ appType: 'KernelGateway', instanceType: 'system', spaceName: undefined, userProfileName: 'alice' }),
    ],
    [
      'the default JupyterServer app on system',
      studioApp({ appType: 'JupyterServer', name: 'default', instanceType: 'system', spaceName: undefined, userProfileName: 'alice' }),
    ],
    ['a small CPU instance (ml.m5.xlarge, 4 vCPU < minVcpu 8)', studioApp({ instanceType: 'ml.m5.xlarge' })],
    ['not InService (Deleted)', studioApp({ status: 'Deleted' })],
    ['created 10 h ago (under minRunningHours)', studioApp({ creationTime: new Date(END.getTime() - 10 * 3_600_000).toISOString() })],
    [
      'the user profile could not be read and the domain enables (a profile might disable): unknown',
      studioApp({ idleSettings: { userProfile: 'unread', domainUserDefault: on } }),
    ],
  ];
  it.each(misses)('does not match: %s', async (_, app) => {
    expect(await run([app])).toEqual([]);
  });

  it('prices a GPU JupyterLab app with no idle setting anywhere: $1.52 x 730 x (1 - 9/24) = $693.50', async () => {
    const [f] = await run([studioApp({})]);
    expect(f).toMatchObject({ ruleId: RULE, action: { kind: 'schedule' }, monthlyCost: 1109.6, monthlySavings: 693.5, confidence: 'medium' });
    expect(f?.problem).toBe(
      'Studio JupyterLab app on ml.g5.2xlarge running 72 h with no idle shutdown (not set at any level); saving assumes it idles outside 8 working hours a day',
    );
    expect(f?.pricing.method).toContain('assumes the app idles outside an 8-hour working day');
    expect(f?.pricing.prices[0]).toMatchObject({ usd: 1.52, asOf: '2026-09-01' });
    expect(f?.evidence).toMatchObject({ idleShutdown: 'off', idleShutdownSetBy: 'not set at any level', space: 'alice-space', userProfile: 'alice' });
  });

  it('enabled in the domain but turned off for the space by its owner profile: flagged, says which level, points at the profile', async () => {
    const [f] = await run([studioApp({ idleSettings: { space: { idleTimeoutMinutes: 90 }, userProfile: off, domainUserDefault: on } })]);
    expect(f?.evidence).toMatchObject({ idleShutdown: 'off', idleShutdownSetBy: 'user profile' });
    expect(f?.problem).toContain('(user profile)');
    expect(f?.action.description).toMatch(/on user profile alice for space alice-space, or delete the app$/);
  });

  it('disabled in the domain default: flagged, the move is on the domain', async () => {
    const [f] = await run([studioApp({ appType: 'CodeEditor', idleSettings: { domainUserDefault: off } })]);
    expect(f?.evidence).toMatchObject({ idleShutdownSetBy: 'domain (default user settings)' });
    expect(f?.action.description).toContain(
      "CodeEditorAppSettings.AppLifecycleManagement.IdleSettings: LifecycleManagement ENABLED, IdleTimeoutInMinutes 60) on domain d-test's default settings",
    );
  });

  it('a space timeout alone does not turn idle shutdown on (SpaceIdleSettings has no LifecycleManagement)', async () => {
    expect(await run([studioApp({ idleSettings: { space: { idleTimeoutMinutes: 60 } } })])).toHaveLength(1);
  });

  it('an unread space still leaves on/off decidable from the profile and domain', async () => {
    expect(await run([studioApp({ idleSettings: { space: 'unread', domainUserDefault: on } })])).toEqual([]);
    expect(await run([studioApp({ idleSettings: { space: 'unread', domainUserDefault: off } })])).toHaveLength(1);
  });

  it('a large CPU app (ml.m5.4xlarge, 16 vCPU): $0.922 x 730 x 15/24 = $420.66', async () => {
    const [f] = await run([studioApp({ instanceType: 'ml.m5.4xlarge' })]);
    expect(f?.monthlySavings).toBe(420.66);
  });

  it('a GPU KernelGateway app (no built-in idle shutdown): flagged, the move is to delete it', async () => {
    const [f] = await run([studioApp({ appType: 'KernelGateway', spaceName: undefined, userProfileName: 'bob' })]);
    expect(f).toMatchObject({ action: { kind: 'schedule', to: 'deleted when not in use' } });
    expect(f?.evidence).toMatchObject({ idleShutdown: 'unsupported' });
    expect(f?.action.description).toMatch(/^Delete KernelGateway app default \(user bob\) when not in use/);
  });

  it('an app type without a catalogued Studio rate: saving unknown and counted, never $0', async () => {
    const [f] = await run([studioApp({ appType: 'RStudioServerPro', spaceName: undefined, userProfileName: 'bob' })]);
    expect(f).toMatchObject({ monthlySavings: null, monthlyCost: null });
    expect(f?.pricing.unknown?.[0]).toMatch(/no SageMaker Studio RStudioServerPro price/);
  });
});
