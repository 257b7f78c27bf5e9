import { resolve } from 'node:path';
import { fileExists } from '../files.js';
import { UserError } from '../errors.js';
import { defaultConfig } from './defaults.js';
import type { Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'mlcost.config.yaml';

/** Where a config setting was written, `file:line:col`, for errors found after loading (a rule id, a rule param). */
export type ConfigLocator = (path: readonly PropertyKey[]) => string;

export interface LoadedConfig {
  config: Config;
  file?: string;
  at: ConfigLocator;
}

/**
 * Loads `--config FILE`, else ./mlcost.config.yaml when present, else the defaults.
 * Relative rule directories are resolved against the config file's folder.
 */
export async function loadConfig(explicit?: string): Promise<LoadedConfig> {
  const file = explicit ?? ((await fileExists(DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (file === undefined) return { config: await defaultConfig(), at: () => 'config' };
  if (explicit !== undefined && !(await fileExists(explicit))) throw new UserError(`${explicit}: config file not found`);
  // Loaded only when there is a file: without one (rules list, audit --demo in a fresh folder) neither the YAML parser nor zod loads.
  const [{ locate, readYaml, validateYaml }, { ConfigSchema }] = await Promise.all([import('./yaml-file.js'), import('./schema.js')]);
  const src = await readYaml(file);
  const config = validateYaml(src, ConfigSchema, 'config');
  const base = resolve(file, '..');
  config.rules.directories = config.rules.directories.map((d) => resolve(base, d));
  return { config, file, at: (path) => locate(src, path) };
}
