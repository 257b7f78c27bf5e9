import { z } from 'zod';
import { roundCents } from '../../money.js';
import { pricingOfCost } from './resource-cost.js';
import { defineAction } from './types.js';

/**
 * A GPU endpoint that sees traffic a few hours a day moves to asynchronous inference with an
 * auto-scaling MinCapacity of 0 (or inference components that scale to zero): it bills only the
 * hours it runs. Those are priced as the hours that saw any invocation (activeHoursPerDay x 730/24
 * a month); the saving is the rest of the month at today's hosting cost.
 */
export const scheduleEndpoint = defineAction({
  resource: 'sagemaker-endpoint',
  params: z.object({}),
  price(ctx) {
    const { resource: ep, signals: s, cost } = ctx;
    if (!s.hasInvocationProfile || s.activeHoursPerDay >= 24) return undefined;
    const share = s.activeHoursPerDay / 24;
    const runHours = Math.round(730 * share * 10) / 10;
    return {
      from: `${s.instanceCount} x ${s.instanceType} always on`,
      to: `async inference, MinCapacity 0 (~${runHours} h a month)`,
      description: `Serve ${ep.name} with asynchronous inference scaled to zero when idle (or an inference component with MinCopyCount 0)`,
      monthlySavings: cost.monthly === null ? null : roundCents(cost.monthly * (1 - share)),
      pricing: pricingOfCost(
        cost,
        `saving = hosting cost per month x (1 - active hours per day (${s.activeHoursPerDay}) / 24): the endpoint bills only the hours that saw traffic`,
      ),
      confidence: 'medium',
      evidence: {
        activeHoursPerDay: s.activeHoursPerDay,
        invocationsPerDay: s.invocationsPerDay,
        observedHours: s.observedHours,
        instances: s.instanceCount,
        instanceType: s.instanceType,
      },
      tradeoff: {
        performanceRisk: 'medium',
        summary: `requests arriving while scaled to zero wait for an instance to start (minutes for a GPU model), so callers must accept queued, asynchronous replies; ${s.activeHoursPerDay} of 24 hours a day saw traffic`,
        before: { label: `${s.instanceCount} x ${s.instanceType}, 730 h`, ...(s.gpuCount ? { gpus: s.gpuCount * s.instanceCount } : {}) },
        after: { label: `${s.instanceType} ~${runHours} h a month`, ...(s.gpuCount ? { gpus: s.gpuCount * s.instanceCount } : {}) },
      },
    };
  },
});
