import { z } from 'zod';
import { HOURS_PER_MONTH } from '../../catalog/index.js';
import { observedDays } from '../../snapshot/daily.js';
import { HOURS_PER_WEEK, NO_HOURS } from '../../snapshot/hour-of-week.js';
import type { SageMakerNotebook } from '../../snapshot/schema.js';
import { memoPerObject } from '../memo.js';
import { roundCents } from '../../money.js';
import { busyMetric, busyProfile } from '../signals/ec2-usage.js';
import { scheduleEndpoint } from './schedule-endpoint.js';
import { scheduleStudioApp } from './schedule-studio-app.js';
import { defineAction, priceEntry, type ActionContext, type ActionKindDefinition, type PricedMove } from './types.js';

/**
 * Stop outside working hours. EC2: a weekday schedule (start/end hour in a configurable UTC offset)
 * proposed only when the hour-of-week profile shows the box idle outside those hours; the saving
 * is the hours it would be off x its hourly rate. SageMaker notebooks: an auto-stop lifecycle
 * configuration; the saving is the share of idle days x its monthly cost.
 */
const InstanceScheduleParams = z.object({
  maxIdleUtilPct: z.number(),
  workdayStartHour: z.number().int().min(0).max(23),
  workdayEndHour: z.number().int().min(1).max(24),
  utcOffsetHours: z.number(),
});
type InstanceScheduleParams = z.infer<typeof InstanceScheduleParams>;
const NotebookScheduleParams = z.object({ maxIdleUtilPct: z.number() });
type NotebookScheduleParams = z.infer<typeof NotebookScheduleParams>;

export const schedule: ActionKindDefinition = {
  kind: 'schedule',
  definitions: [
    defineAction({ resource: 'ec2-instance', params: InstanceScheduleParams, price: ec2Schedule }),
    defineAction({ resource: 'sagemaker-notebook', params: NotebookScheduleParams, price: notebookAutoStop }),
    scheduleEndpoint,
    scheduleStudioApp,
  ],
};

/** Hours of the week (Monday 0:00 UTC = 0) inside the working day in the given timezone offset. */
export function workingHours(startHour: number, endHour: number, utcOffsetHours: number): ReadonlySet<number> {
  const hours = new Set<number>();
  for (let day = 0; day < 5; day++) for (let h = startHour; h < endHour; h++) hours.add((((day * 24 + h - utcOffsetHours) % 168) + 168) % 168);
  return hours;
}

// A rule's params are one object for the whole audit: its working hours are worked out once.
const workingHoursOf = memoPerObject((params: InstanceScheduleParams) => workingHours(params.workdayStartHour, params.workdayEndHour, params.utcOffsetHours));

function ec2Schedule(ctx: ActionContext<'ec2-instance', InstanceScheduleParams>): PricedMove | undefined {
  const { resource: inst, signals: s } = ctx;
  const profile = busyProfile(inst);
  const metric = busyMetric(inst);
  if (!profile || !metric) return undefined;
  const maxIdle = ctx.params.maxIdleUtilPct;
  const on = workingHoursOf(ctx.params);
  // Every off-hour must be observed and idle (an unobserved hour is not an idle one), and some working hour busy.
  // Unobserved hours are ascending: one index walks them alongside the hours.
  const unobserved = profile.unobserved ?? NO_HOURS;
  let nextUnobserved = 0;
  let offHoursPerWeek = 0;
  let maxOffHoursUtilPct = 0;
  let busyOn = false;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const observed = nextUnobserved >= unobserved.length || unobserved[nextUnobserved] !== h;
    if (!observed) nextUnobserved++;
    const v = profile.mean[h]!;
    if (on.has(h)) {
      busyOn ||= observed && v > maxIdle;
      continue;
    }
    if (!observed || v > maxIdle) return undefined;
    offHoursPerWeek++;
    maxOffHoursUtilPct = Math.max(maxOffHoursUtilPct, v);
  }
  if (!busyOn) return undefined;
  const hourly = ctx.cost.prices[0]?.price;
  const monthlySavings = hourly ? roundCents(hourly.usd * offHoursPerWeek * (HOURS_PER_MONTH / HOURS_PER_WEEK)) : null;
  return {
    description: `Schedule ${inst.id} to stop outside weekday working hours (${offHoursPerWeek} h a week off), e.g. with EventBridge Scheduler or Instance Scheduler on AWS`,
    monthlySavings,
    pricing: {
      method: 'saving = off hours per week x 730/168 x hourly rate',
      prices: ctx.cost.prices.map((p) => priceEntry(p.item, p.price)),
      ...(ctx.cost.unknown.length ? { unknown: ctx.cost.unknown } : {}),
    },
    confidence: s.observedHours >= 14 * 24 ? 'high' : 'medium',
    evidence: { metric, maxOffHoursUtilPct, offHoursPerWeek, observedHours: s.observedHours },
    tradeoff: {
      performanceRisk: 'low',
      summary: `${offHoursPerWeek} of 168 h a week off (${metric} never above ${maxIdle}% then); anyone working late starts it by hand, and instance-store data is lost at each stop`,
    },
  };
}

