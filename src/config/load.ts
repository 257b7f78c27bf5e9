import { resolve } from 'node:path';
import { fileExists } from '../files.js';
import { UserError } from '../errors.js';
import { ConfigSchema, type Config } from './schema.js';
import { readYaml, validateYaml } from './yaml-file.js';

export const DEFAULT_CONFIG_FILE = 'mlcost.config.yaml';

/**
 * Loads `--config FILE`, else ./mlcost.config.yaml when present, else the defaults.
 * Relative rule directories are resolved against the config file's folder.
 */
export async function loadConfig(explicit?: string): Promise<{ config: Config; file?: string }> {
  const file = explicit ?? ((await fileExists(DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (file === undefined) return { config: ConfigSchema.parse({}) };
  if (explicit !== undefined && !(await fileExists(explicit))) throw new UserError(`${explicit}: config file not found`);
  const config = validateYaml(await readYaml(file), ConfigSchema, 'config');
  const base = resolve(file, '..');
  config.rules.directories = config.rules.directories.map((d) => resolve(base, d));
  return { config, file };
}
