import type { Verdict } from '../verdict.js';
import { renderGateJson } from './json.js';
import { renderGateMarkdown } from './markdown.js';
import { renderGateText } from './text.js';

/** `mlcost gate --output` formats; the flag's choices come from this map. */
export const GATE_OUTPUTS = {
  text: renderGateText,
  markdown: renderGateMarkdown,
  json: renderGateJson,
} satisfies Record<string, (verdict: Verdict) => string>;

export type GateOutputFormat = keyof typeof GATE_OUTPUTS;
export const GATE_OUTPUT_FORMATS = Object.keys(GATE_OUTPUTS) as GateOutputFormat[];
