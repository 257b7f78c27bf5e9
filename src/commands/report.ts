import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { chosenFormat, configFlag, jsonFlag, outFlag, outputFlag } from '../cli/flags.js';
import { outputWidth } from '../cli/width.js';
import { loadConfig } from '../config/load.js';
import type { Via } from '../email/send.js';
import { UserError, errorMessage } from '../errors.js';
import { readAuditResult } from '../engine/result-io.js';
import type { AuditResult } from '../engine/result.js';
import { renderHtml } from '../render/html.js';
import { OUTPUT_FORMATS, renderChunks } from '../render/index.js';
import type { ReportExtras } from '../render/types.js';
import { readSpendReport } from '../billing/report-read.js';

export default class Report extends BaseCommand {
  static override description =
    'Render a saved audit result (from `mlcost audit --output json`) as HTML, Markdown, CSV, a table or JSON; add the week-over-week view with --previous, the billed spend trend with --spend, and mail it with --email.';

  static override examples = [
    '<%= config.bin %> report week47.json --output html --out report.html',
    '<%= config.bin %> report week47.json -o markdown > comment.md',
    '<%= config.bin %> report week47.json --previous week46.json --email',
    '<%= config.bin %> report week47.json --previous week46.json --spend spend.json -o html --out week47.html',
    'MLCOST_SMTP_PASSWORD=... <%= config.bin %> report week47.json --previous week46.json --email --config mlcost.config.yaml',
  ];

  static override args = {
    result: Args.string({ description: 'Audit result JSON written by `mlcost audit --output json`.', required: true }),
  };

  static override flags = {
    output: outputFlag(OUTPUT_FORMATS, 'table'),
    json: jsonFlag,
    // The old name of --output, kept hidden for one release (removal planned for 0.3); using it prints a deprecation warning.
    format: Flags.option({ char: 'f', description: 'Deprecated: use --output.', options: OUTPUT_FORMATS, hidden: true, exclusive: ['output', 'json'] })(),
    out: outFlag('Write the report to this file instead of stdout.'),
    previous: Flags.string({ description: "Last period's audit result, for new/resolved findings and savings realised." }),
    spend: Flags.string({ description: 'Spend report (`mlcost spend --output json`): adds the billed spend trend.' }),
    email: Flags.boolean({ description: 'Mail the weekly report to the recipients in mlcost.config.yaml (email section).', default: false }),
    via: Flags.string({ description: 'How to send the email (default: email.via in the config, else smtp).', options: ['smtp', 'ses'] }),
    config: configFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Report);
    if (flags.format !== undefined) this.stderr.warn('mlcost: warning: --format is deprecated and goes away in the next release; use --output (-o)');
    const format = flags.format ?? chosenFormat(flags);
    const result = await readAuditResult(args.result);
    const extras: ReportExtras = {
      ...(flags.previous !== undefined ? { previous: await readAuditResult(flags.previous) } : {}),
      ...(flags.spend !== undefined ? { spend: { file: flags.spend, report: await readSpendReport(flags.spend) } } : {}),
    };
    const chunks = (): Iterable<string> => renderChunks(format, result, { ...extras, color: false, width: outputWidth(process.stdout) });
    if (flags.out !== undefined) {
      await this.saveChunks(flags.out, chunks);
      this.stderr.info(`wrote ${format} report to ${flags.out}`);
    } else if (!flags.email) {
      await this.emitChunks(chunks());
    }
    if (flags.email) await this.mail(result, extras, { ...flags, format });
  }

  /** Any failure to mail keeps the HTML report on disk, so a scheduled run never loses it. */
  private async mail(result: AuditResult, extras: ReportExtras, flags: { config?: string; via?: string; out?: string; format: string }): Promise<void> {
    // The email modules (nodemailer, the SES client) load only when mailing.
    const { composeWeeklyEmail, reportFileName } = await import('../email/compose.js');
    try {
      const { sendWeeklyEmail } = await import('../email/send.js');
      const { config } = await loadConfig(flags.config);
      if (config.email === undefined) throw new UserError('--email needs an `email:` section in mlcost.config.yaml (from, to, smtp or ses)');
      const via = (flags.via ?? config.email.via) as Via;
      const email = composeWeeklyEmail(result, { ...extras, subject: config.email.subject });
      const sent = await sendWeeklyEmail(email, config.email, via);
      this.stderr.info(`sent "${email.subject}" to ${sent.accepted.join(', ') || config.email.to.join(', ')} via ${via}`);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const kept = flags.out !== undefined && flags.format === 'html' ? flags.out : resolve(reportFileName(result));
      // When keeping the report fails too, both causes are told: the mail's is the one to fix first.
      if (kept !== flags.out)
        await this.saveChunks(kept, () => [renderHtml(result, { ...extras, color: false })]).catch((saveErr: unknown) => {
          throw new UserError(`${err.message}; ${errorMessage(saveErr)}`, err.exitCode);
        });
      throw new UserError(`${err.message}; the HTML report was saved to ${kept}`, err.exitCode);
    }
  }
}
