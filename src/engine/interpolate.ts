/** Fills `{signals.cpuP95Pct}`-style placeholders in a rule's problem line. Unknown paths stay visible as `?`. */
export function interpolate(template: string, scope: Record<string, unknown>): string {
  return template.replace(/\{([a-zA-Z][\w.]*)\}/g, (_, path: string) => {
    let v: unknown = scope;
    for (const key of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);
    if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return '?';
  });
}
