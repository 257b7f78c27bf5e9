import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentHash, readKeyedCache } from '../build-cache.js';
import type { Config } from './schema.js';

/**
 * The config with every default filled in (what ConfigSchema makes of an empty file), for a run without
 * mlcost.config.yaml. The build caches it next to this module, keyed by the text of the modules the
 * defaults are written in, so such a run (`mlcost rules list` in a fresh folder) never loads zod; a
 * cache from other versions of them, or none (run from src/), means the schema makes it.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
export const CONFIG_DEFAULTS_CACHE_NAME = 'config-defaults.cache.json';
/** schema.ts and the module it takes defaults from. */
const DEFAULTS_MODULES = ['schema', 'neuron'];

/** The key of the defaults: the SHA-256 of the modules they come from, as built in `dir`. */
export async function configDefaultsKey(dir = HERE, ext = extname(fileURLToPath(import.meta.url))): Promise<string> {
  const texts = await Promise.all(DEFAULTS_MODULES.map((m) => readFile(join(dir, `${m}${ext}`), 'utf8')));
  return contentHash(texts.join('\0'));
}

export async function defaultConfig(cacheFile = join(HERE, CONFIG_DEFAULTS_CACHE_NAME)): Promise<Config> {
  const cached = await readKeyedCache(cacheFile, await configDefaultsKey().catch(() => ''));
  // The build wrote it from ConfigSchema.parse({}) of these very modules.
  if (cached !== undefined) return cached as Config;
  const { ConfigSchema } = await import('./schema.js');
  return ConfigSchema.parse({});
}
