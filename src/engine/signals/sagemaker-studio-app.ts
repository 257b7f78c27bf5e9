import { instanceSpec, type InstanceSpec } from '../../catalog/index.js';
import type { SageMakerStudioApp } from '../../snapshot/types/sagemaker-studio-app.js';
import { monthlyFromHourly } from '../money.js';
import { hoursBetween, round } from './metrics.js';
import { effectiveIdleShutdown } from './studio-idle.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

/**
 * A Studio app bills its instance every hour it is InService. SageMaker publishes no CloudWatch
 * metrics for Studio apps (its monitoring page lists none), so there is no usage evidence beyond
 * status, age and the idle shutdown in effect.
 */
export interface SageMakerStudioAppSignals {
  inService: boolean;
  appType: string;
  instanceType: string;
  /** The `system` instance of Studio Classic's default apps: not billed. */
  systemInstance: boolean;
  gpuCount: number;
  vcpu: number;
  /** on, off, unsupported (an app type without built-in idle shutdown) or unknown (settings unread). */
  idleShutdown: string;
  idleShutdownOn: boolean;
  idleShutdownKnown: boolean;
  idleShutdownSetBy: string;
  idleTimeoutMinutes: number;
  runningHours: number;
  hourlyRate: number;
  priced: boolean;
  monthlyCost: number;
}

export const SAGEMAKER_STUDIO_APP_SIGNAL_KEYS = {
  inService: { type: 'bool', doc: 'App status is InService.' },
  appType: { type: 'string', doc: 'JupyterLab, CodeEditor, KernelGateway, JupyterServer, RStudioServerPro, ...' },
  instanceType: { type: 'string', doc: 'ResourceSpec.InstanceType, e.g. ml.g5.2xlarge, or system.' },
  systemInstance: { type: 'bool', doc: 'Runs on the free `system` instance (Studio Classic default apps).' },
  gpuCount: { type: 'number', doc: 'GPUs of the instance type (0 when unknown or none).' },
  vcpu: { type: 'number', doc: 'vCPUs of the instance type (0 when unknown).' },
  idleShutdown: { type: 'string', doc: 'Idle shutdown in effect: on, off, unsupported (app type without it) or unknown (settings unread).' },
  idleShutdownOn: { type: 'bool', doc: 'Idle shutdown is in effect for the app.' },
  idleShutdownKnown: { type: 'bool', doc: 'Every level that could decide idle shutdown was read.' },
  idleShutdownSetBy: { type: 'string', doc: 'The level that decided: space, user profile, domain, or why none did.' },
  idleTimeoutMinutes: { type: 'number', doc: 'IdleTimeoutInMinutes in effect (0 when off or unset).' },
  runningHours: { type: 'number', doc: 'Hours since CreationTime: how long the InService app has run.' },
  hourlyRate: { type: 'number', doc: 'Studio price of the app type on its instance, USD per hour (0 when unpriced).' },
  priced: { type: 'bool', doc: 'hourlyRate comes from a known price.' },
  monthlyCost: { type: 'number', doc: 'Cost per month while InService, USD (0 when unpriced or system).' },
} as const satisfies SignalKeys<SageMakerStudioAppSignals>;

export function sagemakerStudioAppSignals(
  app: SageMakerStudioApp,
  ctx: SignalContext,
): { signals: SageMakerStudioAppSignals; cost: ResourceCost; spec?: InstanceSpec } {
  const inService = app.status === 'InService';
  const instanceType = app.instanceType ?? 'unknown';
  const systemInstance = instanceType === 'system';
  const spec = systemInstance ? undefined : instanceSpec(instanceType.replace(/^ml\./, ''), ctx.snapshot.instanceTypes);
  const lookup = ctx.prices.sagemakerStudioHourly(app.appType, instanceType, app.region);
  const cost: ResourceCost =
    !inService || systemInstance
      ? { monthly: 0, prices: [], unknown: [] }
      : lookup.known
        ? { monthly: monthlyFromHourly(lookup.price.usd), prices: [{ item: `${instanceType} Studio ${app.appType}`, price: lookup.price }], unknown: [] }
        : { monthly: null, prices: [], unknown: [lookup.reason] };
  const idle = effectiveIdleShutdown(app);
  const signals: SageMakerStudioAppSignals = {
    inService,
    appType: app.appType,
    instanceType,
    systemInstance,
    gpuCount: spec?.gpu?.count ?? 0,
    vcpu: spec?.vcpu ?? 0,
    idleShutdown: idle.state,
    idleShutdownOn: idle.state === 'on',
    idleShutdownKnown: idle.state !== 'unknown',
    idleShutdownSetBy: idle.setBy,
    idleTimeoutMinutes: idle.timeoutMinutes ?? 0,
    runningHours: inService && app.creationTime ? round(hoursBetween(app.creationTime, ctx.asOf)) : 0,
    hourlyRate: lookup.known && !systemInstance ? lookup.price.usd : 0,
    priced: systemInstance || lookup.known,
    monthlyCost: cost.monthly ?? 0,
  };
  return spec ? { signals, cost, spec } : { signals, cost };
}
