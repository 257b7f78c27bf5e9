import { PriceBook } from '../catalog/index.js';
import type { Snapshot } from '../snapshot/schema.js';
import { roundCents } from '../money.js';
import { monthlyFromHourly } from './money.js';
import { applyBilledUnusedCapacity, type UnusedCapacitySource } from './billed-unused-capacity.js';
import type { AuditResult, Finding } from './result.js';
import { instanceHourly } from './signals/ec2.js';
import { breakdowns, sumSavings } from './summarize.js';

/** What the engine needs of billing data; src/billing's BilledRates satisfies it. */
export interface BilledRateSource {
  lookup(q: {
    resourceId?: string;
    instanceType?: string;
    region?: string;
  }): { hourlyEffective: number; hours: number; basis: 'resource' | 'type-region'; key: string; pricingModels: readonly string[] } | undefined;
  /** What empty capacity reservations billed, when the source is billing files. */
  unusedCapacity?: UnusedCapacitySource;
}

/**
 * Reprices EC2 findings with the effective rate actually billed (RI, Savings Plan and private
 * discounts applied) instead of list price. The instance's own rate wins, else its type's rate in
 * its region. A move's saving is scaled by the same billed/list ratio: the discount is assumed to
 * follow the workload to its new size, which is how Savings Plans and size-flexible RIs behave.
 */
export function applyBilledRates(result: AuditResult, snapshot: Snapshot, rates: BilledRateSource, source: string): AuditResult {
  const prices = new PriceBook(snapshot.prices);
  const asOf = result.generatedAt.slice(0, 10);
  let costDelta = 0;
  for (const inst of snapshot.resources.ec2Instances) {
    if (inst.state !== 'running') continue;
    const list = instanceHourly(inst, { snapshot, prices });
    const billed = rates.lookup({ resourceId: inst.id, instanceType: inst.type, region: inst.region });
    if (list.known && billed) costDelta += monthlyFromHourly(billed.hourlyEffective) - monthlyFromHourly(list.price.usd);
  }
  const typeOf = new Map(snapshot.resources.ec2Instances.map((i) => [i.id, i.type]));
  const findings = result.findings.map((f): Finding => {
    if (f.resource.type !== 'ec2-instance' || f.monthlyCost === null || f.monthlyCost === 0) return f;
    const instanceType = typeOf.get(f.resource.id) ?? f.action.from;
    const billed = rates.lookup({ resourceId: f.resource.id, ...(instanceType ? { instanceType } : {}), region: f.resource.region });
    if (!billed) return f;
    const billedMonthly = monthlyFromHourly(billed.hourlyEffective);
    const ratio = billedMonthly / f.monthlyCost;
    return {
      ...f,
      monthlyCost: billedMonthly,
      monthlySavings: f.monthlySavings === null ? null : roundCents(f.monthlySavings * ratio),
      pricing: {
        ...f.pricing,
        method: `${f.pricing.method}; scaled to the billed effective rate (${ratio.toFixed(2)} x list, ${billed.basis === 'resource' ? 'this instance' : `${billed.key} in the bill`})`,
        prices: [
          ...f.pricing.prices,
          {
            item: `billed effective rate (${billed.basis}: ${billed.key})`,
            usd: billed.hourlyEffective,
            unit: 'hour',
            source: `${source}; ${Math.round(billed.hours)} instance-hours, ${billed.pricingModels.join('/')}`,
            asOf,
          },
        ],
      },
      evidence: {
        ...f.evidence,
        billedRate: { basis: billed.basis, key: billed.key, hourlyEffective: billed.hourlyEffective, hours: billed.hours, pricingModels: billed.pricingModels },
      },
    };
  });
  const priced: AuditResult = {
    ...result,
    totals: { ...result.totals, monthlyCost: roundCents(result.totals.monthlyCost + costDelta), monthlySavings: sumSavings(findings) },
    breakdowns: breakdowns(findings),
    findings,
  };
  return rates.unusedCapacity ? applyBilledUnusedCapacity(priced, rates.unusedCapacity, source) : priced;
}
