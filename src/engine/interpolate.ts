type Part = string | string[];

/**
 * Compiles a rule's problem line once: `{signals.cpuP95Pct}`-style placeholders become path
 * lookups, so filling it for each finding is a walk, not a regex. Unknown paths print `?`.
 */
export function compileTemplate(template: string): (scope: Record<string, unknown>) => string {
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([a-zA-Z][\w.]*)\}/g)) {
    parts.push(template.slice(last, m.index), m[1]!.split('.'));
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  // join, not +=: one flat string rather than a chain of concatenation nodes, which every finding keeps.
  return (scope) => parts.map((part) => (typeof part === 'string' ? part : show(lookup(scope, part)))).join('');
}

function lookup(scope: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = scope;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return '?';
}
