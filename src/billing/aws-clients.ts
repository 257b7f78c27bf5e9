import { AthenaClient } from '@aws-sdk/client-athena';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { readOnlyClient } from '../aws/read-only.js';

/** --profile, --region and --endpoint-url as the billing commands take them. */
export interface AwsOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
}

/**
 * Clients for the billing sources, each behind the read-only guard (src/aws/read-only.ts). They are
 * not made through the collectors' AwsSession because Athena needs StartQueryExecution (it reads,
 * but its name says otherwise), allowed here by name. Explicit --endpoint-url wins; otherwise the SDK reads
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> itself.
 */
function base(o: AwsOptions, region: string): Record<string, unknown> {
  return {
    region,
    credentials: fromNodeProviderChain(o.profile !== undefined ? { profile: o.profile } : {}),
    maxAttempts: 6,
    retryMode: 'adaptive',
    ...(o.endpointUrl !== undefined ? { endpoint: o.endpointUrl } : {}),
  };
}

function defaultRegion(o: AwsOptions): string {
  return o.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
}

export function s3Client(o: AwsOptions): S3Client {
  // Emulators serve every bucket on one host: virtual-hosted bucket names would not resolve.
  const custom = o.endpointUrl !== undefined || process.env['AWS_ENDPOINT_URL'] !== undefined || process.env['AWS_ENDPOINT_URL_S3'] !== undefined;
  return readOnlyClient(new S3Client({ ...base(o, defaultRegion(o)), forcePathStyle: custom }), 's3');
}

export function athenaClient(o: AwsOptions): AthenaClient {
  return readOnlyClient(new AthenaClient(base(o, defaultRegion(o))), 'athena', ['StartQueryExecution']);
}

/** Cost Explorer has one endpoint, in us-east-1, whatever region the user works in. */
export function costExplorerClient(o: AwsOptions): CostExplorerClient {
  return readOnlyClient(new CostExplorerClient(base(o, 'us-east-1')), 'ce');
}
