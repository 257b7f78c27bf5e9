import { paginateListAccounts } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { assumeRoleCredentials, baseCredentials, whyNoCredentials } from '../aws/credentials.js';
import { classifyAwsError } from '../aws/errors.js';
import type { AwsSession } from '../aws/session.js';
import { ExitCode, UserError } from '../errors.js';
import { DEFAULT_ORG_ROLE, type CollectOptions } from './types.js';
import type { Account, WarningSink } from './context.js';

/** sts:GetCallerIdentity needs no permission; AssumeRole is needed only with `accounts` or --org. */
export const IAM_ACTIONS = ['sts:AssumeRole', 'organizations:ListAccounts', 'ec2:DescribeRegions'] as const;

/**
 * Who to audit: the caller's own account; or the accounts in mlcost.config.yaml, each through its
 * role; or with --org every active member account through `--org-role`. An account whose role
 * cannot be assumed becomes a warning and is skipped, never the end of the run.
 */
export async function resolveAccounts(session: AwsSession, options: CollectOptions, homeRegion: string, warnings: WarningSink): Promise<Account[]> {
  const base: Account = { accountId: 'caller', credentials: baseCredentials(options.profile) };
  base.accountId = await callerAccount(session, base, homeRegion, options.profile);
  const sts = () => session.client('sts', homeRegion, base);
  const accounts = new Map<string, Account>();
  if (options.org) {
    for await (const page of paginateListAccounts({ client: session.client('organizations', homeRegion, base) }, {})) {
      for (const a of page.Accounts ?? []) {
        if (!a.Id || (a.Status ?? a.State) !== 'ACTIVE') continue;
        const credentials =
          a.Id === base.accountId
            ? base.credentials
            : assumeRoleCredentials(sts, { roleArn: `arn:aws:iam::${a.Id}:role/${options.orgRoleName ?? DEFAULT_ORG_ROLE}` });
        accounts.set(a.Id, { accountId: a.Id, credentials, ...(a.Name ? { name: a.Name } : {}) });
      }
    }
  }
  for (const a of options.config.accounts) {
    const spec = { roleArn: a.roleArn, ...(a.externalId !== undefined ? { externalId: a.externalId } : {}) };
    accounts.set(a.id, { accountId: a.id, credentials: assumeRoleCredentials(sts, spec), ...(a.name ? { name: a.name } : {}) });
  }
  if (accounts.size === 0) return [base];
  const usable = await Promise.all(
    [...accounts.values()].map(async (a) => {
      if (a.credentials === base.credentials) return a;
      try {
        await a.credentials();
        return a;
      } catch (err) {
        const f = classifyAwsError(err);
        warnings.add({
          code: f.kind,
          message: `${a.accountId}: skipped, cannot assume its role (${f.code}: ${f.message})`,
          accountId: a.accountId,
          service: 'sts',
        });
        return undefined;
      }
    }),
  );
  return usable.filter((a): a is Account => a !== undefined);
}

/** The first call of a run: it proves credentials exist, so their absence is one clear line. */
async function callerAccount(session: AwsSession, base: Account, region: string, profile: string | undefined): Promise<string> {
  try {
    const out = await session.client('sts', region, base).send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new Error('GetCallerIdentity returned no account id');
    return out.Account;
  } catch (err) {
    const f = classifyAwsError(err);
    if (f.kind === 'no-credentials') {
      throw new UserError(`${await whyNoCredentials(profile)}; to see mlcost without AWS, run \`mlcost audit --demo\``);
    }
    throw new UserError(`cannot use the AWS credentials in ${region} (${f.code}: ${f.message})`, ExitCode.usage);
  }
}
