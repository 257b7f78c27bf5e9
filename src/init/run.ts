import { existsSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { z } from 'zod';
import { minimalPolicy } from '../collect/permissions.js';
import { UserError, errorMessage } from '../errors.js';
import { writeFileChunks } from '../write-chunks.js';
import { InitAnswersSchema, splitRegions, yesNo, type InitAnswers } from './answers.js';
import { configFileText } from './config-file.js';
import { callerIdentity } from './identity.js';
import { Prompter } from './prompt.js';
import { workflowText } from './workflow.js';

export const WORKFLOW_PATH = '.github/workflows/mlcost.yml';

export interface InitOptions {
  cwd: string;
  /** Where the config goes (--config, default ./mlcost.config.yaml). */
  configPath: string;
  /** Ask on the terminal; false with --yes, in CI or when stdin is not a terminal. */
  interactive: boolean;
  force: boolean;
  given: { account?: string; regions?: string[]; teamTag?: string; workflow?: boolean };
  profile?: string;
  endpointUrl?: string;
  env: NodeJS.ProcessEnv;
  input: Readable;
  /** Questions and progress (stderr: stdout carries only the policy). */
  messages: Writable;
  /** The requested output: the IAM policy. */
  output: (text: string) => Promise<void>;
  now: Date;
}

/**
 * `mlcost init`: answers (asked or from flags), a credentials check, mlcost.config.yaml, an optional
 * GitHub Actions workflow, and the IAM policy to attach. Nothing is written until every answer is
 * valid and the credentials work, and nothing existing is replaced without --force.
 */
export async function runInit(o: InitOptions): Promise<void> {
  const configFile = resolve(o.cwd, o.configPath);
  refuseOverwrite(configFile, o);
  const answers = o.interactive ? await askAnswers(o) : answersFromFlags(o);
  const workflowFile = resolve(o.cwd, WORKFLOW_PATH);
  if (answers.workflow) refuseOverwrite(workflowFile, o);

  const region = answers.regions[0]!;
  const caller = await callerIdentity({
    region,
    ...(o.profile !== undefined ? { profile: o.profile } : {}),
    ...(o.endpointUrl !== undefined ? { endpointUrl: o.endpointUrl } : {}),
  });
  if (answers.account && answers.account !== caller.account) {
    throw new UserError(
      `the AWS credentials are for account ${caller.account}, not ${answers.account}: pick the right profile (--profile) or account; nothing was written`,
    );
  }
  o.messages.write(`credentials work: ${terminalSafe(caller.arn)} (account ${caller.account})\n`);

  await write(configFile, configFileText(answers, { account: caller.account, date: o.now.toISOString().slice(0, 10) }), o);
  if (answers.workflow) await write(workflowFile, workflowText(region), o);
  o.messages.write('the minimal read-only IAM policy for the role or user that runs mlcost (stdout; `mlcost permissions` prints it again):\n');
  await o.output(JSON.stringify(minimalPolicy(), null, 2));
  o.messages.write(`next: mlcost audit${o.configPath !== 'mlcost.config.yaml' ? ` --config ${o.configPath}` : ''}\n`);
}

function refuseOverwrite(file: string, o: Pick<InitOptions, 'force' | 'cwd'>): void {
  if (existsSync(file) && !o.force) throw new UserError(`${relative(o.cwd, file)} already exists: pass --force to replace it`);
}

/** Written whole or not at all, like every file mlcost writes. */
async function write(file: string, text: string, o: InitOptions): Promise<void> {
  try {
    mkdirSync(dirname(file), { recursive: true });
    await writeFileChunks(file, [text]);
  } catch (err) {
    throw new UserError(`${file}: cannot write (${errorMessage(err)})`);
  }
  o.messages.write(`wrote ${relative(o.cwd, file)}\n`);
}

function defaultRegion(env: NodeJS.ProcessEnv): string {
  return env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
}

/** --yes / CI / no terminal: the flags, else the defaults; a bad value names its flag. */
function answersFromFlags(o: InitOptions): InitAnswers {
  const r = InitAnswersSchema.safeParse({
    account: o.given.account,
    regions: o.given.regions ?? [defaultRegion(o.env)],
    teamTag: o.given.teamTag ?? 'team',
    workflow: o.given.workflow ?? false,
  });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const flag = { account: '--account', regions: '--regions', teamTag: '--team-tag', workflow: '--workflow' }[String(issue.path[0]) as keyof InitAnswers];
  throw new UserError(`${flag}: ${issue.message}`);
}

/** One question per answer, asked again until the answer is valid; flags given become the defaults shown. */
async function askAnswers(o: InitOptions): Promise<InitAnswers> {
  const p = new Prompter(o.input, o.messages);
  const field = <K extends keyof InitAnswers>(key: K, value: unknown): { ok: true; value: InitAnswers[K] } | { ok: false; why: string } => {
    const r = (InitAnswersSchema.shape[key] as unknown as z.ZodType<InitAnswers[K]>).safeParse(value);
    return r.success ? { ok: true, value: r.data } : { ok: false, why: r.error.issues[0]!.message };
  };
  try {
    const account = await p.askUntil('AWS account id to audit (empty: the one your credentials are for)', o.given.account ?? '', (a) => field('account', a));
    const regions = await p.askUntil('Regions to audit (comma-separated)', (o.given.regions ?? [defaultRegion(o.env)]).join(','), (a) =>
      field('regions', splitRegions(a)),
    );
    const teamTag = await p.askUntil("Tag key that names a resource's team", o.given.teamTag ?? 'team', (a) => field('teamTag', a));
    const workflow = await p.askUntil(
      `Write a GitHub Actions workflow (${WORKFLOW_PATH}) for the CI gate and weekly report? (y/n)`,
      o.given.workflow ? 'y' : 'n',
      (a) => {
        const v = yesNo(a, false);
        return v === undefined ? { ok: false, why: 'answer y or n' } : { ok: true, value: v };
      },
    );
    return { ...(account ? { account } : {}), regions, teamTag, workflow };
  } catch (err) {
    throw new UserError(`${errorMessage(err)}: run \`mlcost init --yes\` with flags to set up without questions`);
  } finally {
    p.close();
  }
}

/** Text from AWS reaches the terminal without control or format characters. */
function terminalSafe(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '?');
}
