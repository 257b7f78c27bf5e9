import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';

const requireCjs = createRequire(import.meta.url);

/** Handlebars, loaded on first use (it is CommonJS, so this is the module `import` would give): only HTML and email need it. */
export function handlebars(): typeof HandlebarsModule {
  return requireCjs('handlebars') as typeof HandlebarsModule;
}
