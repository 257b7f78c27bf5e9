import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config/schema.js';
import { readOnlyClient } from '../aws/read-only.js';
import { UserError, errorMessage } from '../errors.js';
import type { WeeklyEmail } from './compose.js';

export type EmailSettings = NonNullable<Config['email']>;
export type Via = EmailSettings['via'];

/** The SMTP password is read from here only: never a flag (shell history) or the config file (repos). */
export const SMTP_PASSWORD_ENV = 'MLCOST_SMTP_PASSWORD';

export interface Sent {
  messageId: string;
  accepted: string[];
}

/** Sends through SMTP (nodemailer) or Amazon SES (SESv2 SendEmail). Failures are one-line UserErrors. */
export async function sendWeeklyEmail(email: WeeklyEmail, settings: EmailSettings, via: Via, env = process.env): Promise<Sent> {
  if (!settings.from) throw new UserError('email.from is not set in mlcost.config.yaml: add the sender address under `email:`');
  if (!settings.to.length) throw new UserError('email.to is empty in mlcost.config.yaml: add at least one recipient under `email:`');
  const transport = via === 'ses' ? await sesTransport(settings) : smtpTransport(settings, env);
  try {
    const info = (await transport.sendMail({
      from: settings.from,
      to: settings.to,
      ...(settings.cc.length ? { cc: settings.cc } : {}),
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments,
    })) as { messageId?: string; accepted?: (string | { address: string })[] };
    return { messageId: info.messageId ?? '', accepted: (info.accepted ?? []).map((a) => (typeof a === 'string' ? a : a.address)) };
  } catch (err) {
    throw new UserError(via === 'ses' ? sesFailure(settings, err) : smtpFailure(settings, err));
  } finally {
    transport.close();
  }
}

function smtpTransport(settings: EmailSettings, env: NodeJS.ProcessEnv): Transporter {
  const { host, port, secure, user } = settings.smtp;
  if (!host) throw new UserError('email.smtp.host is not set in mlcost.config.yaml (or use --via ses)');
  const password = env[SMTP_PASSWORD_ENV];
  if (user && !password) throw new UserError(`email.smtp.user is set but ${SMTP_PASSWORD_ENV} is not: export the SMTP password in that variable`);
  return nodemailer.createTransport({
    host,
    port: port ?? (secure ? 465 : 587),
    secure: secure ?? port === 465,
    ...(user ? { auth: { user, pass: password ?? '' } } : {}),
    // A scheduled job should fail in seconds, not hang on a dead relay.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** The SES client is loaded only when mailing through SES, so `report` starts fast otherwise. */
async function sesTransport(settings: EmailSettings): Promise<Transporter> {
  // The SDK's multi-line Node 20 deprecation notice would break "one line on stderr" for every
  // scheduled run; stdout/stderr belong to the report. A user who sets the variable wins.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
  // SendEmail is the one write mlcost makes, and only because the user asked for the mail.
  const client = readOnlyClient(new SESv2Client(settings.ses.region ? { region: settings.ses.region } : {}), 'ses', ['SendEmail']);
  return nodemailer.createTransport({ SES: { sesClient: client, SendEmailCommand } });
}

function smtpFailure(settings: EmailSettings, err: unknown): string {
  const where = `SMTP server ${settings.smtp.host}:${settings.smtp.port ?? (settings.smtp.secure ? 465 : 587)}`;
  const e = err as { code?: string; responseCode?: number; response?: string };
  const detail = oneLine(e.response ?? errorMessage(err));
  if (e.code === 'EAUTH')
    return `${where} rejected the login for ${settings.smtp.user ?? '(no user)'} (${detail}): check email.smtp.user and ${SMTP_PASSWORD_ENV}`;
  if (detail.includes('ECONNREFUSED')) return `${where} refused the connection (${detail}): check email.smtp.host and port`;
  if (e.code === 'ETIMEDOUT') return `${where} did not answer in time (${detail}): check the host, port and firewall`;
  if (e.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(detail)) return `${where} could not be resolved (${detail}): check email.smtp.host`;
  if (e.code === 'EENVELOPE') return `${where} refused the recipients or sender (${detail}): check email.from, email.to and email.cc`;
  return `${where} failed to send (${detail})`;
}

function sesFailure(settings: EmailSettings, err: unknown): string {
  return `Amazon SES SendEmail failed${settings.ses.region ? ` in ${settings.ses.region}` : ''} (${oneLine(errorMessage(err))}): check the sender is verified and the credentials allow ses:SendEmail`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
