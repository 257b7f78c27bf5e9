import { IAM_ACTIONS as COST_EXPLORER } from '../billing/costexplorer.js';
import { IAM_ACTIONS as ACCOUNTS } from './accounts.js';
import { COLLECTORS } from './collectors.js';
import { IAM_ACTIONS as PRICING } from './pricing.js';
import { IAM_ACTIONS as SAVINGS_PLAN_RATES } from './savings-plan-rates.js';

/**
 * Every AWS reader and what it calls: the collectors, plus what runs around them (account and region
 * discovery, the Pricing API) and `mlcost spend`'s Cost Explorer. The policy is their union, nothing more.
 */
export const READER_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(COLLECTORS.map((c) => [c.id, c.iamActions])),
  accounts: ACCOUNTS,
  pricing: PRICING,
  savingsPlanRates: SAVINGS_PLAN_RATES,
  costexplorer: COST_EXPLORER,
};

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/** The minimal read-only policy; sts:AssumeRole is only needed with `accounts` or --org, so it can be dropped otherwise. */
export function minimalPolicy(): IamPolicy {
  const actions = [...new Set(Object.values(READER_ACTIONS).flat())].sort();
  const assume = actions.filter((a) => a === 'sts:AssumeRole');
  const read = actions.filter((a) => a !== 'sts:AssumeRole');
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'MlcostReadOnly', Effect: 'Allow', Action: read, Resource: '*' },
      ...(assume.length ? [{ Sid: 'MlcostAssumeMemberRoles', Effect: 'Allow' as const, Action: assume, Resource: '*' as const }] : []),
    ],
  };
}
