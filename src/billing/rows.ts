import { numeric, str, type BillingEngine } from './engine.js';
import { isPricingModel, type DailySpend, type InstanceUsage } from './model.js';
import { instanceUsageQuery, spendQuery, type InstanceUsageQueryOptions, type SpendQueryOptions } from './sql.js';

/** Runs the spend query on either engine and validates each row into the billing model. */
export async function readDailySpend(engine: BillingEngine, o: SpendQueryOptions): Promise<DailySpend[]> {
  const rows = await engine.run(spendQuery(engine.target, o), 'spend');
  return rows.map((r) => {
    const day = str(r['day']);
    if (day === null || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`spend query returned a bad day: ${JSON.stringify(r['day'])}`);
    return {
      day,
      keys: o.by.map((_, i) => str(r[`k${i}`])),
      billed: numeric(r['billed'], 'billed cost'),
      effective: numeric(r['effective'], 'effective cost'),
      list: numeric(r['list'], 'list cost'),
    };
  });
}

export async function readInstanceUsage(engine: BillingEngine, o: InstanceUsageQueryOptions = {}): Promise<InstanceUsage[]> {
  const rows = await engine.run(instanceUsageQuery(engine.target, o), 'instance-hours');
  return rows.flatMap((r) => {
    const instanceType = str(r['instance_type']);
    if (instanceType === null) return [];
    const pm = r['pricing_model'];
    return [
      {
        resourceId: str(r['resource_id']),
        instanceType,
        region: str(r['region']),
        pricingModel: isPricingModel(pm) ? pm : 'other',
        hours: numeric(r['hours'], 'hours'),
        billed: numeric(r['billed'], 'billed cost'),
        effective: numeric(r['effective'], 'effective cost'),
      },
    ];
  });
}