function notebookAutoStop(ctx: ActionContext<'sagemaker-notebook', NotebookScheduleParams>): PricedMove | undefined {
  const nb = ctx.resource;
  const cpu = nb.metrics.cpu;
  const maxIdle = ctx.params.maxIdleUtilPct;
  const days = observedDays(cpu?.daily);
  if (!days.length) return unmeasuredNotebook(ctx, nb);
  const idleDays = days.filter((d) => d.max <= maxIdle).length;
  const share = idleDays / days.length;
  const monthly = ctx.cost.monthly;
  return {
    description: `Attach an auto-stop-idle lifecycle configuration to notebook ${nb.name} (stops it after an idle hour)`,
    monthlySavings: monthly === null ? null : roundCents(monthly * share),
    pricing: {
      method: 'saving = share of days with CPU never above maxIdleUtilPct x monthly notebook cost (a floor: idle nights on busy days also stop)',
      prices: ctx.cost.prices.map((p) => priceEntry(p.item, p.price)),
      ...(ctx.cost.unknown.length ? { unknown: ctx.cost.unknown } : {}),
    },
    confidence: days.length >= 7 ? 'high' : 'medium',
    evidence: { idleDays, observedDays: days.length, lifecycleConfig: nb.lifecycleConfigName ?? null, cpu: { avg: cpu?.avg, p95: cpu?.p95, max: cpu?.max } },
    tradeoff: {
      performanceRisk: 'low',
      summary: `idle on ${idleDays} of ${days.length} days; the notebook stops after an idle hour and restarts in a few minutes, files under /home/ec2-user/SageMaker stay on its EBS volume`,
    },
  };
}

/** No CPU series (no CloudWatch agent): the move still stands on status and configuration; its saving is unknown. */
function unmeasuredNotebook(ctx: ActionContext<'sagemaker-notebook', NotebookScheduleParams>, nb: SageMakerNotebook): PricedMove {
  return {
    description: `Attach an auto-stop-idle lifecycle configuration to notebook ${nb.name} (stops it after an idle hour)`,
    monthlySavings: null,
    pricing: {
      method: 'saving = idle share x monthly notebook cost; the idle share needs CPU from the CloudWatch agent, which this notebook does not report',
      prices: ctx.cost.prices.map((p) => priceEntry(p.item, p.price)),
      unknown: ['idle share: no CPU metrics for this notebook', ...ctx.cost.unknown],
    },
    confidence: 'low',
    evidence: { lifecycleConfig: nb.lifecycleConfigName ?? null, cpu: null, monthlyCost: ctx.cost.monthly },
    tradeoff: {
      performanceRisk: 'low',
      summary:
        'in service with no auto-stop; the notebook stops after an idle hour and restarts in a few minutes, files under /home/ec2-user/SageMaker stay on its EBS volume',
    },
  };
}
