import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { PricingClient } from '@aws-sdk/client-pricing';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SavingsplansClient } from '@aws-sdk/client-savingsplans';
import { STSClient } from '@aws-sdk/client-sts';

/**
 * The services mlcost reads, with their IAM prefix (used for call counts and the policy) and how
 * many requests may be in flight per account and region. Limits sit well under the published
 * TPS quotas (CloudWatch GetMetricData 50/s, ListMetrics 25/s; EC2 Describe* is token-bucket
 * throttled per account) so one audit does not starve the team's own tooling.
 */
export const SERVICES = {
  ec2: { iam: 'ec2', concurrency: 8, make: (c: object) => new EC2Client(c) },
  cloudwatch: { iam: 'cloudwatch', concurrency: 8, make: (c: object) => new CloudWatchClient(c) },
  s3: { iam: 's3', concurrency: 16, make: (c: object) => new S3Client(c) },
  sagemaker: { iam: 'sagemaker', concurrency: 4, make: (c: object) => new SageMakerClient(c) },
  pricing: { iam: 'pricing', concurrency: 4, make: (c: object) => new PricingClient(c) },
  savingsplans: { iam: 'savingsplans', concurrency: 2, make: (c: object) => new SavingsplansClient(c) },
  sts: { iam: 'sts', concurrency: 4, make: (c: object) => new STSClient(c) },
  organizations: { iam: 'organizations', concurrency: 2, make: (c: object) => new OrganizationsClient(c) },
} as const;

export type ServiceName = keyof typeof SERVICES;
export type ClientOf<S extends ServiceName> = ReturnType<(typeof SERVICES)[S]['make']>;
