import type { AuditResult } from '../engine/result.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
import type { Renderer, RenderOptions } from './types.js';

/** One entry per output format; `--output` choices are derived from this map. Add a format here. */
export const RENDERERS = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  csv: renderCsv,
  html: renderHtml,
} satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof RENDERERS;
export const OUTPUT_FORMATS = Object.keys(RENDERERS) as OutputFormat[];

/** A format's output in pieces for a writer to stream: its chunks where it has them, else its one string. */
export function renderChunks(format: OutputFormat, result: AuditResult, options: RenderOptions): Iterable<string> {
  const renderer: Renderer = RENDERERS[format];
  return renderer.chunks?.(result, options) ?? [renderer(result, options)];
}
