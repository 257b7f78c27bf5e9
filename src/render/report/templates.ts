import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlebars } from './handlebars.js';

/**
 * Loads a template set from templates/<set>/: `layout.hbs` plus every partial in `partials/`.
 * The same path works from src/ (tests) and dist/ (the built CLI): both sit three levels down.
 * Each set gets its own Handlebars environment so partial names never collide across sets.
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

export type TemplateSet = 'report' | 'email';
type Compiled = (context: unknown) => string;

const cache = new Map<string, Compiled>();

export function template(set: TemplateSet, name = 'layout', opts: { escape?: boolean } = {}): Compiled {
  const key = `${set}/${name}/${opts.escape ?? true}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hb = handlebars().create();
  // Arithmetic on chart coordinates only (label offsets); money never passes through here.
  hb.registerHelper('add', (a: number, b: number) => Math.round((a + b) * 10) / 10);
  hb.registerHelper('sub', (a: number, b: number) => Math.round((a - b) * 10) / 10);
  // Handlebars passes its options object last; these helpers take only the real arguments.
  hb.registerHelper('array', (...args: unknown[]) => args.slice(0, -1));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  hb.registerHelper('lowercase', (s: string) => s.toLowerCase());
  const partials = join(TEMPLATES_DIR, set, 'partials');
  const files = existsSync(partials) ? readdirSync(partials).filter((f) => f.endsWith('.hbs')) : [];
  for (const file of files) {
    hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  // noEscape is only for the plain-text email part, which no browser or mail client renders as HTML.
  const compiled = hb.compile(readFileSync(join(TEMPLATES_DIR, set, `${name}.hbs`), 'utf8'), {
    noEscape: opts.escape === false,
    preventIndent: true,
  });
  cache.set(key, compiled);
  return compiled;
}
