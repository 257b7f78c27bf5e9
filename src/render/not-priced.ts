import { notPriced } from '../engine/summarize.js';
import type { AuditResult } from '../engine/result.js';

/** "3 finding(s) not priced" and why, the most frequent reasons first (a few; the JSON result has every one). */
export interface NotPricedView {
  count: number;
  line: string;
  reasons: string[];
}

const REASONS_SHOWN = 5;
// Reasons can quote names from the Snapshot (instance types, regions): no control or bidi characters reach a terminal.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function notPricedView(findings: AuditResult['findings']): NotPricedView {
  const { count, reasons } = notPriced(findings);
  const shown = reasons.slice(0, REASONS_SHOWN).map((r) => `${r.reason.replace(CONTROL, ' ')} (${r.count})`);
  if (reasons.length > shown.length) shown.push(`and ${reasons.length - shown.length} more reason(s) in the JSON result`);
  return { count, line: count ? `${count} finding(s) not priced` : '', reasons: shown };
}
