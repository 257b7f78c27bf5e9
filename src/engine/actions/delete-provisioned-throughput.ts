import { z } from 'zod';
import { pricingOfCost } from './resource-cost.js';
import { defineAction, type PricedMove } from './types.js';

/**
 * Delete a Bedrock Provisioned Throughput nobody invoked: it bills per model unit-hour while it
 * exists. One bought with a commitment cannot be deleted before the term ends, so the move is to
 * let it lapse: do not renew, delete on the expiration date.
 */
export const deleteProvisionedThroughput = defineAction({
  resource: 'bedrock-provisioned-throughput',
  params: z.object({}),
  price({ resource: p, signals: s, cost }): PricedMove {
    const what = `Provisioned Throughput ${p.name} (${s.modelUnits} model unit${s.modelUnits === 1 ? '' : 's'} of ${p.modelArn})`;
    const description = s.commitmentActive
      ? `${what} had no invocations; its ${p.commitmentDuration ?? ''} commitment ends ${p.commitmentExpirationTime ?? ''} (in ${Math.round(s.commitmentEndsInDays)} days): do not renew it, and delete it then`
      : `Delete ${what}: no invocations while it was in service`;
    return {
      description,
      monthlySavings: cost.monthly,
      pricing: pricingOfCost(cost, 'saving = model units x the model’s provisioned-throughput hourly rate x 730 h (what it bills while it exists)'),
      confidence: s.ageHours >= 7 * 24 ? 'high' : 'medium',
      evidence: {
        status: p.status,
        modelUnits: s.modelUnits,
        invocations: s.invocations,
        ageHours: s.ageHours,
        commitmentDuration: p.commitmentDuration ?? null,
        commitmentExpirationTime: p.commitmentExpirationTime ?? null,
        modelArn: p.modelArn,
      },
      tradeoff: {
        performanceRisk: 'low',
        summary: s.commitmentActive
          ? 'a committed Provisioned Throughput bills until its term ends whatever is done; only renewal can be avoided'
          : 'callers that invoke it by its ARN start failing; a custom model can be served again by buying throughput when needed',
      },
    };
  },
});
