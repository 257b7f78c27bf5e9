import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const RESULT = join(ROOT, 'fixtures', 'results', 'weekly.json');
const PREVIOUS = join(ROOT, 'fixtures', 'results', 'previous.json');
const USER = 'reports@example.test';
const PASSWORD = 'correct horse battery staple';

/** A real SMTP server on loopback that requires AUTH PLAIN/LOGIN and keeps what it receives. */
function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: { mail: ParsedMail; envelope: string[] }[] }> {
  const inbox: { mail: ParsedMail; envelope: string[] }[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === USER && auth.password === PASSWORD) {
        done(null, { user: auth.username });
        return;
      }
      done(new Error('Authentication credentials invalid'));
    },
    onData(stream, session, done) {
      simpleParser(stream, { skipImageLinks: true })
        .then((mail) => {
          inbox.push({ mail, envelope: session.envelope.rcptTo.map((r) => r.address) });
          done();
        })
        .catch(done);
    },
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, port: (server.server.address() as AddressInfo).port, inbox });
    }),
  );
}

function config(dir: string, port: number, user = USER): string {
  const file = join(dir, 'mlcost.config.yaml');
  writeFileSync(
    file,
    [
      'email:',
      '  from: "mlcost <mlcost@example.test>"',
      '  to: [ml-leads@example.test, finance@example.test]',
      '  cc: [platform@example.test]',
      '  subject: "mlcost weekly {{date}}: {{savings}}/month to save, {{resolved}} resolved"',
      '  smtp:',
      '    host: 127.0.0.1',
      `    port: ${port}`,
      '    secure: false',
      `    user: ${user}`,
      '',
    ].join('\n'),
  );
  return file;
}

describe('weekly email over real SMTP (loopback)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(
    () =>
      new Promise<void>((r) => {
        smtp.server.close(() => {
          r();
        });
      }),
  );

  it('delivers subject, HTML and text parts, the CID chart, the attached report and the right recipients', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-mail-'));
    const r = await runCli(['report', RESULT, '--previous', PREVIOUS, '--email', '--config', config(dir, smtp.port)], {
      cwd: dir,
      env: { MLCOST_SMTP_PASSWORD: PASSWORD },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sent "mlcost weekly 2026-11-27: \$65,251\/month to save, 2 resolved" to .* via smtp\n$/);
    expect(smtp.inbox).toHaveLength(1);
    const { mail, envelope } = smtp.inbox[0]!;
    expect(mail.subject).toBe('mlcost weekly 2026-11-27: $65,251/month to save, 2 resolved');
    expect(envelope.sort()).toEqual(['finance@example.test', 'ml-leads@example.test', 'platform@example.test']);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a?.value.map((v) => v.address))).toEqual(['ml-leads@example.test', 'finance@example.test']);
    expect(mail.from?.value[0]?.address).toBe('mlcost@example.test');

    const html = String(mail.html);
    expect(html).toContain('$65,251/month can be saved');
    expect(html).toContain('Since 2026-11-20');
    expect(html).not.toMatch(/<svg|<script|<img src=x/i);
    expect(html).toContain('&lt;script&gt;');
    expect(mail.text).toContain('Saving found: $65,251/month of $146,210/month in scope (45%)');
    expect(mail.text).toContain('resolved       2 ($701/month realised, estimated)');

    // Every cid: reference in the HTML resolves to an attachment with that Content-ID.
    const cids = [...html.matchAll(/src="cid:([^"]+)"/g)].map((m) => m[1]);
    expect(cids.length).toBeGreaterThan(0);
    for (const cid of cids) {
      const part = mail.attachments.find((a) => a.contentId === `<${cid}>` || a.cid === cid);
      expect(part, `cid:${cid}`).toBeDefined();
      expect(part!.contentType).toBe('image/png');
      expect(part!.content.subarray(1, 4).toString()).toBe('PNG');
    }
    const report = mail.attachments.find((a) => a.filename === 'mlcost-report-2026-11-27.html');
    expect(report?.contentType).toBe('text/html');
    expect(report?.content.toString()).toContain('data-kpi="monthly-savings">$65,251<');
  });

  it('a wrong password: one line, exit 2, and the report is still on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-mail-'));
    const r = await runCli(['report', RESULT, '--email', '--config', config(dir, smtp.port)], { cwd: dir, env: { MLCOST_SMTP_PASSWORD: 'wrong' } });
    expect(r.code).toBe(2);
    const saved = join(dir, 'mlcost-report-2026-11-27.html');
    expect(r.stderr).toBe(
      `mlcost: SMTP server 127.0.0.1:${smtp.port} rejected the login for ${USER} (535 Authentication credentials invalid): check email.smtp.user and MLCOST_SMTP_PASSWORD; the HTML report was saved to ${saved}\n`,
    );
    expect(readFileSync(saved, 'utf8')).toContain('<!doctype html>');
  });

  it('a refused connection: one line, exit 2, and --out keeps the report where asked', async () => {
    const closed = await startSmtp();
    await new Promise<void>((r) => {
      closed.server.close(() => {
        r();
      });
    });
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-mail-'));
    const out = join(dir, 'weekly.html');
    const r = await runCli(['report', RESULT, '--email', '--output', 'html', '--out', out, '--config', config(dir, closed.port)], {
      cwd: dir,
      env: { MLCOST_SMTP_PASSWORD: PASSWORD },
    });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `wrote html report to ${out}`,
      expect.stringMatching(
        new RegExp(
          `^mlcost: SMTP server 127.0.0.1:${closed.port} refused the connection \\(.*ECONNREFUSED.*\\): check email.smtp.host and port; the HTML report was saved to ${out}$`,
        ),
      ),
    ]);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, 'mlcost-report-2026-11-27.html'))).toBe(false);
  });

  it('without the password variable it says which variable to set, before connecting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlcost-mail-'));
    const before = smtp.inbox.length;
    const r = await runCli(['report', RESULT, '--email', '--config', config(dir, smtp.port)], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^mlcost: email.smtp.user is set but MLCOST_SMTP_PASSWORD is not: export the SMTP password in that variable; the HTML report was saved to .*\n$/,
    );
    expect(smtp.inbox.length).toBe(before);
  });
});
