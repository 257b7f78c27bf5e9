import type { SpendReport } from '../report.js';
import { renderSpendCsv } from './csv.js';
import { renderSpendMarkdown } from './markdown.js';
import { renderSpendTable } from './table.js';

/** One entry per `spend --output` format; the flag's choices come from this map. */
export const SPEND_RENDERERS = {
  table: renderSpendTable,
  json: (r: SpendReport): string => `${JSON.stringify(r, null, 2)}\n`,
  csv: renderSpendCsv,
  markdown: renderSpendMarkdown,
} satisfies Record<string, (r: SpendReport) => string>;

export type SpendFormat = keyof typeof SPEND_RENDERERS;
export const SPEND_FORMATS = Object.keys(SPEND_RENDERERS) as SpendFormat[];
