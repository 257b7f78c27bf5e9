import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** The standard chain (env, SSO, shared files, process, container, instance role); --profile picks a profile. */
export function baseCredentials(profile?: string): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(profile !== undefined ? { profile } : {});
}

export interface AssumeRoleSpec {
  roleArn: string;
  externalId?: string;
}

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Credentials for a member account from STS AssumeRole, through mlcost's own STS client so the
 * call is counted, honours --endpoint-url and is retried like every other call. Refreshed five
 * minutes before expiry; concurrent callers share one request.
 */
export function assumeRoleCredentials(sts: () => STSClient, spec: AssumeRoleSpec): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  const fetchNew = async (): Promise<AwsCredentialIdentity> => {
    const out = await sts().send(
      new AssumeRoleCommand({
        RoleArn: spec.roleArn,
        RoleSessionName: 'mlcost-audit',
        DurationSeconds: 3600,
        ...(spec.externalId !== undefined ? { ExternalId: spec.externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw Object.assign(new Error(`AssumeRole ${spec.roleArn} returned no credentials`), { name: 'AccessDenied' });
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };
  return async () => {
    const fresh = cached && (!cached.expiration || cached.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS);
    if (fresh && cached) return cached;
    pending ??= fetchNew().finally(() => (pending = undefined));
    cached = await pending;
    return cached;
  };
}
