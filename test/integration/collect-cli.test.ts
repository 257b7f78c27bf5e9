import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../../bench/collect/proxy.js';
import { launch, seedClients, TEST_CREDENTIALS } from '../../bench/collect/seed.js';
import { expectOneLineError, runCli, type CliRun } from '../helpers/cli.js';
import { startMoto, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';
import { getPath } from '../helpers/json-path.js';

/** `mlcost collect` and `mlcost permissions` as a user runs them: a child process, its stdout, stderr, exit code and file. */
const tmp = mkdtempSync(join(tmpdir(), 'mlcost-collect-'));
let moto: Moto;
let proxy: Proxy;

/** The built CLI (as a user runs it) in a temp working directory with its own HOME. */
function mlcost(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { cwd: tmp, env: { HOME: tmp, AWS_EC2_METADATA_DISABLED: 'true', AWS_MAX_ATTEMPTS: '2', ...env } });
}
const creds = { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey };

beforeAll(async () => {
  moto = await startMoto();
  for (const region of ['us-east-1', 'eu-west-1']) await launch(seedClients(moto.endpoint, region).ec2, 'm5.large', 2);
  proxy = await startProxy(moto.endpoint, { faults: [{ region: 'eu-west-1', kind: 'deny' }] });
}, 120_000);

afterAll(async () => {
  await stopAll(proxy, moto);
});

describe('mlcost collect (CLI)', () => {
  it('writes the Snapshot, keeps stdout empty, and reports its own API calls and cost on stderr', async () => {
    const r = await mlcost(['collect', '--out', 'snap.json', '--region', 'us-east-1', '--prices', 'embedded'], { ...creds, AWS_ENDPOINT_URL: moto.endpoint });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote snap\.json: 2 EC2 instances, /);
    expect(r.stderr).toMatch(/AWS API calls \(.*cloudwatch \d+.*ec2 \d+.*\), \d+ CloudWatch metrics requested; estimated AWS charge for this run \$0\.\d{4}/);
    const snap: unknown = JSON.parse(readFileSync(join(tmp, 'snap.json'), 'utf8'));
    expect(getPath(snap, 'scope.apiCalls.ec2:DescribeInstances')).toBe(1);
    expect(getPath(snap, 'resources.ec2Instances')).toHaveLength(2);
  });

  it('--endpoint-url wins over AWS_ENDPOINT_URL', async () => {
    const r = await mlcost(['collect', '--out', 'flag.json', '--region', 'us-east-1', '--prices', 'embedded', '--endpoint-url', moto.endpoint], {
      ...creds,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    });
    expect(r.code).toBe(0);
    expect(getPath(JSON.parse(readFileSync(join(tmp, 'flag.json'), 'utf8')), 'resources.ec2Instances')).toHaveLength(2);
  });

  it('--strict: a denied region still writes what was read, warns with region and account, exits 3', async () => {
    const r = await mlcost(
      ['collect', '--out', 'partial.json', '--regions', 'us-east-1,eu-west-1', '--prices', 'embedded', '--strict', '--endpoint-url', proxy.url],
      creds,
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/warning: 123456789012\/eu-west-1: could not read EC2 instances \(UnauthorizedOperation/);
    const snap: unknown = JSON.parse(readFileSync(join(tmp, 'partial.json'), 'utf8'));
    expect(snap).toMatchObject({ resources: { ec2Instances: [{ region: 'us-east-1' }, { region: 'us-east-1' }] } });
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('no credentials: one line pointing to --demo, exit 2, no file', async () => {
    const r = await mlcost(['collect', '--out', 'none.json', '--region', 'us-east-1', '--endpoint-url', moto.endpoint]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^mlcost: no AWS credentials found .*mlcost audit --demo/);
    expect(existsSync(join(tmp, 'none.json'))).toBe(false);
  });

  it('a named profile that gives no credentials says why: missing profile, failing credential_process (exit 2)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlcost-home-'));
    mkdirSync(join(home, '.aws'));
    writeFileSync(join(home, '.aws', 'config'), '[profile broken]\ncredential_process = /bin/sh -c "echo token expired >&2; exit 3"\n');
    const run = (args: string[], env: Record<string, string> = {}) =>
      mlcost(['collect', '--out', 'none.json', '--region', 'us-east-1', '--endpoint-url', moto.endpoint, ...args], { HOME: home, ...env });
    const missing = await run(['--profile', 'nosuch']);
    expect(missing.code).toBe(2);
    expectOneLineError(missing.stderr, /^mlcost: AWS profile "nosuch" gives no credentials: Could not resolve credentials using profile: \[nosuch\]/);
    const failing = await run([], { AWS_PROFILE: 'broken' });
    expect(failing.code).toBe(2);
    expectOneLineError(failing.stderr, /^mlcost: AWS profile "broken" gives no credentials: Command failed: .*token expired/);
    expect(existsSync(join(tmp, 'none.json'))).toBe(false);
  });

  it('bad flags are one-line usage errors (exit 2)', async () => {
    const bad = await mlcost(['collect', '--out', 'x.json', '--lookback', '2y'], creds);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('mlcost: --lookback: "2y" is not a window of 1 to 455 days (e.g. 14d, 30d, 4w)');
    const region = await mlcost(['collect', '--out', 'x.json', '--regions', 'us-east-1,moon-1'], creds);
    expect(region.code).toBe(2);
    expect(region.stderr.trim()).toMatch(/^mlcost: --region\(s\): "moon-1" is not an AWS region name/);
  });

  it('permissions prints a valid read-only policy on stdout', async () => {
    const r = await mlcost(['permissions']);
    expect(r.code).toBe(0);
    const policy: unknown = JSON.parse(r.stdout);
    expect(getPath(policy, 'Statement.0.Action')).toEqual(expect.arrayContaining(['cloudwatch:GetMetricData', 'ec2:DescribeInstances', 's3:ListAllMyBuckets']));
  });
});
