import { UserError, errorMessage } from '../errors.js';
import { handlebars } from '../render/report/handlebars.js';
import type { ReportView } from '../render/report/view.js';

/**
 * The subject comes from a template in mlcost.config.yaml, e.g.
 * "mlcost weekly: {{savings}}/month of savings found". It is a header, not HTML, so values are
 * not HTML-escaped; line breaks are removed so a tag value can never inject another header.
 */
export function renderSubject(template: string, view: ReportView): string {
  const fields = {
    savings: view.headline.monthlySavings,
    cost: view.headline.monthlyCost,
    share: view.headline.share,
    findings: view.headline.findingCount,
    date: view.date,
    accounts: view.scope.accounts,
    new: view.week?.newCount ?? '',
    resolved: view.week?.resolvedCount ?? '',
    realised: view.week?.realised ?? '',
  };
  let text: string;
  try {
    text = handlebars().compile(template, { noEscape: true, strict: true })(fields);
  } catch (err) {
    throw new UserError(`email.subject in mlcost.config.yaml: ${oneLine(errorMessage(err))} (fields: ${SUBJECT_FIELDS.join(', ')})`);
  }
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export const SUBJECT_FIELDS = ['savings', 'cost', 'share', 'findings', 'date', 'accounts', 'new', 'resolved', 'realised'] as const;
