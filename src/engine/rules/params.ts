import type { ParamSpec, ParamValue, RuleFile } from './schema.js';

export function defaultsOf(spec: RuleFile): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, p] of Object.entries(spec.params)) out[name] = p.default;
  return out;
}

/** Returns what is wrong with a param value, or undefined when it fits its spec. */
export function checkParam(p: ParamSpec, value: unknown): string | undefined {
  switch (p.type) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a ${p.type}, got ${JSON.stringify(value)}`;
      if (p.type === 'integer' && !Number.isInteger(value)) return `expected an integer, got ${value}`;
      if (p.min !== undefined && value < p.min) return `${value} is below the minimum ${p.min}`;
      if (p.max !== undefined && value > p.max) return `${value} is above the maximum ${p.max}`;
      return undefined;
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${JSON.stringify(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `expected a string, got ${JSON.stringify(value)}`;
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : `expected a list of strings, got ${JSON.stringify(value)}`;
  }
}
