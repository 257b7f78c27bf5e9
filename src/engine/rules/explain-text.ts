import { cleanLines } from '../../text/sanitize.js';
import { formatValue } from './docs.js';
import type { ParamSpec } from './schema.js';
import { signalsReadBy } from './signal-docs.js';
import type { RuleEntry } from './specs.js';

/**
 * `mlcost rules explain`: one rule's documentation. Apart from docs.ts because the signal reference
 * it quotes imports every resource type's schema, which `mlcost rules list` does not need.
 */

/** Everything a user needs to trust and tune one rule. Shows the effective value when config overrides a default. */
export function ruleExplainText(rule: RuleEntry): string {
  const s = rule.spec;
  const out = [
    `${s.id}: ${s.title}`,
    `resource ${s.resource} · category ${s.category} · severity ${s.severity} · action ${s.action.kind}`,
    `file ${rule.file}`,
    '',
    'Why',
    wrap(s.docs.summary),
    '',
    'Evidence',
    wrap(s.docs.evidence),
    '',
    'Risk',
    wrap(s.docs.risk),
    '',
    'How to act',
    wrap(s.docs.fix),
    '',
    'Params (override in mlcost.config.yaml under rules.params.' + s.id + ')',
  ];
  const params = Object.entries(s.params);
  if (!params.length) out.push('  (none)');
  for (const [name, p] of params) {
    const value = rule.params[name];
    const overridden = JSON.stringify(value) !== JSON.stringify(p.default);
    out.push(
      `  ${name} (${p.type}${bounds(p) ? `, ${bounds(p)}` : ''}) default ${formatValue(p.default)}${overridden ? `, set to ${formatValue(value)}` : ''}`,
    );
    out.push(`      ${p.description}`);
  }
  out.push('', 'Matches when (CEL)', `  ${s.when.replace(/\s+/g, ' ').trim()}`);
  const signals = signalsReadBy(rule);
  if (signals.length) out.push('', `Signals it reads (every ${s.resource} signal: docs/rules.md, "Signal reference")`, ...signals);
  if (s.docs.references.length) out.push('', 'References', ...s.docs.references.map((r) => `  ${r}`));
  return cleanLines(out.join('\n'));
}

function bounds(p: ParamSpec): string {
  if (p.min !== undefined && p.max !== undefined) return `${p.min}..${p.max}`;
  if (p.min !== undefined) return `>= ${p.min}`;
  if (p.max !== undefined) return `<= ${p.max}`;
  return '';
}

function wrap(text: string, width = 96, indent = '  '): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
