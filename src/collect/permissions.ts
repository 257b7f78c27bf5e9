import { IAM_ACTIONS as ACCOUNTS } from './accounts.js';
import { IAM_ACTIONS as CLOUDWATCH } from './cloudwatch/index.js';
import { IAM_ACTIONS as EBS } from './ebs.js';
import { IAM_ACTIONS as EC2_INSTANCES } from './ec2-instances.js';
import { IAM_ACTIONS as ELASTIC_IPS } from './elastic-ips.js';
import { IAM_ACTIONS as INSTANCE_TYPES } from './instance-types.js';
import { IAM_ACTIONS as PRICING } from './pricing.js';
import { IAM_ACTIONS as RESERVED } from './reserved-instances.js';
import { IAM_ACTIONS as S3 } from './s3.js';
import { IAM_ACTIONS as SAVINGS_PLANS } from './savings-plans.js';
import { IAM_ACTIONS as SAGEMAKER } from './sagemaker.js';
import { IAM_ACTIONS as SPOT } from './spot.js';

/** Each collector declares what it calls; the policy is their union, nothing more. */
export const COLLECTOR_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  accounts: ACCOUNTS,
  'ec2-instances': EC2_INSTANCES,
  'instance-types': INSTANCE_TYPES,
  ebs: EBS,
  'elastic-ips': ELASTIC_IPS,
  'reserved-instances': RESERVED,
  'savings-plans': SAVINGS_PLANS,
  spot: SPOT,
  cloudwatch: CLOUDWATCH,
  s3: S3,
  sagemaker: SAGEMAKER,
  pricing: PRICING,
  // costexplorer.ts (billing) does not export IAM_ACTIONS yet; its one call is declared here meanwhile.
  costexplorer: ['ce:GetCostAndUsage'],
};

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: '*' }[];
}

/** The minimal read-only policy; sts:AssumeRole is only needed with `accounts` or --org, so it can be dropped otherwise. */
export function minimalPolicy(): IamPolicy {
  const actions = [...new Set(Object.values(COLLECTOR_ACTIONS).flat())].sort();
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
