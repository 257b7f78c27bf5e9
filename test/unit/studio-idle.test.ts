import { describe, expect, it } from 'vitest';
import { effectiveIdleShutdown } from '../../src/engine/signals/studio-idle.js';
import type { SageMakerStudioApp } from '../../src/snapshot/types/sagemaker-studio-app.js';
import { studioApp } from '../rules/studio-apps.js';

const ON = 'ENABLED';
const OFF = 'DISABLED';

describe('effective idle shutdown: space over user profile over domain', () => {
  it.each<[string, SageMakerStudioApp['idleSettings'], ReturnType<typeof effectiveIdleShutdown>]>([
    ['nothing set anywhere', {}, { state: 'off', setBy: 'not set at any level' }],
    [
      'domain default on, its timeout',
      { domainUserDefault: { lifecycleManagement: ON, idleTimeoutMinutes: 60 } },
      { state: 'on', setBy: 'domain (default user settings)', timeoutMinutes: 60, timeoutSetBy: 'domain (default user settings)' },
    ],
    [
      'domain on, the space sets a longer timeout within it',
      { space: { idleTimeoutMinutes: 240 }, domainUserDefault: { lifecycleManagement: ON, idleTimeoutMinutes: 60 } },
      { state: 'on', setBy: 'domain (default user settings)', timeoutMinutes: 240, timeoutSetBy: 'space' },
    ],
    [
      'domain on, the owner profile off',
      { userProfile: { lifecycleManagement: OFF }, domainUserDefault: { lifecycleManagement: ON } },
      { state: 'off', setBy: 'user profile' },
    ],
    [
      'shared space: domain default space settings over default user settings',
      { domainSpaceDefault: { lifecycleManagement: ON, idleTimeoutMinutes: 90 }, domainUserDefault: { lifecycleManagement: OFF } },
      { state: 'on', setBy: 'domain (default space settings)', timeoutMinutes: 90, timeoutSetBy: 'domain (default space settings)' },
    ],
    [
      'profile unread above a domain that decides: unknown',
      { userProfile: 'unread', domainUserDefault: { lifecycleManagement: ON } },
      { state: 'unknown', setBy: 'the user profile settings could not be read' },
    ],
    [
      'profile decides, domain unread below it: known',
      { userProfile: { lifecycleManagement: OFF }, domainUserDefault: 'unread' },
      { state: 'off', setBy: 'user profile' },
    ],
    [
      'space unread: on/off still decided above it',
      { space: 'unread', domainUserDefault: { lifecycleManagement: ON } },
      { state: 'on', setBy: 'domain (default user settings)' },
    ],
  ])('%s', (_, idleSettings, expected) => {
    expect(effectiveIdleShutdown(studioApp({ idleSettings }))).toEqual(expected);
  });

  it('app types without the setting are unsupported, whatever the levels say', () => {
    expect(effectiveIdleShutdown(studioApp({ appType: 'KernelGateway', idleSettings: { domainUserDefault: { lifecycleManagement: ON } } })).state).toBe(
      'unsupported',
    );
  });
});
