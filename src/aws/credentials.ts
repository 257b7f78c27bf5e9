import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { cleanText } from '../text/sanitize.js';
import { errorMessage } from '../errors.js';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** The standard chain (env, SSO, shared files, process, container, instance role); --profile picks a profile. */
export function baseCredentials(profile?: string): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(profile !== undefined ? { profile } : {});
}

/**
 * Why the chain found no credentials, in one line. The chain reports every cause as "Could not
 * load credentials from any providers"; when a profile was named (--profile or AWS_PROFILE),
 * resolving that profile alone gives the real one: a profile that does not exist, a
 * credential_process that failed or printed no JSON, an expired SSO session.
 */
export async function whyNoCredentials(profile?: string): Promise<string> {
  const named = profile ?? process.env['AWS_PROFILE'];
  if (named === undefined || named === '') return 'no AWS credentials found (set AWS_PROFILE or AWS_ACCESS_KEY_ID, run `aws sso login`, or pass --profile)';
  const shown = cleanText(named, 64);
  try {
    await fromIni({ profile: named })();
    return `AWS profile "${shown}" gave no credentials`;
  } catch (err) {
    return `AWS profile "${shown}" gives no credentials: ${cleanText(errorMessage(err), 300)} (check ~/.aws/config and ~/.aws/credentials, or run \`aws sso login --profile ${shown}\`)`;
  }
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
