import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { startMoto, TEST_CREDENTIALS, type Moto } from '../helpers/moto.js';
import { stopAll } from '../helpers/teardown.js';

const RESULT = join(ROOT, 'fixtures', 'results', 'weekly.json');

/** `--via ses` against moto_server: the real SESv2 SendEmail call nodemailer makes, raw MIME and all. */
describe('weekly email through Amazon SES (moto_server)', () => {
  let moto: Moto;
  let dir: string;
  const env = () => ({
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
  });

  beforeAll(async () => {
    moto = await startMoto();
    dir = mkdtempSync(join(tmpdir(), 'mlcost-ses-'));
    writeFileSync(
      join(dir, 'mlcost.config.yaml'),
      ['email:', '  from: mlcost@example.test', '  to: [ml-leads@example.test]', '  via: ses', '  ses:', '    region: us-east-1', ''].join('\n'),
    );
  });
  afterAll(() => stopAll(moto));

  it('an unverified sender: one line naming SES, exit 2, report kept', async () => {
    const r = await runCli(['report', RESULT, '--email'], { cwd: dir, env: env() });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mlcost: Amazon SES SendEmail failed in us-east-1 \(.+\): check the sender is verified .*; the HTML report was saved to .*mlcost-report-2026-11-27\.html$/,
    );
  });

  it('a verified sender: the message is accepted', async () => {
    const ses = new SESv2Client({ region: 'us-east-1', endpoint: moto.endpoint, credentials: TEST_CREDENTIALS });
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'mlcost@example.test' }));
    const r = await runCli(['report', RESULT, '--email'], { cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^sent "mlcost weekly: \$65,251\/month of savings found" to .* via ses\n$/);
    // moto keeps what SendEmail received; parse the raw MIME back like a mail client would.
    const data = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as { ses: { RawMessage: { raw_data: string }[] } };
    expect(data.ses.RawMessage).toHaveLength(1);
    const mail = await simpleParser(data.ses.RawMessage[0]!.raw_data);
    expect(mail.subject).toBe('mlcost weekly: $65,251/month of savings found');
    expect(mail.text).toContain('Saving found: $65,251/month');
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['mlcost-report-2026-11-27.html', 'spend.png']);
  });
});
