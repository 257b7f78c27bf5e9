import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditResultSchema } from '../../src/engine/result.js';
import { runCli } from '../helpers/cli.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
  const ec2 = new EC2Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
  await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12c6146b', InstanceType: 'm5.large', MinCount: 2, MaxCount: 2 }));
});
afterAll(() => stopAll(moto));

const env = () => ({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: moto.endpoint });

describe('mlcost audit against a live AWS API (moto_server)', () => {
  it('collects, evaluates and reports the API calls it made', async () => {
    const r = await runCli(['audit', '--region', 'us-east-1', '--prices', 'embedded', '--output', 'json'], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    const result = AuditResultSchema.parse(JSON.parse(r.stdout));
    expect(result.scope.source).toBe('aws');
    expect(result.scope.regions).toEqual(['us-east-1']);
    // two brand-new m5.large with no metrics (2 x 0.096 x 730 = 140.16) and the 8 GiB gp2 root volume
    // moto gives each (2 x 8 x 0.10 = 1.60): priced in scope, never called idle
    expect(result.totals.monthlyCost).toBe(141.76);
    expect(result.findings.filter((f) => f.resource.type === 'ec2-instance')).toEqual([]);
    // the gp2 root volumes are worth moving to gp3 kept at gp2's 128 MiB/s: 8 GiB x (0.10 - 0.08) - 3 MiB/s x 0.04 = 0.04 each
    expect(result.findings.map((f) => [f.ruleId, f.monthlySavings])).toEqual([
      ['gp2-to-gp3', 0.04],
      ['gp2-to-gp3', 0.04],
    ]);
    expect(r.stderr).toMatch(/AWS API calls \(.*ec2 \d+/);
  });

  it('--quiet drops the API-usage summary and keeps every warning', async () => {
    const args = ['audit', '--region', 'us-east-1', '--prices', 'live', '--output', 'json'];
    const [loud, quiet] = await Promise.all([runCli(args, { env: env() }), runCli([...args, '--quiet'], { env: env() })]);
    const usage = (line: string) => /^mlcost: \d+ AWS API calls/.test(line);
    const loudLines = loud.stderr.trim().split('\n');
    expect(loudLines.filter(usage)).toHaveLength(1);
    // moto has no Pricing API: --prices live falls back with a warning (and exit 3), which --quiet must not hide.
    expect(loudLines.some((l) => l.startsWith('mlcost: warning:'))).toBe(true);
    expect(quiet.stderr.trim().split('\n')).toEqual(loudLines.filter((l) => !usage(l)));
    expect(quiet.code).toBe(loud.code);
  });

  it('--endpoint-url wins over the environment', async () => {
    const r = await runCli(['audit', '--region', 'us-east-1', '--prices', 'embedded', '--endpoint-url', moto.endpoint, '--output', 'json'], {
      env: { ...env(), AWS_ENDPOINT_URL: 'http://127.0.0.1:9' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(AuditResultSchema.parse(JSON.parse(r.stdout)).totals.monthlyCost).toBe(141.76);
  });

  it('without credentials: one line pointing to --demo, exit 2', async () => {
    const r = await runCli(['audit', '--region', 'us-east-1'], {
      env: { AWS_ENDPOINT_URL: moto.endpoint, AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('mlcost audit --demo');
  });
});
