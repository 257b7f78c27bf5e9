import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { baseCredentials, whyNoCredentials } from '../aws/credentials.js';
import { classifyAwsError } from '../aws/errors.js';
import { AwsSession } from '../aws/session.js';
import { UserError } from '../errors.js';

export interface CallerIdentity {
  account: string;
  arn: string;
}

/** STS GetCallerIdentity (read-only, needs no permission): proves the credentials work and says whose they are. */
export async function callerIdentity(opts: { profile?: string; region: string; endpointUrl?: string }): Promise<CallerIdentity> {
  const session = new AwsSession({ ...(opts.endpointUrl !== undefined ? { endpointUrl: opts.endpointUrl } : {}), maxAttempts: 2 });
  try {
    const identity = { accountId: 'caller', credentials: baseCredentials(opts.profile) };
    const out = await session.client('sts', opts.region, identity).send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new Error('GetCallerIdentity returned no account id');
    return { account: out.Account, arn: out.Arn ?? '' };
  } catch (err) {
    const f = classifyAwsError(err);
    if (f.kind === 'no-credentials') {
      throw new UserError(`${await whyNoCredentials(opts.profile)}; nothing was written`);
    }
    throw new UserError(`the AWS credentials do not work in ${opts.region} (${f.code}: ${f.message}); nothing was written`);
  } finally {
    session.destroy();
  }
}
