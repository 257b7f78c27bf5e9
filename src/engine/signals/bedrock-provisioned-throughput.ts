import type { BedrockProvisionedThroughput } from '../../snapshot/types/bedrock-provisioned-throughput.js';
import { HOURS_PER_MONTH } from '../../catalog/index.js';
import { roundCents } from '../../money.js';
import { round } from './metrics.js';
import type { ResourceCost, SignalContext, SignalKeys } from './types.js';

export interface BedrockProvisionedThroughputSignals {
  inService: boolean;
  modelUnits: number;
  hasMetrics: boolean;
  invocations: number;
  ageHours: number;
  dataSufficient: boolean;
  committed: boolean;
  commitmentActive: boolean;
  commitmentEndsInDays: number;
}

export const BEDROCK_PROVISIONED_THROUGHPUT_SIGNAL_KEYS = {
  inService: { type: 'bool', doc: 'Status is InService: it bills per model unit per hour.' },
  modelUnits: { type: 'number', doc: 'Model units provisioned.' },
  hasMetrics: { type: 'bool', doc: 'AWS/Bedrock Invocations has datapoints for it (none are published for a model nobody calls).' },
  invocations: { type: 'number', doc: 'Successful invocations over the window (AWS/Bedrock Invocations, Sum; 0 without datapoints).' },
  ageHours: { type: 'number', doc: 'Hours from its creationTime to the end of the window.' },
  dataSufficient: { type: 'bool', doc: 'It existed for at least minObservedHours (config) of the window, so no invocations means unused.' },
  committed: { type: 'bool', doc: 'Bought with a commitment term (OneMonth or SixMonths).' },
  commitmentActive: { type: 'bool', doc: 'Its commitment has not expired: it cannot be deleted before commitmentExpirationTime.' },
  commitmentEndsInDays: { type: 'number', doc: 'Days from the end of the window to commitmentExpirationTime (0 without one, or once passed).' },
} as const satisfies SignalKeys<BedrockProvisionedThroughputSignals>;

const HOUR_MS = 3_600_000;

/**
 * It bills per model unit per hour at a per-model, per-term rate. AWS publishes those only for some
 * models; the catalog holds the ones a dated source gives (bedrock-prices.json), and any other model
 * is unpriced (counted and explained), never $0.
 */
export function bedrockProvisionedThroughputSignals(
  p: BedrockProvisionedThroughput,
  ctx: SignalContext,
): { signals: BedrockProvisionedThroughputSignals; cost: ResourceCost } {
  const asOf = ctx.asOf.getTime();
  const inv = p.metrics.invocations;
  const hasMetrics = inv !== undefined && inv.datapoints > 0;
  const ageHours = Math.max(0, (asOf - Date.parse(p.creationTime)) / HOUR_MS);
  const expires = p.commitmentExpirationTime === undefined ? undefined : Date.parse(p.commitmentExpirationTime);
  const signals: BedrockProvisionedThroughputSignals = {
    inService: p.status === 'InService',
    modelUnits: p.modelUnits,
    hasMetrics,
    invocations: hasMetrics ? (inv.sum ?? inv.avg * inv.datapoints) : 0,
    ageHours: round(ageHours),
    dataSufficient: ageHours >= ctx.minObservedHours,
    committed: p.commitmentDuration !== undefined,
    commitmentActive: expires !== undefined && expires > asOf,
    commitmentEndsInDays: expires === undefined ? 0 : round(Math.max(0, (expires - asOf) / (24 * HOUR_MS))),
  };
  const model = (p.foundationModelArn ?? p.modelArn).split('/').pop() ?? p.modelArn;
  const rate = ctx.prices.bedrockProvisionedHourly(model, p.commitmentDuration, p.region);
  const cost: ResourceCost =
    p.status !== 'InService'
      ? { monthly: 0, prices: [], unknown: [] }
      : rate.known
        ? {
            monthly: roundCents(p.modelUnits * rate.price.usd * HOURS_PER_MONTH),
            prices: [{ item: `${model} provisioned throughput, model unit-hour`, price: rate.price }],
            unknown: [],
          }
        : { monthly: null, prices: [], unknown: [`no Bedrock provisioned-throughput rate for ${model}: ${rate.reason}`] };
  return { signals, cost };
}
