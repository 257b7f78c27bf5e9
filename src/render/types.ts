import type { SavedSpendReport } from '../billing/report-read.js';
import type { AuditResult } from '../engine/result.js';

export interface RenderOptions {
  /** Colours and terminal width apply only to the table, where colour is wanted (src/cli/color.ts). */
  color: boolean;
  /** Terminal columns for the table; other formats ignore it. */
  width?: number;
  /** Most rows the table shows (largest savings first); 0 or undefined shows all. Other formats ignore it. */
  limit?: number;
  /** A previous result, for week-over-week views (report --previous). */
  previous?: AuditResult;
  /** Billed spend beside the audit (report --spend): the trend the weekly report shows. */
  spend?: { file: string; report: SavedSpendReport };
}

/** What a report shows beside the audit result itself. */
export type ReportExtras = Pick<RenderOptions, 'previous' | 'spend'>;

/** A renderer is a pure function: an audit result in, text out. It never computes money. */
export interface Renderer {
  (result: AuditResult, options: RenderOptions): string;
  /**
   * The same text in pieces, for formats whose output grows with the fleet: a writer streams them
   * without holding the whole document. Joined, they are exactly what the renderer returns.
   */
  readonly chunks?: (result: AuditResult, options: RenderOptions) => Iterable<string>;
}
