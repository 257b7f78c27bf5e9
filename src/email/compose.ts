import type { AuditResult } from '../engine/result.js';
import { renderHtml } from '../render/html.js';
import { template } from '../render/report/templates.js';
import { buildView, type ReportView } from '../render/report/view.js';
import type { ReportExtras } from '../render/types.js';
import { cleanText, guardCommandLines } from '../text/sanitize.js';
import { spendBar } from './spend-bar.js';
import { renderSubject } from './subject.js';

/** A composed weekly email, ready for any transport; building it sends nothing. */
export interface WeeklyEmail {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: Buffer | string; contentType: string; cid?: string }[];
  /** The full HTML report, also attached; the command writes it to disk when sending fails. */
  report: { filename: string; html: string };
}

/** `mlcost-report-YYYY-MM-DD.html`, dated by the audit, so weekly files sort and never collide. */
export function reportFileName(result: AuditResult): string {
  return `mlcost-report-${result.generatedAt.slice(0, 10)}.html`;
}

const BAR_CID = 'spend-bar@mlcost';
const EMAIL_ROWS = 8;
/** Longest a field of the plain-text part keeps; the attached HTML report has the full value. */
const TEXT_FIELD_MAX = 300;

export function composeWeeklyEmail(result: AuditResult, opts: ReportExtras & { subject: string }): WeeklyEmail {
  const view = buildView(result, opts);
  const reportFile = reportFileName(result);
  const bar = spendBar(result);
  const context = {
    view,
    subject: renderSubject(opts.subject, view),
    topMoves: view.topMoves,
    // Category is already the spend bar's legend; the email lists teams and regions, briefly.
    breakdowns: view.breakdowns.filter((b) => b.title === 'By team' || b.title === 'By region').map((b) => ({ ...b, rows: b.rows.slice(0, EMAIL_ROWS) })),
    warnings: view.warnings.slice(0, EMAIL_ROWS),
    bar,
    barCid: BAR_CID,
    reportFile,
  };
  const report = renderHtml(result, { ...opts, color: false });
  return {
    subject: context.subject,
    html: template('email')(context),
    text: guardCommandLines(template('email', 'text', { escape: false })(cleanStrings(textContext(context)))),
    attachments: [
      ...(bar.legend.length ? [{ filename: 'spend.png', content: bar.png, contentType: 'image/png', cid: BAR_CID }] : []),
      { filename: reportFile, content: report, contentType: 'text/html; charset=utf-8' },
    ],
    report: { filename: reportFile, html: report },
  };
}

/**
 * The plain-text part lists the top moves, not every finding: leaving the finding lists out keeps
 * cleaning a 10,000-finding view from costing seconds.
 */
function textContext<C extends { view: ReportView }>(context: C): C {
  const { view } = context;
  const week = view.week && { ...view.week, newFindings: [], resolvedFindings: [] };
  return { ...context, view: { ...view, findings: [], ...(week ? { week } : {}) } };
}

/**
 * The context with every string through the one cleaning step, for the plain-text part: it is
 * not escaped (no mail client renders it as HTML), and it is often read in a terminal.
 */
function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value, TEXT_FIELD_MAX);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)]));
  }
  return value;
}
