import { createRequire } from 'node:module';
import type * as Bedrock from '@aws-sdk/client-bedrock';
import type * as CloudWatch from '@aws-sdk/client-cloudwatch';
import type * as CostExplorer from '@aws-sdk/client-cost-explorer';
import type * as Ec2 from '@aws-sdk/client-ec2';
import type * as Eks from '@aws-sdk/client-eks';
import type * as Fsx from '@aws-sdk/client-fsx';
import type * as Organizations from '@aws-sdk/client-organizations';
import type * as Pricing from '@aws-sdk/client-pricing';
import type * as S3 from '@aws-sdk/client-s3';
import type * as SageMaker from '@aws-sdk/client-sagemaker';
import type * as Savingsplans from '@aws-sdk/client-savingsplans';
import type * as Sts from '@aws-sdk/client-sts';

/**
 * A client's package is loaded when the first client of that service is made, so a command that
 * never talks to AWS (audit --demo, rules, --help) never loads the SDK. Node resolves `import` of
 * an @aws-sdk client to its CommonJS build (the packages have no `exports` map), so this require
 * returns the very module the collectors' static imports of commands get: one instance, not two.
 */
const sdk = createRequire(import.meta.url);

/**
 * The services mlcost reads, with their IAM prefix (used for call counts and the policy) and how
 * many requests may be in flight per account and region. Limits sit well under the published
 * TPS quotas (CloudWatch GetMetricData 50/s, ListMetrics 25/s; EC2 Describe* is token-bucket
 * throttled per account) so one audit does not starve the team's own tooling.
 */
export const SERVICES = {
  ec2: { iam: 'ec2', concurrency: 8, make: (c: object) => new (sdk('@aws-sdk/client-ec2') as typeof Ec2).EC2Client(c) },
  cloudwatch: { iam: 'cloudwatch', concurrency: 8, make: (c: object) => new (sdk('@aws-sdk/client-cloudwatch') as typeof CloudWatch).CloudWatchClient(c) },
  s3: { iam: 's3', concurrency: 16, make: (c: object) => new (sdk('@aws-sdk/client-s3') as typeof S3).S3Client(c) },
  sagemaker: { iam: 'sagemaker', concurrency: 4, make: (c: object) => new (sdk('@aws-sdk/client-sagemaker') as typeof SageMaker).SageMakerClient(c) },
  pricing: { iam: 'pricing', concurrency: 4, make: (c: object) => new (sdk('@aws-sdk/client-pricing') as typeof Pricing).PricingClient(c) },
  savingsplans: {
    iam: 'savingsplans',
    concurrency: 2,
    make: (c: object) => new (sdk('@aws-sdk/client-savingsplans') as typeof Savingsplans).SavingsplansClient(c),
  },
  eks: { iam: 'eks', concurrency: 4, make: (c: object) => new (sdk('@aws-sdk/client-eks') as typeof Eks).EKSClient(c) },
  fsx: { iam: 'fsx', concurrency: 4, make: (c: object) => new (sdk('@aws-sdk/client-fsx') as typeof Fsx).FSxClient(c) },
  bedrock: { iam: 'bedrock', concurrency: 4, make: (c: object) => new (sdk('@aws-sdk/client-bedrock') as typeof Bedrock).BedrockClient(c) },
  ce: { iam: 'ce', concurrency: 1, make: (c: object) => new (sdk('@aws-sdk/client-cost-explorer') as typeof CostExplorer).CostExplorerClient(c) },
  sts: { iam: 'sts', concurrency: 4, make: (c: object) => new (sdk('@aws-sdk/client-sts') as typeof Sts).STSClient(c) },
  organizations: {
    iam: 'organizations',
    concurrency: 2,
    make: (c: object) => new (sdk('@aws-sdk/client-organizations') as typeof Organizations).OrganizationsClient(c),
  },
} as const;

export type ServiceName = keyof typeof SERVICES;
export type ClientOf<S extends ServiceName> = ReturnType<(typeof SERVICES)[S]['make']>;
