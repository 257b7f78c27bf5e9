import { STUDIO_IDLE_SETTINGS_KEY, type SageMakerStudioApp } from '../../snapshot/types/sagemaker-studio-app.js';

/** App types whose idle shutdown Studio manages (AppLifecycleManagement exists only in their settings). */
const IDLE_SHUTDOWN_APP_TYPES: readonly string[] = Object.keys(STUDIO_IDLE_SETTINGS_KEY);

/** The levels, most specific first: a space overrides its user profile, which overrides the domain's defaults. */
const LEVELS = [
  ['space', 'space'],
  ['userProfile', 'user profile'],
  ['domainSpaceDefault', 'domain (default space settings)'],
  ['domainUserDefault', 'domain (default user settings)'],
] as const;

export interface EffectiveIdleShutdown {
  /** on: LifecycleManagement ENABLED where it is decided; off: DISABLED or set nowhere; unsupported: an app type without the setting; unknown: a level that decides was unread. */
  state: 'on' | 'off' | 'unsupported' | 'unknown';
  /** The level whose LifecycleManagement decided, or why none did. */
  setBy: string;
  timeoutMinutes?: number;
  timeoutSetBy?: string;
}

/**
 * The idle shutdown in effect for an app: LifecycleManagement from the most specific level that sets
 * it, the timeout likewise (a space may set only the timeout, within the domain's bounds). An unread
 * user profile or domain above the deciding level makes the answer unknown: it might have overridden it.
 */
export function effectiveIdleShutdown(app: SageMakerStudioApp): EffectiveIdleShutdown {
  if (!IDLE_SHUTDOWN_APP_TYPES.includes(app.appType)) return { state: 'unsupported', setBy: `${app.appType} apps have no built-in idle shutdown` };
  let state: EffectiveIdleShutdown | undefined;
  let timeout: { minutes: number; by: string } | undefined;
  for (const [key, label] of LEVELS) {
    const setting = app.idleSettings[key];
    if (setting === 'unread') {
      // A space sets only the timeout (SpaceIdleSettings), so an unread space leaves on/off decidable.
      if (!state && key !== 'space') return { state: 'unknown', setBy: `the ${label} settings could not be read` };
      continue;
    }
    if (setting?.idleTimeoutMinutes !== undefined) timeout ??= { minutes: setting.idleTimeoutMinutes, by: label };
    if (!state && setting?.lifecycleManagement) state = { state: setting.lifecycleManagement === 'ENABLED' ? 'on' : 'off', setBy: label };
  }
  const decided = state ?? { state: 'off', setBy: 'not set at any level' };
  return decided.state === 'on' && timeout ? { ...decided, timeoutMinutes: timeout.minutes, timeoutSetBy: timeout.by } : decided;
}
