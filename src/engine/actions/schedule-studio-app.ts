import { z } from 'zod';
import { HOURS_PER_MONTH } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import type { SageMakerStudioApp } from '../../snapshot/types/sagemaker-studio-app.js';
import type { SageMakerStudioAppSignals } from '../signals/sagemaker-studio-app.js';
import { pricingOfCost } from './resource-cost.js';
import { defineAction } from './types.js';

/**
 * A Studio app left running with no idle shutdown: turn it on (or delete the app). SageMaker
 * publishes no usage metrics for Studio apps, so the saving assumes the app is used `workdayHours`
 * a day, every day, and idles the rest; with shutdown it runs those hours plus the idle timeout.
 */
const Params = z.object({ workdayHours: z.number().min(0).max(24), idleTimeoutMinutes: z.number().int().min(60).max(525600) });

export const scheduleStudioApp = defineAction({
  resource: 'sagemaker-studio-app',
  params: Params,
  price(ctx) {
    const { resource: app, signals: s, cost, params } = ctx;
    if (s.idleShutdownOn || s.systemInstance || !s.inService) return undefined;
    const runHoursPerDay = Math.min(24, params.workdayHours + params.idleTimeoutMinutes / 60);
    const share = 1 - runHoursPerDay / 24;
    const runHoursPerMonth = Math.round(HOURS_PER_MONTH * (runHoursPerDay / 24) * 10) / 10;
    return {
      from: `${app.instanceType ?? 'unknown'} always on (idle shutdown ${s.idleShutdown}: ${s.idleShutdownSetBy})`,
      to:
        s.idleShutdown === 'unsupported' ? 'deleted when not in use' : `idle shutdown after ${params.idleTimeoutMinutes} min (~${runHoursPerMonth} h a month)`,
      description: moveOf(app, s, params.idleTimeoutMinutes),
      monthlySavings: cost.monthly === null ? null : roundCents(cost.monthly * share),
      pricing: pricingOfCost(
        cost,
        `saving = Studio hourly rate x 730 h x (1 - (${params.workdayHours} working hours + ${params.idleTimeoutMinutes} min idle timeout) / 24): SageMaker publishes no usage metrics for Studio apps, so this assumes the app idles outside an ${params.workdayHours}-hour working day, every day`,
      ),
      confidence: 'medium',
      evidence: {
        appType: app.appType,
        instanceType: s.instanceType,
        idleShutdown: s.idleShutdown,
        idleShutdownSetBy: s.idleShutdownSetBy,
        runningHours: s.runningHours,
        domainId: app.domainId,
        space: app.spaceName ?? null,
        userProfile: app.userProfileName ?? app.space?.ownerUserProfileName ?? null,
        assumedWorkdayHours: params.workdayHours,
      },
      tradeoff: {
        performanceRisk: 'low',
        summary: `the app stops after ${params.idleTimeoutMinutes} idle minutes and restarts in a few minutes; files in the space's storage stay, running kernels and unsaved notebook state do not`,
        before: { label: `${s.instanceType}, 730 h`, ...(s.gpuCount ? { gpus: s.gpuCount } : {}) },
        after: { label: `${s.instanceType} ~${runHoursPerMonth} h a month`, ...(s.gpuCount ? { gpus: s.gpuCount } : {}) },
      },
    };
  },
});

/** Where to act: the level that turned shutdown off, else the domain; app types without the setting can only be deleted. */
function moveOf(app: SageMakerStudioApp, s: SageMakerStudioAppSignals, timeout: number): string {
  const where = app.spaceName ? `space ${app.spaceName}` : `user ${app.userProfileName ?? '?'}`;
  if (s.idleShutdown === 'unsupported') {
    return `Delete ${app.appType} app ${app.name} (${where}) when not in use: ${app.appType} apps have no built-in idle shutdown (move the work to a JupyterLab space with idle shutdown, or install an auto-shutdown extension)`;
  }
  const owner = app.space?.ownerUserProfileName ?? app.userProfileName;
  const level = s.idleShutdownSetBy === 'user profile' && owner ? `user profile ${owner}` : `domain ${app.domainId}'s default settings`;
  return `Set idle shutdown (${app.appType}AppSettings.AppLifecycleManagement.IdleSettings: LifecycleManagement ENABLED, IdleTimeoutInMinutes ${timeout}) on ${level} for ${where}, or delete the app`;
}
