import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { minimalPolicy } from '../../src/collect/permissions.js';
import { ensureBuilt, ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { schemaValidator } from '../helpers/json-schema.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';

let moto: Moto;
const dirs: string[] = [];
const CREDS = { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_EC2_METADATA_DISABLED: 'true' };

beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mlcost-init-'));
  dirs.push(d);
  return d;
}

const validConfig = (() => {
  const validate = schemaValidator({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'config.schema.json'), 'utf8')) as object);
  return (file: string): unknown => {
    const doc = parse(readFileSync(file, 'utf8')) as unknown;
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    return doc;
  };
})();

function init(cwd: string, args: string[], env: Record<string, string> = {}, input = ''): Promise<CliRun> {
  return runCli(['init', '--endpoint-url', moto.endpoint, ...args], { cwd, env: { ...CREDS, ...env }, input });
}

/** The CLI on a pseudo-terminal (util-linux `script`), answers typed into it: the real interactive path. */
function initOnTerminal(cwd: string, args: string[], answers: string[], env: Record<string, string> = {}): Promise<{ code: number | null; screen: string }> {
  ensureBuilt();
  const command = ['node', join(ROOT, 'bin', 'run.js'), 'init', '--endpoint-url', moto.endpoint, ...args, '>policy.json'].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: cwd, NO_COLOR: '1', TERM: 'dumb', ...CREDS, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    child.stderr.on('data', (d: Buffer) => (screen += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, screen });
    });
    // Typed ahead of the questions: the prompt keeps lines that arrive early.
    child.stdin.write(answers.map((a) => `${a}\n`).join(''));
  });
}

describe('mlcost init --yes', () => {
  it('checks the credentials, writes a valid config and the workflow, and prints the policy on stdout', async () => {
    const dir = workDir();
    const r = await init(dir, ['--yes', '--regions', 'us-east-1,us-west-2', '--team-tag', 'owner', '--workflow', '--account', '123456789012']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(minimalPolicy());
    expect(r.stderr).toContain('credentials work: arn:aws:sts::123456789012:');
    expect(validConfig(join(dir, 'mlcost.config.yaml'))).toEqual({ regions: ['us-east-1', 'us-west-2'], teamTags: ['owner'] });
    const workflow = parse(readFileSync(join(dir, '.github', 'workflows', 'mlcost.yml'), 'utf8')) as {
      jobs: { audit: { steps: { run?: string; with?: Record<string, unknown> }[] } };
    };
    const steps = workflow.jobs.audit.steps;
    expect(steps.find((s) => s.with?.['aws-region'] !== undefined)?.with?.['aws-region']).toBe('us-east-1');
    expect(steps.map((s) => s.run ?? '').join('\n')).toMatch(
      /mlcost audit --output json --out audit.json[\s\S]*mlcost report audit.json --format html[\s\S]*mlcost gate/,
    );
  });

  it('takes defaults without --yes when stdin is not a terminal, and asks nothing', async () => {
    const dir = workDir();
    const r = await init(dir, [], { AWS_REGION: 'eu-west-1' }, 'these lines are not answers\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('Regions to audit');
    expect(validConfig(join(dir, 'mlcost.config.yaml'))).toEqual({ regions: ['eu-west-1'], teamTags: ['team'] });
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('refuses to replace an existing config without --force, and replaces it with --force', async () => {
    const dir = workDir();
    writeFileSync(join(dir, 'mlcost.config.yaml'), 'lookbackDays: 30\n');
    const refused = await init(dir, ['--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe('mlcost: mlcost.config.yaml already exists: pass --force to replace it');
    expect(refused.stdout).toBe('');
    expect(readFileSync(join(dir, 'mlcost.config.yaml'), 'utf8')).toBe('lookbackDays: 30\n');
    const forced = await init(dir, ['--yes', '--force', '--regions', 'us-east-2']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(validConfig(join(dir, 'mlcost.config.yaml'))).toEqual({ regions: ['us-east-2'], teamTags: ['team'] });
  });

  it('refuses to replace an existing workflow without --force', async () => {
    const dir = workDir();
    expect((await init(dir, ['--yes', '--workflow'])).code).toBe(0);
    const again = await init(dir, ['--yes', '--workflow', '--config', 'other.yaml']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('.github/workflows/mlcost.yml already exists: pass --force to replace it');
    expect(existsSync(join(dir, 'other.yaml'))).toBe(false);
  });

  it.each([
    [['--regions', 'us-east-1,nowhere'], 'mlcost: --regions: "nowhere" is not a region name (e.g. us-east-1)'],
    [['--account', '12345'], 'mlcost: --account: expected a 12-digit AWS account id'],
    [['--team-tag', 'team\u001b[31m'], 'mlcost: --team-tag: a tag key has only letters, digits, spaces and _ . : / = + - @'],
    [['--account', '111122223333'], 'mlcost: the AWS credentials are for account 123456789012, not 111122223333'],
  ])('a bad answer %j is one line, exit 2, nothing written', async (args, message) => {
    const dir = workDir();
    const r = await init(dir, ['--yes', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(dir, 'mlcost.config.yaml'))).toBe(false);
  });

  it('without credentials says so in one line and writes nothing', async () => {
    const dir = workDir();
    const r = await runCli(['init', '--yes', '--endpoint-url', moto.endpoint], { cwd: dir, env: { HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^mlcost: no AWS credentials found .*nothing was written$/);
    expect(existsSync(join(dir, 'mlcost.config.yaml'))).toBe(false);
  });
});

describe('mlcost init on a terminal', () => {
  it('asks each question, asks again after a bad answer, and writes what was answered', async () => {
    const dir = workDir();
    const { code, screen } = await initOnTerminal(dir, [], ['', 'us-east-1, nowhere', 'us-east-1,us-west-2', 'owner', 'maybe', 'y']);
    expect(code, screen).toBe(0);
    expect(screen).toContain('AWS account id to audit (empty: the one your credentials are for): ');
    expect(screen).toContain('Regions to audit (comma-separated) [us-east-1]: ');
    expect(screen).toContain('"nowhere" is not a region name (e.g. us-east-1)');
    expect(screen).toContain("Tag key that names a resource's team [team]: ");
    expect(screen).toContain('answer y or n');
    expect(validConfig(join(dir, 'mlcost.config.yaml'))).toEqual({ regions: ['us-east-1', 'us-west-2'], teamTags: ['owner'] });
    expect(existsSync(join(dir, '.github', 'workflows', 'mlcost.yml'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'policy.json'), 'utf8'))).toEqual(minimalPolicy());
  });

  it('shows flags given as the defaults, so Enter keeps them', async () => {
    const dir = workDir();
    const { code, screen } = await initOnTerminal(dir, ['--regions', 'ap-south-1', '--team-tag', 'squad'], ['', '', '', '']);
    expect(code, screen).toBe(0);
    expect(screen).toContain('Regions to audit (comma-separated) [ap-south-1]: ');
    expect(validConfig(join(dir, 'mlcost.config.yaml'))).toEqual({ regions: ['ap-south-1'], teamTags: ['squad'] });
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it('asks nothing on a terminal when CI is set', async () => {
    const dir = workDir();
    const { code, screen } = await initOnTerminal(dir, [], [], { CI: 'true' });
    expect(code, screen).toBe(0);
    expect(screen).not.toContain('Regions to audit');
    expect(existsSync(join(dir, 'mlcost.config.yaml'))).toBe(true);
  });
});
